<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Tongguan — {city}</source>
        <translation>通管 — {city} 一网通管指挥中心</translation>
    </message>
    <message>
        <source>Tongguan</source>
        <translation>通管</translation>
    </message>
    <message>
        <source>{city} market supervision command center</source>
        <translation>{city} 一网通管指挥中心</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tongguan</source>
        <translation>关于通管(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {label}</source>
        <translation>数据库：{label}</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>This database holds generated demonstration data, not real records.</source>
        <translation>当前数据库为生成的演示数据，并非真实记录。</translation>
    </message>
    <message>
        <source>{count} market entities</source>
        <translation>市场主体 {count} 户</translation>
    </message>
    <message>
        <source>About Tongguan</source>
        <translation>关于通管</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tongguan&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;Market supervision command center for {city}.&lt;/p&gt;&lt;p&gt;Database: {label}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;通管&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;{city}一网通管市场监管指挥中心。&lt;/p&gt;&lt;p&gt;数据库：{label}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This workspace is not built yet.</source>
        <translation>此工作区尚未建成。</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Shows market entities, inspections and cases on the city map by township and grid.</source>
        <translation>按镇街和网格在城市地图上展示市场主体、检查和案件。</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Finds a market entity and shows its registration, licences and supervision history.</source>
        <translation>查询市场主体，查看其登记信息、许可证照和监管记录。</translation>
    </message>
    <message>
        <source>Double-random draws</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <source>Draws inspection targets and inspectors at random and records the results.</source>
        <translation>随机抽取检查对象和执法检查人员，并记录检查结果。</translation>
    </message>
    <message>
        <source>Cases &amp; deadlines</source>
        <translation>线索案件与时限</translation>
    </message>
    <message>
        <source>Tracks leads and cases through each stage against their statutory deadlines.</source>
        <translation>跟踪线索和案件的各个办理环节，对照法定时限督办。</translation>
    </message>
    <message>
        <source>Collaboration</source>
        <translation>部门协同</translation>
    </message>
    <message>
        <source>Hands tasks between departments and follows each hand-off until it is answered.</source>
        <translation>在部门之间流转任务，跟踪每次移交直至办结反馈。</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>效能监察</translation>
    </message>
    <message>
        <source>Measures how promptly departments handle their work and flags overdue items.</source>
        <translation>衡量各部门办理工作的及时程度，标出超期事项。</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>指挥大屏</translation>
    </message>
    <message>
        <source>Shows the city&apos;s supervision overview on the command center&apos;s video wall.</source>
        <translation>在指挥中心大屏上展示全市监管态势。</translation>
    </message>
</context>
</TS>
