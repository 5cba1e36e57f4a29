<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Choose a department…</source>
        <translation>请选择部门…</translation>
    </message>
    <message>
        <source>Whose is it?</source>
        <translation>应由哪个部门办理？</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>转办至</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>分派至</translation>
    </message>
    <message>
        <source>e.g. XS20261120-1A2B3C4D</source>
        <translation>例如 XS20261120-1A2B3C4D</translation>
    </message>
    <message>
        <source>Reference of the original clue</source>
        <translation>原始线索编号</translation>
    </message>
    <message>
        <source>Why (the source and the next department read this)</source>
        <translation>理由（来源方和下一个部门将看到）</translation>
    </message>
    <message>
        <source>What was found and done (the source reads this)</source>
        <translation>核查情况与处置结果（来源方将看到）</translation>
    </message>
    <message>
        <source>Optional note</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Reason or result</source>
        <translation>理由或结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose the department.</source>
        <translation>请选择部门。</translation>
    </message>
    <message>
        <source>Type the reference number of the original clue.</source>
        <translation>请输入原始线索编号。</translation>
    </message>
    <message>
        <source>Say why, or what was done: this action needs it in words.</source>
        <translation>请写明理由或处置结果：此操作必须填写。</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <source>The user name {username} is taken.</source>
        <translation>用户名 {username} 已被占用。</translation>
    </message>
    <message>
        <source>A user name is 1 to 60 characters without spaces.</source>
        <translation>用户名为 1 至 60 个字符，不含空格。</translation>
    </message>
    <message>
        <source>A password has at least {minimum} characters.</source>
        <translation>密码至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <source>There is no role {role}.</source>
        <translation>没有角色 {role}。</translation>
    </message>
    <message>
        <source>A department user needs a department.</source>
        <translation>部门用户必须指定部门。</translation>
    </message>
    <message>
        <source>{username} is the last administrator: create another one first.</source>
        <translation>{username} 是最后一位系统管理员：请先创建另一位。</translation>
    </message>
    <message>
        <source>{username} is a system account: it has no password.</source>
        <translation>{username} 是系统账号，没有密码。</translation>
    </message>
    <message>
        <source>This database already has an administrator.</source>
        <translation>该数据库已有系统管理员。</translation>
    </message>
    <message>
        <source>Not found: {detail}</source>
        <translation>未找到：{detail}</translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation>无法连接数据库：{detail}</translation>
    </message>
    <message>
        <source>Not done: {detail}</source>
        <translation>未完成：{detail}</translation>
    </message>
</context>
<context>
    <name>ApiKeysTab</name>
    <message>
        <source>Source system</source>
        <translation>来源系统</translation>
    </message>
    <message>
        <source>Key begins</source>
        <translation>密钥开头</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>A new key for %1 was made; copy it from the dialog.</source>
        <translation>已为 %1 生成新密钥，请在对话框中复制。</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <source>Revoke %1's key %2…? Requests sent with it are refused from now on.</source>
        <translation>吊销 %1 的密钥 %2…？此后用它发送的请求将被拒绝。</translation>
    </message>
    <message>
        <source>Key %2… of %1 revoked.</source>
        <translation>%1 的密钥 %2… 已吊销。</translation>
    </message>
    <message>
        <source>Each system that pushes Open311 requests signs them with its own key. Only the beginning of a key is listed; the key itself is shown once, when it is made.</source>
        <translation>推送 Open311 诉求的每个系统使用各自的密钥。列表只显示密钥开头；密钥本身仅在生成时显示一次。</translation>
    </message>
    <message>
        <source>New key…</source>
        <translation>新建密钥…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
</context>
<context>
    <name>BatchEditor</name>
    <message>
        <source>Draw batch</source>
        <translation>抽查批次</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>牵头部门</translation>
    </message>
    <message>
        <source>Inspection window</source>
        <translation>检查时段</translation>
    </message>
    <message>
        <source>Departments and matters</source>
        <translation>参与部门及检查事项</translation>
    </message>
    <message>
        <source>Team size</source>
        <translation>每组人数</translation>
    </message>
    <message>
        <source>Eligible inspectors</source>
        <translation>可抽执法人员</translation>
    </message>
    <message>
        <source>The pool is the %1 entities selected on the map or in the search; filters below narrow it further.</source>
        <translation>检查对象名录为在地图或搜索中选定的 %1 个主体；下方筛选条件可进一步缩小范围。</translation>
    </message>
    <message>
        <source>Pool of inspection objects</source>
        <translation>检查对象名录</translation>
    </message>
    <message>
        <source>Only objects that a chosen matter applies to (industry, entity type)</source>
        <translation>仅抽取所选事项适用的对象（行业、主体类型）</translation>
    </message>
    <message>
        <source>Sampling by credit-risk class (no class is exempt)</source>
        <translation>按信用风险分类抽查（任何类别均不免检）</translation>
    </message>
    <message>
        <source>Ratio of the class</source>
        <translation>按比例</translation>
    </message>
    <message>
        <source>Fixed number</source>
        <translation>按固定数量</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>%1类</translation>
    </message>
    <message>
        <source>Only to leave the plan's bands on purpose: the reason</source>
        <translation>仅在有意超出计划比例区间时填写：理由</translation>
    </message>
    <message>
        <source>The reason is recorded with your name, shown on the batch and written into the draw record. Ratios must still rise with the risk.</source>
        <translation>理由将与您的姓名一并记录，显示在批次上并写入抽取记录。抽查比例仍须随风险升高。</translation>
    </message>
    <message>
        <source>Reason for ratios outside the bands</source>
        <translation>超出区间的理由</translation>
    </message>
    <message>
        <source>Avoidance (行政处罚法 Art. 43)</source>
        <translation>回避（《行政处罚法》第四十三条）</translation>
    </message>
    <message>
        <source>Skip inspectors with a declared conflict of interest</source>
        <translation>跳过已申报利害关系的执法人员</translation>
    </message>
    <message>
        <source>Skip inspectors who made the entity's last inspection</source>
        <translation>跳过上次检查该主体的执法人员</translation>
    </message>
    <message>
        <source>Skip inspectors who live in the entity's village</source>
        <translation>跳过居住在该主体所在村社的执法人员</translation>
    </message>
</context>
<context>
    <name>BatchExports</name>
    <message>
        <source>Writing the public notice…</source>
        <translation>正在生成公示…</translation>
    </message>
    <message>
        <source>Notice not written</source>
        <translation>公示未生成</translation>
    </message>
    <message>
        <source>Export the draw record</source>
        <translation>导出抽取记录</translation>
    </message>
    <message>
        <source>Which record?</source>
        <translation>导出哪一种记录？</translation>
    </message>
    <message>
        <source>The public record holds no risk class, village or conflict: anyone can check the pool, the randomness and the teams with it, but not which entities were drawn. The full record re-runs the whole draw and holds the risk classes: give it only to auditors (the discipline inspection office, a higher-level bureau).</source>
        <translation>公开记录不含风险等级、村居和利害关系信息：任何人都可用它核对对象名录、随机数和检查组，但不能核对抽中了哪些主体。完整记录可重新运行整个抽取，含各主体的风险等级：只提供给监督审查方（纪检监察机构、上级主管部门）。</translation>
    </message>
    <message>
        <source>Public record</source>
        <translation>公开记录</translation>
    </message>
    <message>
        <source>Full record (auditors)</source>
        <translation>完整记录（供监督审查）</translation>
    </message>
    <message>
        <source>Writing the draw record…</source>
        <translation>正在写出抽取记录…</translation>
    </message>
    <message>
        <source>Record not written</source>
        <translation>抽取记录未写出</translation>
    </message>
    <message>
        <source>Re-running the draw from its record…</source>
        <translation>正在按抽取记录重新计算…</translation>
    </message>
    <message>
        <source>Draw not verified</source>
        <translation>抽取未能复核</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Verified: re-running the record gives exactly what was drawn.</source>
        <translation>复核通过：按抽取记录重新计算的结果与实际抽取完全一致。</translation>
    </message>
    <message>
        <source>The draw does not verify</source>
        <translation>抽取复核未通过</translation>
    </message>
    <message>
        <source>Re-running the record does not give what is stored:</source>
        <translation>按抽取记录重新计算的结果与已存数据不一致：</translation>
    </message>
</context>
<context>
    <name>BatchOverview</name>
    <message>
        <source>This batch was abandoned: it will not be drawn.</source>
        <translation>该批次已放弃，不再抽取。</translation>
    </message>
    <message>
        <source>Choose a batch on the left, or create a plan and a batch.</source>
        <translation>请在左侧选择批次，或新建计划和批次。</translation>
    </message>
    <message>
        <source>%1, awaiting the random values</source>
        <translation>%1，待录入随机数</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>牵头部门</translation>
    </message>
    <message>
        <source>Inspection window</source>
        <translation>检查时段</translation>
    </message>
    <message>
        <source>(no matter chosen)</source>
        <translation>（未选检查事项）</translation>
    </message>
    <message>
        <source>teams of %1, %2 eligible inspectors; checks: %3</source>
        <translation>每组 %1 人，可抽执法人员 %2 名；检查事项：%3</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>名录库</translation>
    </message>
    <message>
        <source>%1 entities</source>
        <translation>%1 户</translation>
    </message>
    <message>
        <source>Sampling (fixed number per class)</source>
        <translation>抽查数量（按类别固定数量）</translation>
    </message>
    <message>
        <source>Sampling (ratio per class)</source>
        <translation>抽查比例（按类别）</translation>
    </message>
    <message>
        <source>Outside the plan's bands</source>
        <translation>超出计划比例区间</translation>
    </message>
    <message>
        <source>on purpose: “%1” (%2, %3)</source>
        <translation>经说明：“%1”（%2，%3）</translation>
    </message>
    <message>
        <source>Pool narrowed</source>
        <translation>名录库已收窄</translation>
    </message>
    <message>
        <source>only the objects a chosen matter applies to</source>
        <translation>仅限所选事项适用的对象</translation>
    </message>
    <message>
        <source>declared conflicts</source>
        <translation>已申报利害关系</translation>
    </message>
    <message>
        <source>last inspection of the entity</source>
        <translation>上次检查该主体</translation>
    </message>
    <message>
        <source>same village</source>
        <translation>同村社居住</translation>
    </message>
    <message>
        <source>Avoidance</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Inspection tasks</source>
        <translation>检查任务</translation>
    </message>
    <message>
        <source>%1 done of %2</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <source>overdue: %1 inspections without results</source>
        <translation>已超期：%1 项检查尚无结果</translation>
    </message>
    <message>
        <source>Results to be published by</source>
        <translation>结果公示期限</translation>
    </message>
    <message>
        <source>Pool hash (SHA-256)</source>
        <translation>名录哈希值（SHA-256）</translation>
    </message>
    <message>
        <source>Locked at</source>
        <translation>锁定时间</translation>
    </message>
    <message>
        <source>Randomness</source>
        <translation>随机数来源</translation>
    </message>
    <message>
        <source>RFC 3797 public sources</source>
        <translation>RFC 3797 公开随机源</translation>
    </message>
    <message>
        <source>Announced sources</source>
        <translation>事先公布的随机源</translation>
    </message>
    <message>
        <source>Source values</source>
        <translation>随机源数值</translation>
    </message>
    <message>
        <source>Operator seed, committed before locking</source>
        <translation>操作员种子（锁定前已公布承诺值）</translation>
    </message>
    <message>
        <source>Seed commitment</source>
        <translation>种子承诺值</translation>
    </message>
    <message>
        <source>Revealed seed</source>
        <translation>已公开的种子</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥串</translation>
    </message>
    <message>
        <source>Drawn at</source>
        <translation>抽取时间</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>已抽取</translation>
    </message>
    <message>
        <source>%1 entities (%2 alternates taken for avoidance)</source>
        <translation>%1 户（因回避递补 %2 人次）</translation>
    </message>
    <message>
        <source>Record digest (SHA-256)</source>
        <translation>抽取记录摘要（SHA-256）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>抽取记录</translation>
    </message>
    <message>
        <source>none: this batch was imported from before draws were recorded, so it cannot be verified</source>
        <translation>无：该批次为系统启用前导入的历史数据，无法复核</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法版本</translation>
    </message>
    <message>
        <source>Published at</source>
        <translation>公示时间</translation>
    </message>
    <message>
        <source>Abandoned at</source>
        <translation>放弃时间</translation>
    </message>
    <message>
        <source>Abandoned by</source>
        <translation>放弃人</translation>
    </message>
    <message>
        <source>Reason (published)</source>
        <translation>放弃理由（已公布）</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>%1类</translation>
    </message>
    <message>
        <source>Not checked yet: “Check” lists every rule the batch breaks.</source>
        <translation>尚未检查：点击“检查”列出本批次违反的全部规则。</translation>
    </message>
    <message>
        <source>No problem found: the batch can be locked.</source>
        <translation>未发现问题，可以锁定。</translation>
    </message>
    <message>
        <source>%1 problems block locking:</source>
        <translation>%1 个问题导致无法锁定：</translation>
    </message>
    <message>
        <source>%1 warnings (they do not block locking).</source>
        <translation>%1 条提醒（不影响锁定）。</translation>
    </message>
    <message>
        <source>“Edit…” can keep in the pool only the objects a chosen matter applies to.</source>
        <translation>可在“编辑…”中只保留所选事项适用的对象。</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>提醒：</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Lock the pool…</source>
        <translation>锁定名录…</translation>
    </message>
    <message>
        <source>Discard batch…</source>
        <translation>删除批次…</translation>
    </message>
    <message>
        <source>Draw…</source>
        <translation>抽取…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Abandon batch…</source>
        <translation>放弃批次…</translation>
    </message>
    <message>
        <source>Notice (XLSX)…</source>
        <translation>公示名单（XLSX）…</translation>
    </message>
    <message>
        <source>Notice (PDF)…</source>
        <translation>公示名单（PDF）…</translation>
    </message>
    <message>
        <source>Results notice (XLSX)…</source>
        <translation>结果公示（XLSX）…</translation>
    </message>
    <message>
        <source>Results notice (PDF)…</source>
        <translation>结果公示（PDF）…</translation>
    </message>
    <message>
        <source>Export record…</source>
        <translation>导出抽取记录…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <source>Rules of the batch</source>
        <translation>批次规则</translation>
    </message>
    <message>
        <source>Published for verification</source>
        <translation>公开可验证信息</translation>
    </message>
    <message>
        <source>Check before locking</source>
        <translation>锁定前检查</translation>
    </message>
    <message>
        <source>Pool and drawn by credit-risk class (internal)</source>
        <translation>按信用风险分类的名录与抽中数（内部）</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划抽取</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>比例</translation>
    </message>
</context>
<context>
    <name>CaseClockDialog</name>
    <message>
        <source>Decision period: %1</source>
        <translation>办案期限：%1</translation>
    </message>
    <message>
        <source>No extension or pause yet.</source>
        <translation>尚无延期或暂停记录。</translation>
    </message>
    <message>
        <source>Resume the clock (the pause ends)</source>
        <translation>恢复计算期限（不计入期间结束）</translation>
    </message>
    <message>
        <source>Extend by collective decision</source>
        <translation>经集体讨论决定延期</translation>
    </message>
    <message>
        <source>Extend by %1 days (department head's approval)</source>
        <translation>延期 %1 日（负责人批准）</translation>
    </message>
    <message>
        <source>Pause: a period that does not count</source>
        <translation>暂停：不计入办案期限的期间</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>延期天数</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Write the reason (it is kept with the case).</source>
        <translation>请填写理由（随案件保存）。</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>听证</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Testing or inspection</source>
        <translation>检测检验</translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>鉴定</translation>
    </message>
    <message>
        <source>%1: extended by %2 days, department head's approval</source>
        <translation>%1：经负责人批准延期 %2 日</translation>
    </message>
    <message>
        <source>%1: extended by %2 days, collective decision</source>
        <translation>%1：经集体讨论决定延期 %2 日</translation>
    </message>
    <message>
        <source>%1 – …: %2, the clock is stopped</source>
        <translation>%1 – …：%2，期限暂停计算</translation>
    </message>
    <message>
        <source>%1 – %3: %2, %4 days not counted</source>
        <translation>%1 – %3：%2，%4 日不计入办案期限</translation>
    </message>
    <message>
        <source>Paused since %1 (%2): the clock is stopped with %3 days left; the decision is due on %4 if it resumes tomorrow.</source>
        <translation>自 %1 起暂停（%2）：期限停止计算，尚余 %3 日；如明日恢复，应于 %4 前作出决定。</translation>
    </message>
    <message>
        <source>Decision due on %1 (90 days from filing, %2 days extended).</source>
        <translation>应于 %1 前作出决定（自立案起 90 日，已延期 %2 日）。</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>集体讨论日期</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日</translation>
    </message>
    <message>
        <source>Optional note</source>
        <translation>备注（可选）</translation>
    </message>
</context>
<context>
    <name>CasesConfirm</name>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Decision period not changed</source>
        <translation>办案期限未变更</translation>
    </message>
    <message>
        <source>Decision not recorded</source>
        <translation>处理决定未登记</translation>
    </message>
    <message>
        <source>Cases not loaded</source>
        <translation>案件未加载</translation>
    </message>
    <message>
        <source>The decision is overdue (90 days from filing)</source>
        <translation>处理决定已逾期（立案之日起 90 日）</translation>
    </message>
    <message>
        <source>Extended by %1 days</source>
        <translation>已延期 %1 日</translation>
    </message>
    <message>
        <source>Decided after the deadline</source>
        <translation>超期作出决定</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>The clock is stopped: this date moves on each day the pause lasts</source>
        <translation>期限暂停计算：暂停期间此日期逐日顺延</translation>
    </message>
    <message>
        <source>Paused since %1</source>
        <translation>自 %1 起暂停计算</translation>
    </message>
    <message>
        <source>%1, extended %2 days</source>
        <translation>%1，已延期 %2 日</translation>
    </message>
    <message>
        <source>Case %1 decided on %2 — late: %3 days after its deadline of %4.</source>
        <translation>案件 %1 于 %2 作出决定——已超期：晚于期限 %4 共 %3 天。</translation>
    </message>
    <message>
        <source>Case %1 decided on %2, within its deadline of %4.</source>
        <translation>案件 %1 于 %2 作出决定，未超过期限 %4。</translation>
    </message>
    <message>
        <source>Case %1 paused from %2: the clock is stopped.</source>
        <translation>案件 %1 自 %2 起暂停计算期限。</translation>
    </message>
    <message>
        <source>Case %1: the decision is now due on %2.</source>
        <translation>案件 %1：现应于 %2 前作出决定。</translation>
    </message>
    <message>
        <source>Undecided only</source>
        <translation>仅未决定</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>登记处理决定…</translation>
    </message>
    <message>
        <source>Decision period…</source>
        <translation>办案期限…</translation>
    </message>
    <message>
        <source>Extend the decision period or pause it for a hearing, announcement, testing or appraisal (Art. 64)</source>
        <translation>延长办案期限，或因听证、公告、检测检验、鉴定暂停计算（第六十四条）</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>决定期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CasesWorkspace</name>
    <message>
        <source>Sign in to follow clues, cases and their deadlines.</source>
        <translation>登录后跟踪线索、案件及其时限。</translation>
    </message>
    <message>
        <source>Departments not loaded</source>
        <translation>无法读取部门</translation>
    </message>
    <message>
        <source>Clue not registered</source>
        <translation>线索未登记</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>File a case from clue %1? The decision is then due within 90 days.</source>
        <translation>根据线索 %1 立案？须在 90 日内作出处理决定。</translation>
    </message>
    <message>
        <source>Case not filed</source>
        <translation>未能立案</translation>
    </message>
    <message>
        <source>%1 files added.</source>
        <translation>已添加 %1 个附件。</translation>
    </message>
    <message>
        <source>Files not added</source>
        <translation>附件未添加</translation>
    </message>
    <message>
        <source>File not opened</source>
        <translation>无法打开附件</translation>
    </message>
    <message>
        <source>%1 is a program or launcher (%2). Tongguan does not open such files; save it and have it checked first.</source>
        <translation>%1 是程序或启动器（%2）。通管不直接打开此类文件，请先另存并经检查后再打开。</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>File not saved</source>
        <translation>附件未保存</translation>
    </message>
    <message>
        <source>Clues not exported</source>
        <translation>线索未导出</translation>
    </message>
    <message>
        <source>Clue registered.</source>
        <translation>线索已登记。</translation>
    </message>
    <message>
        <source>No clue has the reference number %1; nothing was changed.</source>
        <translation>没有编号为 %1 的线索，未作任何更改。</translation>
    </message>
    <message>
        <source>%1: %2 — now %3.</source>
        <translation>%1：%2 — 当前状态：%3。</translation>
    </message>
    <message>
        <source>Case filed; its decision is due within 90 days.</source>
        <translation>已立案，须在 90 日内作出处理决定。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>%2 clues written to %1.</source>
        <translation>已将 %2 条线索写入 %1。</translation>
    </message>
    <message>
        <source>%1 imported, %2 already here.</source>
        <translation>导入 %1 条，已存在 %2 条。</translation>
    </message>
    <message>
        <source>Nothing imported: %1 — at %2</source>
        <translation>未导入任何线索：%1 — 位置：%2</translation>
    </message>
    <message>
        <source>Clues not imported</source>
        <translation>线索未导入</translation>
    </message>
    <message>
        <source>Files of the clue</source>
        <translation>线索附件</translation>
    </message>
    <message>
        <source>New clue…</source>
        <translation>登记线索…</translation>
    </message>
    <message>
        <source>Import (Open311)…</source>
        <translation>导入（Open311）…</translation>
    </message>
    <message>
        <source>Export (Open311)…</source>
        <translation>导出（Open311）…</translation>
    </message>
    <message>
        <source>The clues of the current filter, for town and hotline systems</source>
        <translation>按当前筛选条件导出线索，供镇街和热线系统使用</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Double notification</source>
        <translation>双告知</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>告知承诺核查</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>分派规则</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Verifying department</source>
        <translation>核查部门</translation>
    </message>
    <message>
        <source>Words in a business scope</source>
        <translation>经营范围关键词</translation>
    </message>
    <message>
        <source>separated by |</source>
        <translation>以 | 分隔</translation>
    </message>
    <message>
        <source>Commitment text</source>
        <translation>承诺内容</translation>
    </message>
    <message>
        <source>Verification standard</source>
        <translation>核查标准</translation>
    </message>
    <message>
        <source>Consequence of a breach</source>
        <translation>违诺后果</translation>
    </message>
    <message>
        <source>Days to fulfil</source>
        <translation>履诺期限（天）</translation>
    </message>
    <message>
        <source>Working days to verify</source>
        <translation>核查期限（工作日）</translation>
    </message>
    <message>
        <source>A registration whose business scope names this matter opens a commitment verification for the verifying department.</source>
        <translation>经营范围含此事项的登记信息，将为核查部门开启承诺核查。</translation>
    </message>
    <message>
        <source>Edit catalogue matter</source>
        <translation>编辑告知承诺事项</translation>
    </message>
    <message>
        <source>New catalogue matter</source>
        <translation>新增告知承诺事项</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Verifying department</source>
        <translation>核查部门</translation>
    </message>
    <message>
        <source>Days to fulfil</source>
        <translation>履诺期限（天）</translation>
    </message>
    <message>
        <source>Working days to verify</source>
        <translation>核查期限（工作日）</translation>
    </message>
    <message>
        <source>Verification standard</source>
        <translation>核查标准</translation>
    </message>
    <message>
        <source>A registration whose business scope names a matter of this catalogue opens a commitment verification with these terms.</source>
        <translation>经营范围含本清单事项的登记信息，按此处条件开启承诺核查。</translation>
    </message>
    <message>
        <source>New matter…</source>
        <translation>新增事项…</translation>
    </message>
    <message>
        <source>Catalogue matter %1 saved.</source>
        <translation>告知承诺事项 %1 已保存。</translation>
    </message>
    <message>
        <source>Delete catalogue matter</source>
        <translation>删除告知承诺事项</translation>
    </message>
    <message>
        <source>Take matter %1 off the catalogue? Commitments already opened stay.</source>
        <translation>将事项 %1 移出清单？已开启的承诺核查保留。</translation>
    </message>
    <message>
        <source>Catalogue matter %1 deleted.</source>
        <translation>告知承诺事项 %1 已删除。</translation>
    </message>
</context>
<context>
    <name>CeremonyView</name>
    <message>
        <source>%1 of %2 drawn</source>
        <translation>已抽取 %1 / %2</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>名录库</translation>
    </message>
    <message>
        <source>%1 entities, frozen before any randomness was known</source>
        <translation>%1 个主体，已在随机数公布前锁定</translation>
    </message>
    <message>
        <source>Pool hash (SHA-256)</source>
        <translation>名录哈希值（SHA-256）</translation>
    </message>
    <message>
        <source>Randomness</source>
        <translation>随机数来源</translation>
    </message>
    <message>
        <source>not recorded (imported history)</source>
        <translation>未记录（导入的历史数据）</translation>
    </message>
    <message>
        <source>Public random sources (RFC 3797)</source>
        <translation>公开随机源（RFC 3797）</translation>
    </message>
    <message>
        <source>Seed commitment, published before locking</source>
        <translation>种子承诺值（锁定前已公布）</translation>
    </message>
    <message>
        <source>Seed revealed at the draw</source>
        <translation>抽取时公开的种子</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥串</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>重新演示</translation>
    </message>
    <message>
        <source>Leave full screen (Esc)</source>
        <translation>退出全屏（Esc）</translation>
    </message>
</context>
<context>
    <name>ClueDesk</name>
    <message>
        <source>Clues not loaded</source>
        <translation>无法读取线索</translation>
    </message>
    <message>
        <source>Clue not loaded</source>
        <translation>无法读取线索</translation>
    </message>
    <message>
        <source>Your role does not read clues.</source>
        <translation>您的角色无权查看线索。</translation>
    </message>
    <message>
        <source>No clue matches.</source>
        <translation>没有符合条件的线索。</translation>
    </message>
    <message>
        <source>%1–%2 of %3 clues</source>
        <translation>第 %1–%2 条，共 %3 条线索</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ 上一页</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>下一页 ›</translation>
    </message>
</context>
<context>
    <name>ClueDetailPanel</name>
    <message>
        <source>Choose a clue in the table to see its steps and act on it.</source>
        <translation>在表格中选择一条线索，查看办理过程并进行操作。</translation>
    </message>
    <message>
        <source>Ended %1</source>
        <translation>%1 已结束</translation>
    </message>
    <message>
        <source>No handling deadline</source>
        <translation>无办理期限</translation>
    </message>
    <message>
        <source>Overdue: to be handled by %1</source>
        <translation>已逾期：应于 %1 前办理</translation>
    </message>
    <message>
        <source>To be handled by %1</source>
        <translation>应于 %1 前办理</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>尚未确定</translation>
    </message>
    <message>
        <source>(village %1)</source>
        <translation>（村社 %1）</translation>
    </message>
    <message>
        <source>%1 code %2 %3</source>
        <translation>%1 代码 %2 %3</translation>
    </message>
    <message>
        <source>not mapped yet</source>
        <translation>尚未映射</translation>
    </message>
    <message>
        <source>not routed yet</source>
        <translation>尚未分派</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>监管事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>线索内容</translation>
    </message>
    <message>
        <source>Result fed back</source>
        <translation>反馈结果</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>重复于</translation>
    </message>
    <message>
        <source>Cases filed</source>
        <translation>已立案件</translation>
    </message>
    <message>
        <source>File a case…</source>
        <translation>立案…</translation>
    </message>
    <message>
        <source>File a case from this clue; the decision is due within 90 days of filing</source>
        <translation>根据此线索立案；须自立案之日起 90 日内作出决定</translation>
    </message>
    <message>
        <source>Clue</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Steps, newest first</source>
        <translation>办理过程（最新在前）</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>暂无附件。</translation>
    </message>
</context>
<context>
    <name>ClueFiles</name>
    <message>
        <source>Save the file</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Files like this one (*%1)</source>
        <translation>同类文件 (*%1)</translation>
    </message>
    <message>
        <source>clues_open311_%1</source>
        <translation>线索_open311_%1</translation>
    </message>
    <message>
        <source>Export clues (Open311)</source>
        <translation>导出线索（Open311）</translation>
    </message>
    <message>
        <source>Open311 GeoReport v2 (*.json)</source>
        <translation>Open311 GeoReport v2 (*.json)</translation>
    </message>
    <message>
        <source>Import clues (Open311)</source>
        <translation>导入线索（Open311）</translation>
    </message>
    <message>
        <source>Open311 GeoReport v2 (*.json);;All files (*)</source>
        <translation>Open311 GeoReport v2 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ClueFilterBar</name>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Not routed yet</source>
        <translation>尚未分派</translation>
    </message>
    <message>
        <source>Reference, description, entity or USCC</source>
        <translation>编号、内容、主体名称或信用代码</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <source>Open clues whose handling deadline has passed</source>
        <translation>已过办理期限的未办结线索</translation>
    </message>
</context>
<context>
    <name>ClueRefusals</name>
    <message>
        <source>A clue in the state “{state}” cannot be given “{action}”; allowed: {allowed}.</source>
        <translation>线索处于“{state}”状态，不能{action}；可进行的操作：{allowed}</translation>
    </message>
    <message>
        <source>There is no clue action “{action}”.</source>
        <translation>没有“{action}”这一操作</translation>
    </message>
    <message>
        <source>“{action}” needs a reason or a result in words.</source>
        <translation>“{action}”须写明原因或结果</translation>
    </message>
    <message>
        <source>“{action}” needs a department.</source>
        <translation>“{action}”须指明部门</translation>
    </message>
    <message>
        <source>A return or a transfer names another department.</source>
        <translation>退回或转办须指向另一个部门</translation>
    </message>
    <message>
        <source>A duplicate links to an original clue: not itself, not another duplicate.</source>
        <translation>重复件须关联一条原始线索（不能是自身或另一条重复件）</translation>
    </message>
    <message>
        <source>Only a claimed clue, or one being handled, can become a case.</source>
        <translation>只有已签收或处置中的线索才能立案</translation>
    </message>
    <message>
        <source>A case needs the market entity and the department.</source>
        <translation>立案须先确定市场主体和承办部门</translation>
    </message>
    <message>
        <source>Case {case} does not exist.</source>
        <translation>案件 {case} 不存在</translation>
    </message>
    <message>
        <source>Only a filed case not yet decided can be decided.</source>
        <translation>只有已立案未决定的案件才能作出决定</translation>
    </message>
    <message>
        <source>A decision cannot precede the filing.</source>
        <translation>决定日期不能早于立案日期</translation>
    </message>
    <message>
        <source>The clue was already claimed by {by}.</source>
        <translation>该线索已由{by}签收</translation>
    </message>
    <message>
        <source>A case was already filed from this clue: {case}.</source>
        <translation>该线索已立案 {case}</translation>
    </message>
    <message>
        <source>An attachment is at most 20 MB: {file}.</source>
        <translation>附件超过 20 MB：{file}</translation>
    </message>
    <message>
        <source>The attachment {file} cannot be read.</source>
        <translation>附件 {file} 无法读取</translation>
    </message>
    <message>
        <source>No market entity has the USCC {uscc}.</source>
        <translation>没有统一社会信用代码为 {uscc} 的市场主体</translation>
    </message>
    <message>
        <source>A clue's source is one of {allowed}, not “{source}”.</source>
        <translation>线索来源须为 {allowed} 之一，不是“{source}”</translation>
    </message>
    <message>
        <source>A clue needs a description.</source>
        <translation>请描述线索内容</translation>
    </message>
    <message>
        <source>A description is at most {max} characters.</source>
        <translation>线索描述不超过 {max} 字</translation>
    </message>
    <message>
        <source>There is no village with the code {village}.</source>
        <translation>没有代码为 {village} 的村社</translation>
    </message>
    <message>
        <source>A clue names the market entity by its USCC, or where it happened.</source>
        <translation>线索须指明市场主体（统一社会信用代码）或发生位置</translation>
    </message>
    <message>
        <source>Not a position: {lat}, {lng}.</source>
        <translation>位置坐标无效：{lat}, {lng}</translation>
    </message>
    <message>
        <source>Matter {matter} does not exist.</source>
        <translation>监管事项 {matter} 不存在</translation>
    </message>
    <message>
        <source>Attachment {attachment} does not exist.</source>
        <translation>附件 {attachment} 不存在</translation>
    </message>
    <message>
        <source>The attachment {file} is damaged: the stored file no longer matches its SHA-256.</source>
        <translation>附件 {file} 已损坏：校验值不符</translation>
    </message>
    <message>
        <source>The attachment folder is not this user's own folder.</source>
        <translation>附件文件夹不是本用户的私有文件夹</translation>
    </message>
    <message>
        <source>The written copy of the attachment {file} does not match its SHA-256.</source>
        <translation>附件 {file} 写出后校验值不符</translation>
    </message>
    <message>
        <source>A routing rule names a matter, an industry or a town.</source>
        <translation>分派规则至少要指定事项、行业或镇街之一</translation>
    </message>
    <message>
        <source>There is no matter {value}.</source>
        <translation>没有这个事项：{value}</translation>
    </message>
    <message>
        <source>There is no industry {value}.</source>
        <translation>没有这个行业：{value}</translation>
    </message>
    <message>
        <source>There is no town {value}.</source>
        <translation>没有这个镇街：{value}</translation>
    </message>
    <message>
        <source>There is no department {value}.</source>
        <translation>没有这个部门：{value}</translation>
    </message>
    <message>
        <source>Routing rule {rule} does not exist.</source>
        <translation>分派规则 {rule} 不存在</translation>
    </message>
    <message>
        <source>Case {case} is already decided and its period is over: it cannot be extended.</source>
        <translation>案件 {case} 已作出决定，办案期限已结束，不能再延期</translation>
    </message>
    <message>
        <source>Case {case} is already decided and its period is over: its clock cannot be paused.</source>
        <translation>案件 {case} 已作出决定，办案期限已结束，不能再暂停计算期限</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>须写明理由</translation>
    </message>
    <message>
        <source>A date cannot precede the filing on {filed}.</source>
        <translation>日期不能早于立案日期 {filed}</translation>
    </message>
    <message>
        <source>A date cannot be after today, {today}.</source>
        <translation>日期不能晚于今天 {today}</translation>
    </message>
    <message>
        <source>Unknown approval “{approval}”: the head's or a collective decision.</source>
        <translation>未知的批准方式“{approval}”：负责人批准或集体讨论决定</translation>
    </message>
    <message>
        <source>The head approves one extension only; a further one is a collective decision.</source>
        <translation>负责人批准的延期只有一次，再次延期须集体讨论决定</translation>
    </message>
    <message>
        <source>The head's extension is {days} days.</source>
        <translation>负责人批准的延期为 {days} 日</translation>
    </message>
    <message>
        <source>The first extension is the head's {days} days; a collective decision extends further.</source>
        <translation>首次延期由负责人批准 {days} 日，集体讨论决定用于其后的延期</translation>
    </message>
    <message>
        <source>An extension is 1 to 366 days.</source>
        <translation>延期天数须在 1 到 366 日之间</translation>
    </message>
    <message>
        <source>An extension is approved before the period ends on {due}.</source>
        <translation>延期须在办案期限（{due}）届满前批准</translation>
    </message>
    <message>
        <source>Only a hearing, an announcement, testing or appraisal does not count, not “{kind}”.</source>
        <translation>不计入期限的只有听证、公告、检测检验、鉴定，不是“{kind}”</translation>
    </message>
    <message>
        <source>The case has a pause still open: end it first.</source>
        <translation>案件已有一个未结束的不计入期间，先结束它</translation>
    </message>
    <message>
        <source>Pauses cannot overlap: the last one ended on {last}.</source>
        <translation>不计入期间不能重叠，上一个至 {last} 结束</translation>
    </message>
    <message>
        <source>The case has no open pause to end.</source>
        <translation>案件没有未结束的不计入期间</translation>
    </message>
    <message>
        <source>A pause cannot end before it starts on {start}.</source>
        <translation>不计入期间不能在开始（{start}）之前结束</translation>
    </message>
    <message>
        <source>The pause that began on {since} is still open: resume the clock before the decision.</source>
        <translation>案件自 {since} 起的不计入期间尚未结束，先恢复计算期限再作出决定</translation>
    </message>
    <message>
        <source>A date-time is required.</source>
        <translation>缺少时间</translation>
    </message>
    <message>
        <source>Not an ISO 8601 date-time: {value}.</source>
        <translation>不是 ISO 8601 时间：{value}</translation>
    </message>
    <message>
        <source>The year must be 1900–2200: {value}.</source>
        <translation>年份须在 1900–2200 之间：{value}</translation>
    </message>
    <message>
        <source>The source reference is the import's key: it cannot be empty.</source>
        <translation>source_ref 是导入的键，不能为空</translation>
    </message>
    <message>
        <source>Each request is a JSON object.</source>
        <translation>每个请求须是 JSON 对象</translation>
    </message>
    <message>
        <source>service_request_id is required.</source>
        <translation>缺少 service_request_id</translation>
    </message>
    <message>
        <source>{ext} must be an object.</source>
        <translation>{ext} 须是对象</translation>
    </message>
    <message>
        <source>The status is open or closed, not {value}.</source>
        <translation>status 须为 open 或 closed，不是 {value}</translation>
    </message>
    <message>
        <source>Unknown service_code {value}: not a matter code.</source>
        <translation>未知的 service_code {value}</translation>
    </message>
    <message>
        <source>Unknown department {value}.</source>
        <translation>未知的部门 {value}</translation>
    </message>
    <message>
        <source>Unknown village code {value}.</source>
        <translation>未知的村社代码 {value}</translation>
    </message>
    <message>
        <source>lat and long go together.</source>
        <translation>lat 与 long 须同时给出</translation>
    </message>
    <message>
        <source>A request needs an entity, a position or a village.</source>
        <translation>须有市场主体、位置或村社之一</translation>
    </message>
    <message>
        <source>Repeats request {first}: {key}.</source>
        <translation>与第 {first} 个请求重复：{key}</translation>
    </message>
    <message>
        <source>An Open311 file is a JSON array of service requests.</source>
        <translation>Open311 文件须是服务请求数组</translation>
    </message>
    <message>
        <source>Another workstation is importing the same requests; try again.</source>
        <translation>另一工作站正在导入相同的请求，请稍后重试</translation>
    </message>
    <message>
        <source>The original clue {original} of a duplicate is missing.</source>
        <translation>重复件的原始线索 {original} 不存在</translation>
    </message>
    <message>
        <source>Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: the department head may approve one extension of 30 days</source>
        <translation>市场监督管理行政处罚程序规定 第六十四条：经市场监督管理部门负责人批准，可以延长三十日</translation>
    </message>
    <message>
        <source>Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: any further extension is decided collectively by the department's heads</source>
        <translation>市场监督管理行政处罚程序规定 第六十四条：案情特别复杂或者有其他特殊情况，经延期仍不能作出处理决定的，应当由市场监督管理部门负责人集体讨论决定是否继续延期</translation>
    </message>
    <message>
        <source>Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: hearings, announcements, testing, inspection and appraisal do not count towards the period</source>
        <translation>市场监督管理行政处罚程序规定 第六十四条：案件处理过程中，听证、公告和检测、检验、检疫、鉴定等时间不计入前款所指的案件办理期限</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{sentence} ({rule})</source>
        <translation>{sentence}（{rule}）</translation>
    </message>
</context>
<context>
    <name>ClueTable</name>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Entity or place</source>
        <translation>主体或位置</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>自 %1 起逾期</translation>
    </message>
    <message>
        <source>(not routed)</source>
        <translation>（未分派）</translation>
    </message>
    <message>
        <source>(entity unknown) %1</source>
        <translation>（主体未知）%1</translation>
    </message>
</context>
<context>
    <name>CollabExport</name>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Edges</source>
        <translation>连线</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>流带</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>度中心性</translation>
    </message>
    <message>
        <source>Betweenness</source>
        <translation>中介中心性</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>协作群</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>线索数</translation>
    </message>
    <message>
        <source>Median (working days)</source>
        <translation>中位数（工作日）</translation>
    </message>
    <message>
        <source>90th percentile (working days)</source>
        <translation>90分位（工作日）</translation>
    </message>
    <message>
        <source>Returned or sent on</source>
        <translation>退回或转出</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期率</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
</context>
<context>
    <name>CollabFlow</name>
    <message>
        <source>Clues</source>
        <translation>线索数</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>%1 clues; median %2, 90th percentile %3</source>
        <translation>线索 %1 件；中位数 %2，90分位 %3</translation>
    </message>
</context>
<context>
    <name>CollabGraph</name>
    <message>
        <source>Volume</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>度中心性</translation>
    </message>
    <message>
        <source>Betweenness</source>
        <translation>中介中心性</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>协作群</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期率</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>90th pct.</source>
        <translation>90分位</translation>
    </message>
    <message>
        <source>Returned or sent on</source>
        <translation>退回或转出</translation>
    </message>
</context>
<context>
    <name>CollabWallScene</name>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Figures not read: %1</source>
        <translation>数据未能读取：%1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>CollabWords</name>
    <message>
        <source>Joint inspection</source>
        <translation>联合检查</translation>
    </message>
    <message>
        <source>Clue routed</source>
        <translation>线索分派</translation>
    </message>
    <message>
        <source>Clue transferred</source>
        <translation>线索转办</translation>
    </message>
    <message>
        <source>Clue returned</source>
        <translation>线索退回</translation>
    </message>
    <message>
        <source>Duplicate clue</source>
        <translation>重复线索</translation>
    </message>
    <message>
        <source>Double notification</source>
        <translation>双告知</translation>
    </message>
    <message>
        <source>Commitment check</source>
        <translation>承诺核查</translation>
    </message>
    <message>
        <source>Grid hand-over</source>
        <translation>网格移交</translation>
    </message>
    <message>
        <source>Clue</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Received → assigned</source>
        <translation>受理→分派</translation>
    </message>
    <message>
        <source>Assigned → claimed</source>
        <translation>分派→签收</translation>
    </message>
    <message>
        <source>Claimed → handling</source>
        <translation>签收→处置</translation>
    </message>
    <message>
        <source>Handling → fed back</source>
        <translation>处置→反馈</translation>
    </message>
    <message>
        <source>Fed back → closed</source>
        <translation>反馈→办结</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Case filed</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村社区</translation>
    </message>
    <message>
        <source>Shared queue</source>
        <translation>待认领队列</translation>
    </message>
    <message>
        <source>%1 wd</source>
        <translation>%1 工作日</translation>
    </message>
    <message>
        <source>Not routed yet</source>
        <translation>尚未分派</translation>
    </message>
</context>
<context>
    <name>CollaborationScene</name>
    <message>
        <source>How departments work together</source>
        <translation>部门协同情况</translation>
    </message>
    <message>
        <source>No figures for this period yet.</source>
        <translation>本时段暂无数据。</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自%1</translation>
    </message>
    <message>
        <source>Slowest hand-overs (median)</source>
        <translation>交接最慢（中位数）</translation>
    </message>
</context>
<context>
    <name>CollaborationWorkspace</name>
    <message>
        <source>Sign in to see how departments work together.</source>
        <translation>请登录后查看部门协同情况。</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>GraphML (*.graphml)</source>
        <translation>GraphML 文件 (*.graphml)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>The view is on the wall.</source>
        <translation>已推送到大屏。</translation>
    </message>
    <message>
        <source>Collaboration</source>
        <translation>部门协同</translation>
    </message>
    <message>
        <source>Collaboration graph</source>
        <translation>协同网络</translation>
    </message>
    <message>
        <source>Case flows</source>
        <translation>案件流向</translation>
    </message>
    <message>
        <source>Joint-plan suggestions</source>
        <translation>联合检查建议</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Picture (PNG)…</source>
        <translation>图片（PNG）…</translation>
    </message>
    <message>
        <source>Graph (GraphML)…</source>
        <translation>网络图（GraphML）…</translation>
    </message>
    <message>
        <source>Figures (XLSX)…</source>
        <translation>数据表（XLSX）…</translation>
    </message>
    <message>
        <source>Push to wall</source>
        <translation>推送到大屏</translation>
    </message>
    <message>
        <source>Your role does not push views to the wall.</source>
        <translation>您的角色不能推送到大屏。</translation>
    </message>
</context>
<context>
    <name>CommitmentsPage</name>
    <message>
        <source>Verification not recorded</source>
        <translation>核查结果未登记</translation>
    </message>
    <message>
        <source>Commitments not loaded</source>
        <translation>告知承诺未加载</translation>
    </message>
    <message>
        <source>The verification is overdue</source>
        <translation>核查已逾期</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>已履行</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>未履行</translation>
    </message>
    <message>
        <source>Commitment: %1</source>
        <translation>承诺内容：%1</translation>
    </message>
    <message>
        <source>Verification recorded: %1 kept its commitment.</source>
        <translation>核查已登记：%1 已履行承诺。</translation>
    </message>
    <message>
        <source>Verification recorded: %1 broke its commitment. A credit record was written and case %2 filed; its decision is due within 90 days.</source>
        <translation>核查已登记：%1 未履行承诺，已记入信用记录并立案 %2，应在 90 日内作出处理决定。</translation>
    </message>
    <message>
        <source>Verification recorded: %1 broke its commitment. A credit record was written.</source>
        <translation>核查已登记：%1 未履行承诺，已记入信用记录。</translation>
    </message>
    <message>
        <source>Show done too</source>
        <translation>同时显示已核查</translation>
    </message>
    <message>
        <source>Record verification…</source>
        <translation>登记核查结果…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Check against</source>
        <translation>核查标准</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>核查期限</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核查结果</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Database connection restored.</source>
        <translation>数据库连接已恢复。</translation>
    </message>
    <message>
        <source>Changes can be saved again.</source>
        <translation>可以继续保存更改。</translation>
    </message>
    <message>
        <source>Database connection lost — retrying…</source>
        <translation>数据库连接中断，正在重试…</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}：{message}</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>(last attempt {time})</source>
        <translation>（最近一次尝试 {time}）</translation>
    </message>
</context>
<context>
    <name>CreditPanel</name>
    <message>
        <source>Administrative penalty</source>
        <translation>行政处罚</translation>
    </message>
    <message>
        <source>Abnormal-operation list</source>
        <translation>经营异常名录</translation>
    </message>
    <message>
        <source>Serious-violation list</source>
        <translation>严重违法失信名单</translation>
    </message>
    <message>
        <source>Broken commitment</source>
        <translation>违反承诺</translation>
    </message>
    <message>
        <source>Late annual report</source>
        <translation>未按时报送年报</translation>
    </message>
    <message>
        <source>Upheld complaint</source>
        <translation>投诉经查属实</translation>
    </message>
    <message>
        <source>Other dishonesty record</source>
        <translation>其他失信记录</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过有效期</translation>
    </message>
    <message>
        <source>Taken off the list</source>
        <translation>已移出名单</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已信用修复</translation>
    </message>
    <message>
        <source>until {day}</source>
        <translation>至 {day}</translation>
    </message>
    <message>
        <source>{state} ({until})</source>
        <translation>{state}（{until}）</translation>
    </message>
</context>
<context>
    <name>CreditRepairDialog</name>
    <message>
        <source>Credit repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <source>{date} · {kind} · {title}</source>
        <translation>{date} · {kind} · {title}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Repaired on</source>
        <translation>修复日期</translation>
    </message>
    <message>
        <source>What the entity did: corrected the violation, paid the fine, made a public credit commitment…</source>
        <translation>主体采取的措施：已改正违法行为、已缴清罚款、已公开作出信用承诺……</translation>
    </message>
    <message>
        <source>What the entity did</source>
        <translation>修复依据</translation>
    </message>
    <message>
        <source>The evidence file's name</source>
        <translation>证明材料文件名</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Grant the repair</source>
        <translation>准予修复</translation>
    </message>
    <message>
        <source>The repair date must lie between the record's date and today.</source>
        <translation>修复日期须在记录日期与今天之间。</translation>
    </message>
    <message>
        <source>Say what the entity did to earn the repair.</source>
        <translation>请写明主体为信用修复做了什么。</translation>
    </message>
    <message>
        <source>Choose the evidence file (or type its name).</source>
        <translation>请选择证明材料文件（或填写其名称）。</translation>
    </message>
    <message>
        <source>From {day} on this record no longer counts against the entity's credit, and its class is computed again. The repair, its note and its evidence are kept in the audit log.</source>
        <translation>自 {day} 起，该记录不再计入主体信用，信用分类将重新计算。修复及其依据、证明材料记入审计日志。</translation>
    </message>
    <message>
        <source>Evidence of the repair</source>
        <translation>信用修复证明材料</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>You may not repair this record: only the leader, or the department that recorded it, grants a credit repair.</source>
        <translation>您无权修复该记录：信用修复由领导或记录该事项的部门准予。</translation>
    </message>
    <message>
        <source>Someone else has repaired this record already: {reason}</source>
        <translation>该记录已由他人修复：{reason}</translation>
    </message>
    <message>
        <source>The repair was refused: {reason}</source>
        <translation>信用修复被拒绝：{reason}</translation>
    </message>
</context>
<context>
    <name>CreditRulesPage</name>
    <message>
        <source>Sign in as an administrator or a leader to see the credit rules.</source>
        <translation>请以管理员或领导身份登录查看信用规则。</translation>
    </message>
    <message>
        <source>built-in rule set</source>
        <translation>内置规则</translation>
    </message>
    <message>
        <source>Scoring the city with these rules…</source>
        <translation>正在按此规则为全市评分…</translation>
    </message>
    <message>
        <source>Previewing the rule set…</source>
        <translation>正在预览规则…</translation>
    </message>
    <message>
        <source>Activate rule set</source>
        <translation>启用规则版本</translation>
    </message>
    <message>
        <source>Make version %1 the active rule set? Every entity is rescored at once and the classes that change drive the next draws and the map. Preview it first to see how many move.</source>
        <translation>启用第 %1 版规则？全市主体将立即重新评分，变动的等级将用于下一次抽查和地图着色。建议先预览，查看有多少主体变动等级。</translation>
    </message>
    <message>
        <source>Rescoring the city with version %1…</source>
        <translation>正在按第 %1 版规则为全市重新评分…</translation>
    </message>
    <message>
        <source>Change the rules and preview them to see how many entities would move from one class to another.</source>
        <translation>修改规则后点击预览，可查看多少主体会在各等级之间变动。</translation>
    </message>
    <message>
        <source>%1 entities would change class. Now: %2. Under these rules: %3.</source>
        <translation>将有 %1 户主体变动等级。现有：%2。按此规则：%3。</translation>
    </message>
    <message>
        <source>Saved as version %1. It is not active yet: choose it and activate it.</source>
        <translation>已保存为第 %1 版，尚未启用：选中后点击启用。</translation>
    </message>
    <message>
        <source>Version %1 is active; %2 entities changed class.</source>
        <translation>第 %1 版已启用，%2 户主体等级变动。</translation>
    </message>
    <message>
        <source>Edited from version %1: not saved yet.</source>
        <translation>基于第 %1 版修改，尚未保存。</translation>
    </message>
    <message>
        <source>Version %1 is the active rule set (applied %2).</source>
        <translation>第 %1 版为现行规则（启用于 %2）。</translation>
    </message>
    <message>
        <source>Version %1 is not active.</source>
        <translation>第 %1 版未启用。</translation>
    </message>
    <message>
        <source>Credit rules</source>
        <translation>信用规则</translation>
    </message>
    <message>
        <source>Every entity's credit score is its base score plus the points of its credit records in force, halving with age; the thresholds turn the score into class A-D, which sets the draw ratios and map colours. Classes are internal. Every version is kept, and every change is audited.</source>
        <translation>主体信用得分 = 基础分 + 有效信用记录的分值（随时间减半衰减）；分数线将得分划为 A-D 四级，用于确定抽查比例和地图着色。信用等级仅供内部使用。每个规则版本均予保留，每次变更均记入审计日志。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>保存人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Why this change (kept with the version)</source>
        <translation>修改理由（随版本保存）</translation>
    </message>
    <message>
        <source>Preview moves</source>
        <translation>预览等级变动</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Activate chosen version…</source>
        <translation>启用所选版本…</translation>
    </message>
    <message>
        <source>Class moves</source>
        <translation>等级变动</translation>
    </message>
    <message>
        <source>Rule sets</source>
        <translation>规则版本</translation>
    </message>
    <message>
        <source>List transitions</source>
        <translation>名录移转</translation>
    </message>
</context>
<context>
    <name>CreditSection</name>
    <message>
        <source>The credit section could not be loaded: {reason}</source>
        <translation>无法加载信用信息：{reason}</translation>
    </message>
    <message>
        <source>Credit ({count})</source>
        <translation>信用（{count}）</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>The credit class is internal to the supervision center; the records below are the entity's credit facts.</source>
        <translation>信用风险分类仅供监管中心内部使用；以下为该主体的信用记录。</translation>
    </message>
    <message>
        <source>Rule set version {version}: A from {a:g}, B from {b:g}, C from {c:g}, otherwise D; weights halve every {half:g} days.</source>
        <translation>规则版本 {version}：{a:g} 分及以上为 A 类，{b:g} 分及以上为 B 类，{c:g} 分及以上为 C 类，其余为 D 类；权重每 {half:g} 天减半。</translation>
    </message>
    <message>
        <source>Class {cls}: score {score:.2f} = base {base:g} {total:+.2f} from {count} records in force</source>
        <translation>{cls} 类：得分 {score:.2f} = 基准分 {base:g} {total:+.2f}（{count} 条有效记录）</translation>
    </message>
    <message>
        <source>; at least {cls} while on the list: {kinds}</source>
        <translation>；列入名单期间至少为 {cls} 类：{kinds}</translation>
    </message>
    <message>
        <source>The official class {cls} overrides the computed one (source: {source})</source>
        <translation>以官方分类 {cls} 类代替计算结果（来源：{source}）</translation>
    </message>
    <message>
        <source>Linked credit: no other entity of the same legal representative is on the serious-violation list.</source>
        <translation>关联信用：同一法定代表人的其他主体均未列入严重违法失信名单。</translation>
    </message>
    <message>
        <source>Linked credit: {count} other entities of the same legal representative are on the serious-violation list</source>
        <translation>关联信用：同一法定代表人的其他 {count} 户主体列入严重违法失信名单</translation>
    </message>
    <message>
        <source>Joint reward and punishment: on no red or black list.</source>
        <translation>联合奖惩：未列入红名单或黑名单。</translation>
    </message>
    <message>
        <source>{list}, because of: {records}</source>
        <translation>{list}，依据记录：{records}</translation>
    </message>
    <message>
        <source>Your department applies no measure of these lists.</source>
        <translation>本部门对上述名单无适用措施。</translation>
    </message>
    <message>
        <source>Measures your department applies:</source>
        <translation>本部门适用措施：</translation>
    </message>
    <message>
        <source>Measures the departments apply:</source>
        <translation>各部门适用措施：</translation>
    </message>
    <message>
        <source>{measure} (basis: {basis})</source>
        <translation>{measure}（依据：{basis}）</translation>
    </message>
    <message>
        <source>Credit repair…</source>
        <translation>信用修复…</translation>
    </message>
    <message>
        <source>Choose a record that is in force, not repaired yet and yours to repair.</source>
        <translation>请选择一条仍在有效期内、尚未修复且由您负责修复的记录。</translation>
    </message>
    <message>
        <source>Credit repair granted: “{title}” no longer counts from {day}.</source>
        <translation>已准予信用修复：“{title}”自 {day} 起不再计入信用。</translation>
    </message>
    <message>
        <source>Credit repair not granted</source>
        <translation>信用修复未获准予</translation>
    </message>
</context>
<context>
    <name>DatabaseHealthMonitor</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内无响应</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Record decision: %1</source>
        <translation>登记处理决定：%1</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>决定期限</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>A decision cannot precede the filing (%1).</source>
        <translation>决定日期不能早于立案日期（%1）。</translation>
    </message>
    <message>
        <source>%1 days after the deadline: it is recorded as late.</source>
        <translation>已超过期限 %1 天，将记为超期。</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>Draw %1</source>
        <translation>抽取：%1</translation>
    </message>
    <message>
        <source>Announced when the pool was locked:</source>
        <translation>锁定名录时公布的随机源：</translation>
    </message>
    <message>
        <source>Enter each source's published values on its own line, in the announced order (e.g. “2 5 12 8 10”):</source>
        <translation>按公布顺序逐行输入各随机源公布的数值（例如“2 5 12 8 10”）：</translation>
    </message>
    <message>
        <source>Commitment published when the pool was locked:</source>
        <translation>锁定名录时公布的承诺值：</translation>
    </message>
    <message>
        <source>Reveal the seed:</source>
        <translation>公开种子：</translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation>从文件读取…</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>No source entered yet.</source>
        <translation>尚未输入随机源。</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>密钥串：%1</translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>无法使用：%1</translation>
    </message>
    <message>
        <source>The seed matches the published commitment.</source>
        <translation>种子与公布的承诺值一致。</translation>
    </message>
    <message>
        <source>No seed entered yet.</source>
        <translation>尚未输入种子。</translation>
    </message>
    <message>
        <source>This seed does not match the published commitment.</source>
        <translation>该种子与公布的承诺值不符。</translation>
    </message>
    <message>
        <source>Load the seed</source>
        <translation>读取种子</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>DrawExports</name>
    <message>
        <source>Export the draw record</source>
        <translation>导出抽取记录</translation>
    </message>
    <message>
        <source>{stem}_record</source>
        <translation>{stem}_抽取记录</translation>
    </message>
    <message>
        <source>Draw record (*.json)</source>
        <translation>抽取记录 (*.json)</translation>
    </message>
    <message>
        <source>Export the public draw record</source>
        <translation>导出公开抽取记录</translation>
    </message>
    <message>
        <source>{stem}_public_record</source>
        <translation>{stem}_公开抽取记录</translation>
    </message>
    <message>
        <source>{stem}_results</source>
        <translation>{stem}_结果公示</translation>
    </message>
    <message>
        <source>{stem}_notice</source>
        <translation>{stem}_名单公示</translation>
    </message>
    <message>
        <source>Export the results notice</source>
        <translation>导出结果公示</translation>
    </message>
    <message>
        <source>Export the public notice</source>
        <translation>导出名单公示</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>DrawPicks</name>
    <message>
        <source>Published %1 (late)</source>
        <translation>已于 %1 公示（逾期）</translation>
    </message>
    <message>
        <source>Published %1</source>
        <translation>已于 %1 公示</translation>
    </message>
    <message>
        <source>Overdue since %1 (%2 working days)</source>
        <translation>自 %1 起逾期（%2 个工作日）</translation>
    </message>
    <message>
        <source>Due %1 (%2 working days left)</source>
        <translation>%1 前公示（剩 %2 个工作日）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Town / village</source>
        <translation>镇街 / 村社</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>检查组</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Results published</source>
        <translation>结果公示</translation>
    </message>
</context>
<context>
    <name>DrawProblems</name>
    <message>
        <source>The pool is empty: there is no entity to draw.</source>
        <translation>抽查对象库为空，没有可抽取的市场主体</translation>
    </message>
    <message>
        <source>USCC {uscc} is in the pool twice.</source>
        <translation>统一社会信用代码 {uscc} 在抽查对象库中出现两次</translation>
    </message>
    <message>
        <source>The pool is not in USCC order: {first} comes before {second}.</source>
        <translation>抽查对象库未按统一社会信用代码排序：{first} 在 {second} 之前</translation>
    </message>
    <message>
        <source>{count} entities have the risk class {stratum}, not one of A-D (e.g. {example}).</source>
        <translation>{count} 个市场主体的风险类别 {stratum} 不是 A-D（如 {example}）</translation>
    </message>
    <message>
        <source>The sampling rule names the class {stratum}, not one of A-D.</source>
        <translation>抽查规则中的类别 {stratum} 不是 A-D</translation>
    </message>
    <message>
        <source>The sampling rule gives both ratios and counts.</source>
        <translation>抽查规则同时给出了比例和数量</translation>
    </message>
    <message>
        <source>The sampling rule gives neither ratios nor counts.</source>
        <translation>抽查规则既没有比例也没有数量</translation>
    </message>
    <message>
        <source>Class {stratum} has {count} entities but no ratio or count.</source>
        <translation>{stratum} 类有 {count} 个市场主体，但抽查规则没有规定其比例或数量</translation>
    </message>
    <message>
        <source>Class {stratum}: a ratio of {value} exempts the class.</source>
        <translation>{stratum} 类的抽查比例为 {value}，等于豁免该类</translation>
    </message>
    <message>
        <source>Class {stratum}: a count of {value} exempts the class.</source>
        <translation>{stratum} 类的抽取数量为 {value}，等于豁免该类</translation>
    </message>
    <message>
        <source>Class {stratum}: the ratio {value} is not a number.</source>
        <translation>{stratum} 类的抽查比例 {value} 不是有效数字</translation>
    </message>
    <message>
        <source>Class {stratum}: the ratio {value} is above 100%.</source>
        <translation>{stratum} 类的抽查比例 {value} 超过 100%</translation>
    </message>
    <message>
        <source>Class {stratum}: the count {value} is not a whole number.</source>
        <translation>{stratum} 类的抽取数量 {value} 不是整数</translation>
    </message>
    <message>
        <source>No department takes part in the batch.</source>
        <translation>没有参与抽查的部门</translation>
    </message>
    <message>
        <source>Department {department} is listed twice.</source>
        <translation>部门 {department} 重复出现</translation>
    </message>
    <message>
        <source>Department {department}: teams of {size}, at least 2 are required.</source>
        <translation>部门 {department} 每组 {size} 名检查人员，至少需要 2 名</translation>
    </message>
    <message>
        <source>Department {department} has {count} eligible inspectors; a team needs {need}.</source>
        <translation>部门 {department} 只有 {count} 名符合条件的检查人员，每组需要 {need} 名</translation>
    </message>
    <message>
        <source>Inspector {inspector} belongs to department {owner}, not to department {department}.</source>
        <translation>检查人员 {inspector} 属于部门 {owner}，不能列入部门 {department} 的名录库</translation>
    </message>
    <message>
        <source>Inspector {inspector} is listed twice.</source>
        <translation>检查人员 {inspector} 在名录库中出现两次</translation>
    </message>
    <message>
        <source>Class {stratum}: the ratio {value} is outside the plan's band {band}.</source>
        <translation>{stratum} 类的抽查比例 {value} 不在本计划的区间 {band} 内</translation>
    </message>
    <message>
        <source>Class {stratum}: {count} of {size} ({ratio}); the plan's band {band} means {least}-{most}.</source>
        <translation>{stratum} 类抽取 {count} 个（共 {size} 个，{ratio}），本计划的区间 {band} 对应 {least}-{most} 个</translation>
    </message>
    <message>
        <source>Class {higher}, of higher risk, is sampled at {ratio}, less than class {lower} at {lower_ratio}.</source>
        <translation>{higher} 类（风险更高）的抽查比例 {ratio} 低于 {lower} 类的 {lower_ratio}</translation>
    </message>
    <message>
        <source>The batch is {status}; only a draft can be locked.</source>
        <translation>抽查批次状态为 {status}，只有草稿可以锁定</translation>
    </message>
    <message>
        <source>The window ends {end}, before it starts {start}.</source>
        <translation>检查时间窗结束日 {end} 早于开始日 {start}</translation>
    </message>
    <message>
        <source>The lead department {department} does not take part in the batch.</source>
        <translation>牵头部门 {department} 没有参加本批次</translation>
    </message>
    <message>
        <source>Department {department} has no inspection matter.</source>
        <translation>部门 {department} 没有选择抽查事项</translation>
    </message>
    <message>
        <source>Matter {matter} does not exist.</source>
        <translation>监管事项 {matter} 不存在</translation>
    </message>
    <message>
        <source>Matter {matter} belongs to department {owner}, not to department {department}.</source>
        <translation>监管事项 {matter} 属于部门 {owner}，不属于部门 {department}</translation>
    </message>
    <message>
        <source>Department {department}: {visits} visits, teams of {size}, {staff} inspectors, {days} working days in the window: {load} visits per inspector per working day, above the capacity of {capacity}.</source>
        <translation>部门 {department}：计划检查 {visits} 户，每组 {size} 人，{staff} 名检查人员，检查时间窗 {days} 个工作日，每人每个工作日 {load} 次，超过上限 {capacity} 次</translation>
    </message>
    <message>
        <source>{count} pool entities fit none of the batch's matters: {listed}</source>
        <translation>对象库中有 {count} 个市场主体不适用本批次的任何抽查事项：{listed}</translation>
    </message>
    <message>
        <source>Department {department}: after withdrawals for entity {entity} (USCC {uscc}) only {free} inspectors remain; a team needs {size}.</source>
        <translation>部门 {department} 为市场主体 {uscc}（编号 {entity}）回避后只剩 {free} 名检查人员，不足每组 {size} 名</translation>
    </message>
    <message>
        <source>The seed is empty.</source>
        <translation>种子为空</translation>
    </message>
    <message>
        <source>The seed has no commitment published in advance.</source>
        <translation>种子没有事先公布的承诺值</translation>
    </message>
    <message>
        <source>The seed does not match its commitment.</source>
        <translation>种子与事先公布的承诺值不符</translation>
    </message>
    <message>
        <source>The kind of randomness is unknown.</source>
        <translation>未知的随机数类型</translation>
    </message>
    <message>
        <source>The public random values cannot be used.</source>
        <translation>公开随机数无法使用</translation>
    </message>
    <message>
        <source>A seed draw needs the seed's SHA-256 commitment (64 hex digits) before locking.</source>
        <translation>用种子抽取须在锁定前给出种子的 SHA-256 承诺值（64 位十六进制）</translation>
    </message>
    <message>
        <source>Enter the public random values published after the batch was locked.</source>
        <translation>请输入锁定后公布的公开随机数</translation>
    </message>
    <message>
        <source>The revealed seed does not match the commitment published when the batch was locked.</source>
        <translation>揭示的种子与锁定时公布的承诺值不符</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>, ...</source>
        <translation>等</translation>
    </message>
</context>
<context>
    <name>DrawResultsPublishing</name>
    <message>
        <source>Publish results</source>
        <translation>公示结果</translation>
    </message>
</context>
<context>
    <name>DrawRules</name>
    <message>
        <source>Administrative Penalty Law Art. 42: at least two officers</source>
        <translation>行政处罚法 第四十二条：执法人员不得少于两人</translation>
    </message>
    <message>
        <source>Administrative Penalty Law Art. 43: an officer with a conflict of interest must withdraw</source>
        <translation>行政处罚法 第四十三条：执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避</translation>
    </message>
    <message>
        <source>State Council Guideline 2019 No. 5 and the local ratio table: ratios follow the credit-risk class, no class is exempt</source>
        <translation>国发〔2019〕5号 与本地抽查比例表：按信用风险分类确定抽查比例，任何类别不得豁免</translation>
    </message>
    <message>
        <source>A sampling ratio is above 0 and at most 100%</source>
        <translation>抽查比例须大于 0 且不超过 100%</translation>
    </message>
    <message>
        <source>Each class is sampled by ratio or by count, exactly one</source>
        <translation>每个类别只能按比例或按固定数量抽取，二者选一</translation>
    </message>
    <message>
        <source>One list, two pools: the pool of inspection objects</source>
        <translation>一单两库：抽查对象名录库</translation>
    </message>
    <message>
        <source>One list, two pools: the pool of law-enforcement inspectors</source>
        <translation>一单两库：执法检查人员名录库</translation>
    </message>
    <message>
        <source>Public verifiability: RFC 3797 public sources, or a seed committed to in advance</source>
        <translation>随机数须可公开验证：RFC 3797 公开随机源，或事先公布承诺值的种子</translation>
    </message>
    <message>
        <source>The local ratio table: each credit-risk class is sampled within its band; a plan may set its own</source>
        <translation>本地抽查比例表：按信用风险分类确定各类抽查比例的区间，计划可另定</translation>
    </message>
    <message>
        <source>State Council Guideline 2019 No. 5: the higher the credit risk, the higher the sampling ratio</source>
        <translation>国发〔2019〕5号：信用风险越高，抽查比例越高，不得倒挂</translation>
    </message>
    <message>
        <source>State Council Guideline 2019 No. 5: sampling must fit the enforcement staff; the plan's visits per inspector per working day</source>
        <translation>国发〔2019〕5号：抽查比例和频次须与执法力量相适应（本计划每名检查人员每个工作日的检查上限）</translation>
    </message>
    <message>
        <source>One list, two pools: the objects drawn must be ones the batch's inspection matters apply to</source>
        <translation>一单两库：抽查对象须适用本批次的抽查事项</translation>
    </message>
    <message>
        <source>One list, two pools: the list of inspection matters</source>
        <translation>一单两库：抽查事项清单</translation>
    </message>
    <message>
        <source>The inspection window must start before it ends</source>
        <translation>检查时间窗须先开始后结束</translation>
    </message>
    <message>
        <source>A batch cannot change once locked, and is drawn only after it is locked</source>
        <translation>抽查批次锁定后不得更改，锁定后才能抽取</translation>
    </message>
    <message>
        <source>The lead department takes part in a joint batch</source>
        <translation>联合抽查由牵头部门组织，牵头部门须参加</translation>
    </message>
</context>
<context>
    <name>DrawScene</name>
    <message>
        <source>Double-random draw</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <source>being prepared</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>pool frozen, waiting for the draw</source>
        <translation>名录库已锁定，待抽取</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>已抽取</translation>
    </message>
    <message>
        <source>drawn and published</source>
        <translation>已抽取并公示</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Lead department: %1 (%2 departments on the joint team)</source>
        <translation>牵头部门：%1（联合检查 %2 个部门）</translation>
    </message>
    <message>
        <source>Inspection window: %1 to %2</source>
        <translation>检查时段：%1 至 %2</translation>
    </message>
    <message>
        <source>Pool: %1 entities</source>
        <translation>名录库：%1 户</translation>
    </message>
    <message>
        <source>Drawn: %1 entities</source>
        <translation>已抽取：%1 户</translation>
    </message>
    <message>
        <source>Next draw</source>
        <translation>下一次抽查</translation>
    </message>
    <message>
        <source>No draw today</source>
        <translation>今日无抽查</translation>
    </message>
</context>
<context>
    <name>DrawStatus</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>已抽取</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已公示</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>已放弃</translation>
    </message>
</context>
<context>
    <name>DrawsWall</name>
    <message>
        <source> (primary)</source>
        <translation>（主屏）</translation>
    </message>
</context>
<context>
    <name>DrawsWorkspace</name>
    <message>
        <source>Sign in to plan and run draws.</source>
        <translation>登录后制定计划并组织抽取。</translation>
    </message>
    <message>
        <source>Reference data not loaded</source>
        <translation>无法读取基础数据</translation>
    </message>
    <message>
        <source>Plans not loaded</source>
        <translation>无法读取抽查计划</translation>
    </message>
    <message>
        <source>Batch not loaded</source>
        <translation>无法读取批次</translation>
    </message>
    <message>
        <source>Checking the batch against the rules…</source>
        <translation>正在按规则检查批次…</translation>
    </message>
    <message>
        <source>Batch not checked</source>
        <translation>批次未能检查</translation>
    </message>
    <message>
        <source>Freezing the pool…</source>
        <translation>正在锁定名录…</translation>
    </message>
    <message>
        <source>Locked: %1 entities, pool hash %2.</source>
        <translation>已锁定：%1 户，名录哈希值 %2。</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在抽取…</translation>
    </message>
    <message>
        <source>Abandon batch</source>
        <translation>放弃批次</translation>
    </message>
    <message>
        <source>Abandon “%1”? It will never be drawn. The reason is published in a notice of abandonment and in the audit log:</source>
        <translation>放弃“%1”？该批次将不再抽取。理由将在放弃公告和审计日志中公开：</translation>
    </message>
    <message>
        <source>Abandoned: %1</source>
        <translation>已放弃：%1</translation>
    </message>
    <message>
        <source>Batch not abandoned</source>
        <translation>批次未放弃</translation>
    </message>
    <message>
        <source>Published.</source>
        <translation>已公示。</translation>
    </message>
    <message>
        <source>Batch not published</source>
        <translation>批次未能公示</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>Drawn entities not loaded</source>
        <translation>无法读取抽中对象</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Drawn: %1 entities, %2 inspection tasks (%3 joined to other visits). Results are due by %4.</source>
        <translation>抽取完成：%1 户，生成检查任务 %2 项（%3 项并入其他联合检查）。结果须于 %4 前公示。</translation>
    </message>
    <message>
        <source>Discard the draft batch “%1”?</source>
        <translation>删除草稿批次“%1”？</translation>
    </message>
    <message>
        <source>Publish the notice of “%1”? The list becomes public; results must follow by %2.</source>
        <translation>公示“%1”的抽查名单？名单将对外公开，检查结果须于 %2 前公示。</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <source>New batch…</source>
        <translation>新建批次…</translation>
    </message>
    <message>
        <source>Discard plan…</source>
        <translation>删除计划…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Ceremony</source>
        <translation>抽取现场</translation>
    </message>
    <message>
        <source>Visits and results</source>
        <translation>检查任务与结果</translation>
    </message>
    <message>
        <source>Show full screen (for the wall)</source>
        <translation>全屏显示（投放大屏）</translation>
    </message>
</context>
<context>
    <name>EfficiencyTables</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>时限事项</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按期办结</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Seriously overdue</source>
        <translation>严重逾期</translation>
    </message>
    <message>
        <source>Ranked: every unit with a clock done (no minimum volume).</source>
        <translation>排名：所有有已办结事项的单位（不设最低事项数）。</translation>
    </message>
    <message>
        <source>Ranked: units with at least %1 clocks.</source>
        <translation>排名：时限事项不少于 %1 件的单位。</translation>
    </message>
    <message>
        <source>Ranked: units with at least %1 clocks; %2 below that listed after, unranked.</source>
        <translation>排名：时限事项不少于 %1 件的单位；不足的 %2 个单位列于其后，不参与排名。</translation>
    </message>
    <message>
        <source>&lt; %1 clocks</source>
        <translation>不足 %1 件</translation>
    </message>
    <message>
        <source>Fewer than %1 clocks: listed, not ranked</source>
        <translation>时限事项不足 %1 件：列出，不排名</translation>
    </message>
    <message>
        <source>Click to list these items</source>
        <translation>点击列出这些事项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Working days late</source>
        <translation>逾期工作日</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation>推送数</translation>
    </message>
    <message>
        <source>Claimed in time</source>
        <translation>按时认领</translation>
    </message>
    <message>
        <source>Claimed late</source>
        <translation>逾期认领</translation>
    </message>
    <message>
        <source>Unclaimed, past due</source>
        <translation>逾期未认领</translation>
    </message>
    <message>
        <source>Within 5 working days</source>
        <translation>认领期内</translation>
    </message>
    <message>
        <source>Claimed in time, %</source>
        <translation>按时认领率</translation>
    </message>
</context>
<context>
    <name>EfficiencyWorkspace</name>
    <message>
        <source>Sign in to see the efficiency monitor.</source>
        <translation>登录后查看效能监察。</translation>
    </message>
    <message>
        <source>Loading every deadline…</source>
        <translation>正在读取全部时限事项…</translation>
    </message>
    <message>
        <source>Deadlines not loaded</source>
        <translation>无法读取时限事项</translation>
    </message>
    <message>
        <source>the whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 — %2: %3 items</source>
        <translation>%1 — %2：%3 项</translation>
    </message>
    <message>
        <source> (the first 500 are listed)</source>
        <translation>（列出前 500 项）</translation>
    </message>
    <message>
        <source>Export the efficiency report</source>
        <translation>导出效能报表</translation>
    </message>
    <message>
        <source>efficiency_%1</source>
        <translation>效能报表_%1</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF document (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Report not written</source>
        <translation>报表未生成</translation>
    </message>
    <message>
        <source>%1 deadlines as of %2 (loaded in %3 s)</source>
        <translation>截至 %2 共 %1 项时限（读取用时 %3 秒）</translation>
    </message>
    <message>
        <source>Showing the last saved figures; reading the latest…</source>
        <translation>正在显示上次保存的数据，同时读取最新数据…</translation>
    </message>
    <message>
        <source>%1 of %2 pushes claimed within 5 working days (target 100%)</source>
        <translation>%2 条推送中 %1 条在 5 个工作日内认领（目标 100%）</translation>
    </message>
    <message>
        <source>Items not read</source>
        <translation>无法读取事项明细</translation>
    </message>
    <message>
        <source>all deadlines</source>
        <translation>全部时限事项</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Efficiency report: %1, due %2 (as of %3)</source>
        <translation>效能报表：%1，到期时间 %2（截至 %3）</translation>
    </message>
    <message>
        <source>Rank by</source>
        <translation>排名依据</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Rank from</source>
        <translation>排名门槛</translation>
    </message>
    <message>
        <source> clocks</source>
        <translation> 件</translation>
    </message>
    <message>
        <source>Units with fewer clocks are listed after the ranked ones, unranked: a unit with a handful of clocks says little.</source>
        <translation>时限事项少于此数的单位列于已排名单位之后，不参与排名：寥寥几件事项说明不了问题。</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>All deadlines</source>
        <translation>全部时限事项</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>近 4 周</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年度</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Seriously overdue</source>
        <translation>严重逾期</translation>
    </message>
    <message>
        <source>Pushes claimed in time</source>
        <translation>双告知按时认领率</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报表…</translation>
    </message>
    <message>
        <source>Leadership report…</source>
        <translation>领导分析报告…</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项明细</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>督办清单</translation>
    </message>
    <message>
        <source>Double notification</source>
        <translation>双告知</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>风险预警</translation>
    </message>
</context>
<context>
    <name>EntitiesEmptyPage</name>
    <message>
        <source>Market entities</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Searching market entities needs a database connection. Start the console with a database and sign in.</source>
        <translation>检索市场主体需要连接数据库。请连接数据库启动控制台并登录。</translation>
    </message>
</context>
<context>
    <name>EntitiesWorkspace</name>
    <message>
        <source>Operation failed</source>
        <translation>操作未成功</translation>
    </message>
    <message>
        <source>Reference data not loaded</source>
        <translation>基础数据未能加载</translation>
    </message>
    <message>
        <source>Saved the panorama as {path}.</source>
        <translation>全景已保存为 {path}。</translation>
    </message>
    <message>
        <source>PDF not written</source>
        <translation>PDF 未能生成</translation>
    </message>
    <message>
        <source>Panorama #{id}</source>
        <translation>全景 #{id}</translation>
    </message>
    <message>
        <source>Selection not read</source>
        <translation>未能读取所选主体</translation>
    </message>
    <message>
        <source>Exporting {count} entities…</source>
        <translation>正在导出 {count} 户市场主体…</translation>
    </message>
    <message>
        <source>Exporting entities…</source>
        <translation>正在导出市场主体…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Exported {count} entities to {path}.</source>
        <translation>已导出 {count} 户市场主体到 {path}。</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未生成文件。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>This result cannot be exported to that file type; for very large results choose CSV.</source>
        <translation>本次结果无法导出为该文件类型；结果很多时请选择 CSV。</translation>
    </message>
</context>
<context>
    <name>EntityErrors</name>
    <message>
        <source>The database cannot be reached. Check the network or ask the administrator.</source>
        <translation>无法连接数据库，请检查网络或联系系统管理员。</translation>
    </message>
    <message>
        <source>This is not a valid unified social credit code.</source>
        <translation>这不是有效的统一社会信用代码。</translation>
    </message>
    <message>
        <source>The record no longer exists; it may have been removed by someone else.</source>
        <translation>该记录已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <source>The change was refused because it breaks a rule.</source>
        <translation>该修改不符合规则，未被接受。</translation>
    </message>
    <message>
        <source>The operation was cancelled; nothing was changed.</source>
        <translation>操作已取消，未作任何修改。</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>文件无法写入。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. The details have been logged.</source>
        <translation>发生意外错误，详细信息已记入日志。</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>详细信息：{detail}</translation>
    </message>
</context>
<context>
    <name>EntityFileDialogs</name>
    <message>
        <source>entities_{date}</source>
        <translation>市场主体_{date}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>Export entities</source>
        <translation>导出市场主体</translation>
    </message>
    <message>
        <source>panorama_{name}</source>
        <translation>全景_{name}</translation>
    </message>
    <message>
        <source>Export panorama as PDF</source>
        <translation>将全景导出为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>EntitySearchBar</name>
    <message>
        <source>Credit code (full or partial), part of a name or an address</source>
        <translation>统一社会信用代码（全部或部分）、名称或地址中的任意字词</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Clear the search text and all filters</source>
        <translation>清空检索词和全部筛选条件</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村社</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Choose a town first</source>
        <translation>请先选择镇街</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村社</translation>
    </message>
</context>
<context>
    <name>EntitySearchPage</name>
    <message>
        <source>the search text holds a NUL or control character or broken Unicode, or is longer than %1 characters; remove them or shorten it</source>
        <translation>搜索文字含有空字符、控制字符或无效的 Unicode，或超过 %1 字；请删除这些字符或缩短</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>检索失败：{reason}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>about {count} entities</source>
        <translation>约 {count} 户</translation>
    </message>
    <message>
        <source>An estimate: counting every match exactly would take the shared server too long. Scroll to the end for the exact number.</source>
        <translation>估算值：在共享服务器上逐条精确计数耗时过长。滚动到末尾可得到准确数字。</translation>
    </message>
    <message>
        <source>{count} entities</source>
        <translation>共 {count} 户</translation>
    </message>
    <message>
        <source>{count} ten-thousand</source>
        <comment>a count in units of 10,000 (万)</comment>
        <translation>{count} 万</translation>
    </message>
    <message>
        <source>Market entities</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Add tags…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Remove tags…</source>
        <translation>移除标签…</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>Correct location…</source>
        <translation>更正位置…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Put regulatory tags on the selected entities</source>
        <translation>为所选市场主体添加监管属性标签</translation>
    </message>
    <message>
        <source>Take regulatory tags off the selected entities</source>
        <translation>移除所选市场主体的监管属性标签</translation>
    </message>
    <message>
        <source>Create a new regulatory tag</source>
        <translation>新建监管属性标签</translation>
    </message>
    <message>
        <source>Correct the position of the selected entity (WGS-84, GCJ-02 or BD-09)</source>
        <translation>更正所选市场主体的地理位置（WGS-84、GCJ-02 或 BD-09）</translation>
    </message>
    <message>
        <source>Export every entity of this result to Excel (.xlsx) or CSV</source>
        <translation>将本次检索结果的全部市场主体导出为 Excel（.xlsx）或 CSV</translation>
    </message>
    <message>
        <source>{count} selected</source>
        <translation>已选 {count} 户</translation>
    </message>
    <message>
        <source>Double-click a row for its panorama</source>
        <translation>双击一行查看主体全景</translation>
    </message>
    <message>
        <source>Select rows to tag them; double-click a row for its panorama</source>
        <translation>选中行可批量打标签；双击一行查看主体全景</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation>风险分类</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村社</translation>
    </message>
    <message>
        <source>Legal rep.</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所/经营场所</translation>
    </message>
    <message>
        <source>Click to sort by this column</source>
        <translation>单击按此列排序</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>此列不支持排序</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>EntityVocabulary</name>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Individual business</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>Farmers' cooperative</source>
        <translation>农民专业合作社</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>存续</translation>
    </message>
    <message>
        <source>Deregistered</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Licence revoked</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>A (low risk)</source>
        <translation>A类（低风险）</translation>
    </message>
    <message>
        <source>B (moderate risk)</source>
        <translation>B类（一般风险）</translation>
    </message>
    <message>
        <source>C (elevated risk)</source>
        <translation>C类（较高风险）</translation>
    </message>
    <message>
        <source>D (high risk)</source>
        <translation>D类（高风险）</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>行政许可</translation>
    </message>
    <message>
        <source>Key item</source>
        <translation>重点监管事项</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>行政处罚</translation>
    </message>
    <message>
        <source>Sampling test</source>
        <translation>抽检</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>Grid event</source>
        <translation>网格事件</translation>
    </message>
    <message>
        <source>Tag or location change</source>
        <translation>标签与位置变更</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Double notification</source>
        <translation>双告知</translation>
    </message>
    <message>
        <source>Notification commitment</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <source>Inspection task</source>
        <translation>检查任务</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>已认领</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Reported back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重启</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Filed for investigation</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>已履行</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>未履行</translation>
    </message>
</context>
<context>
    <name>FeedScene</name>
    <message>
        <source>Live: new clues and changes</source>
        <translation>实时动态</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 条动态</translation>
    </message>
    <message>
        <source>Pushed to the wall</source>
        <translation>大屏推送</translation>
    </message>
    <message>
        <source>Nothing pushed yet</source>
        <translation>暂无推送</translation>
    </message>
</context>
<context>
    <name>FeedsDialogs</name>
    <message>
        <source>Fill in %1.</source>
        <translation>请填写%1。</translation>
    </message>
</context>
<context>
    <name>FeedsPage</name>
    <message>
        <source>Feeds &amp; mappings</source>
        <translation>数据接入配置</translation>
    </message>
    <message>
        <source>What data from other systems needs: which department approves each permit, the matters handled by notification and commitment, the other systems' service codes, and their API keys. Every change here is written to the audit log.</source>
        <translation>外部系统数据接入所需的配置：各许可事项的审批部门、告知承诺事项、外部系统的服务编码及其接口密钥。此处每项修改都记入审计日志。</translation>
    </message>
    <message>
        <source>Permits and approving departments</source>
        <translation>许可事项与审批部门</translation>
    </message>
    <message>
        <source>Notification and commitment matters</source>
        <translation>告知承诺事项</translation>
    </message>
    <message>
        <source>Other systems' codes</source>
        <translation>外部系统编码</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>接口密钥</translation>
    </message>
    <message>
        <source>Sign in as an administrator to set up the data feeds.</source>
        <translation>请以管理员身份登录后配置数据接入。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>FeedsWords</name>
    <message>
        <source>There is no department {value}.</source>
        <translation>没有部门 {value}。</translation>
    </message>
    <message>
        <source>There is no matter {value}.</source>
        <translation>没有事项 {value}。</translation>
    </message>
    <message>
        <source>Permit {code} has no mapping any more; someone may have removed it.</source>
        <translation>许可事项 {code} 已无对应关系，可能已被他人删除。</translation>
    </message>
    <message>
        <source>Matter {code} is no longer in the catalogue; someone may have removed it.</source>
        <translation>事项 {code} 已不在清单中，可能已被他人删除。</translation>
    </message>
    <message>
        <source>Code {value} has no mapping any more; someone may have removed it.</source>
        <translation>编码 {value} 已无对应关系，可能已被他人删除。</translation>
    </message>
    <message>
        <source>{system} has no active key any more.</source>
        <translation>{system} 已没有有效密钥。</translation>
    </message>
    <message>
        <source>Permit code</source>
        <translation>许可事项编码</translation>
    </message>
    <message>
        <source>Permit name</source>
        <translation>许可事项名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Words in a business scope</source>
        <translation>经营范围关键词</translation>
    </message>
    <message>
        <source>Commitment text</source>
        <translation>承诺内容</translation>
    </message>
    <message>
        <source>Verification standard</source>
        <translation>核查标准</translation>
    </message>
    <message>
        <source>Consequence of a breach</source>
        <translation>违诺后果</translation>
    </message>
    <message>
        <source>Days to fulfil</source>
        <translation>履诺期限</translation>
    </message>
    <message>
        <source>Working days to verify</source>
        <translation>核查期限</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>来源系统</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation>服务编码</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>服务名称</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <source>Not found: {detail}</source>
        <translation>未找到：{detail}</translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation>无法连接数据库：{detail}</translation>
    </message>
    <message>
        <source>Not done: {detail}</source>
        <translation>未完成：{detail}</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The flow could not be built.</source>
        <translation>无法生成案件流向。</translation>
    </message>
    <message>
        <source>No clues in this period with these filters.</source>
        <translation>本时段内没有符合筛选条件的线索。</translation>
    </message>
    <message>
        <source>Clues: %1. Hover a band for figures, click it for its clues.</source>
        <translation>线索 %1 件。悬停流带查看数据，单击列出线索。</translation>
    </message>
    <message>
        <source>No stage has a duration yet.</source>
        <translation>尚无环节用时。</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Time is lost most at: %1, %2 (median %3).</source>
        <translation>耗时最多的环节：%1，%2（中位数 %3）。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>转办部门</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>All matters</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>Clue source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>监管事项</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Median working days:</source>
        <translation>中位工作日：</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>快</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>慢</translation>
    </message>
</context>
<context>
    <name>FlowsScene</name>
    <message>
        <source>Case flows: where time is lost</source>
        <translation>案件流向：耗时环节</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>转办部门</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>No figures for this period yet.</source>
        <translation>本时段暂无数据。</translation>
    </message>
    <message>
        <source>all departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Time is lost most at: %1, %2 (median %3).</source>
        <translation>耗时最多的环节：%1，%2（中位数 %3）。</translation>
    </message>
</context>
<context>
    <name>ForeignCodesTab</name>
    <message>
        <source>Source system</source>
        <translation>来源系统</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation>服务编码</translation>
    </message>
    <message>
        <source>Their name</source>
        <translation>对方名称</translation>
    </message>
    <message>
        <source>Our matter</source>
        <translation>本中心事项</translation>
    </message>
    <message>
        <source>Clues waiting</source>
        <translation>待分派线索</translation>
    </message>
    <message>
        <source>Newest received</source>
        <translation>最近收到</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 mapped to %3; %n waiting clue(s) routed.</source>
        <translation>
            <numerusform>%1 %2 已对应到 %3；已分派 %n 条待分派线索。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete mapping</source>
        <translation>删除对应关系</translation>
    </message>
    <message>
        <source>Forget that %1's code %2 means %3? New requests with it will wait unrouted again.</source>
        <translation>删除 %1 编码 %2 与 %3 的对应关系？此后带该编码的新诉求将重新等待分派。</translation>
    </message>
    <message>
        <source>Mapping of %1 %2 deleted.</source>
        <translation>%1 %2 的对应关系已删除。</translation>
    </message>
    <message>
        <source>Codes that clues wait with, unmapped, in the center's queue (newest first). Map one to route its clues.</source>
        <translation>中心队列中线索所带的未对应编码（最新在前）。对应后即分派其线索。</translation>
    </message>
    <message>
        <source>Map…</source>
        <translation>对应…</translation>
    </message>
    <message>
        <source>Mapped codes (system * holds for every system).</source>
        <translation>已对应的编码（系统 * 适用于所有系统）。</translation>
    </message>
    <message>
        <source>New mapping…</source>
        <translation>新增对应…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>GraphPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The graph could not be built.</source>
        <translation>无法生成协同网络。</translation>
    </message>
    <message>
        <source>No hand-overs of the chosen kinds in this period.</source>
        <translation>本时段内没有所选类型的交接。</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges; hover for figures, click for the items behind.</source>
        <translation>%1 个节点，%2 条连线；悬停查看数据，单击列出相关事项。</translation>
    </message>
    <message>
        <source>Size and width: volume; grey: not timed</source>
        <translation>大小与粗细：数量；灰色：无时限</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Villages instead of towns</source>
        <translation>按村社区（代替镇街）</translation>
    </message>
    <message>
        <source>Overdue:</source>
        <translation>超期率：</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>late</source>
        <translation>超期</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Sign in to import or export data.</source>
        <translation>请登录后导入或导出数据。</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>正在校验 %1</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>正在导出 %1</translation>
    </message>
    <message>
        <source>Save the error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>Error report saved: %1</source>
        <translation>错误报告已保存：%1</translation>
    </message>
    <message>
        <source>First %1 rows (%2)</source>
        <translation>前 %1 行（%2）</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 updated, %4 unchanged, %5 with problems.</source>
        <translation>共 %1 行：新增 %2 行，更新 %3 行，未变 %4 行，有问题 %5 行。</translation>
    </message>
    <message>
        <source>Check only, nothing written.</source>
        <translation>仅校验，未写入数据。</translation>
    </message>
    <message>
        <source>Nothing imported: the file has problems.</source>
        <translation>未导入：文件存在问题。</translation>
    </message>
    <message>
        <source>Valid rows imported; rows with problems left out.</source>
        <translation>已导入有效行；有问题的行未导入。</translation>
    </message>
    <message>
        <source>Nothing to change: the file was imported before.</source>
        <translation>无需变更：该文件此前已导入。</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <source>%1 rows exported to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Import a department's file (XLSX, CSV in UTF-8 or GB18030, JSON) with Chinese column headers: check it first, then import all of it, or only its valid rows. Export any kind in the same columns.</source>
        <translation>导入部门数据文件（XLSX、UTF-8 或 GB18030 编码的 CSV、JSON），列标题为中文：先校验，再全部导入或仅导入有效行。各类数据均可按相同的列导出。</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Import valid rows only</source>
        <translation>仅导入有效行</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <source>This kind of item cannot be opened from here yet.</source>
        <translation>此类事项暂不能从这里打开。</translation>
    </message>
    <message>
        <source>Click a node, an edge or a band to list the items behind it.</source>
        <translation>单击节点、连线或流带，列出相关事项。</translation>
    </message>
    <message>
        <source>%1 — the newest %2 of %3 items</source>
        <translation>%1 — 共 %3 项，显示最新 %2 项</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n item(s)</source>
        <translation>
            <numerusform>%1 — %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>KeyShownDialog</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy this key now and give it to the people who run %1. It is not shown again: only its fingerprint is kept. If it is lost, revoke it and make a new one.</source>
        <translation>请立即复制此密钥并交给 %1 的运维人员。密钥不会再次显示，系统只保存其指纹。如遗失，请吊销后重新生成。</translation>
    </message>
    <message>
        <source>The new API key of %1:</source>
        <translation>%1 的新接口密钥：</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>%1 的接口密钥</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>LeadershipReportDialog</name>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Building the leadership report</source>
        <translation>正在生成领导分析报告</translation>
    </message>
    <message>
        <source>leadership_%1_%2</source>
        <translation>领导分析报告_%1_%2</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the leadership report</source>
        <translation>保存领导分析报告</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入文件。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Report not written.</source>
        <translation>报告未生成。</translation>
    </message>
    <message>
        <source>Report not written</source>
        <translation>报告未生成</translation>
    </message>
    <message>
        <source>Leadership analysis report</source>
        <translation>领导分析报告</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>自定义时段</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>PDF with charts</source>
        <translation>PDF（含图表）</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Build…</source>
        <translation>生成…</translation>
    </message>
    <message>
        <source>Internal: the report names risk classes and is marked 内部资料 on every page. It is built in the background; you may keep working.</source>
        <translation>内部资料：报告涉及风险等级，每页均标注“内部资料”。报告在后台生成，期间可继续其他工作。</translation>
    </message>
</context>
<context>
    <name>ListingPage</name>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>第 %1–%2 条，共 %3 条</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ 上一页</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>下一页 ›</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Correct location</source>
        <translation>更正地理位置</translation>
    </message>
    <message>
        <source>Position of {name}. Now stored (WGS-84): {lat:.6f}, {lng:.6f}</source>
        <translation>{name} 的位置。当前存储（WGS-84）：{lat:.6f}, {lng:.6f}</translation>
    </message>
    <message>
        <source>WGS-84 (GPS, Tianditu)</source>
        <translation>WGS-84（GPS、天地图）</translation>
    </message>
    <message>
        <source>GCJ-02 (AMap / Tencent)</source>
        <translation>GCJ-02（高德/腾讯）</translation>
    </message>
    <message>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <source>Picking the point on a map comes with the map workspace; for now type or paste the coordinates.</source>
        <translation>在地图上点选位置将随“地图”工作区提供；目前请输入或粘贴坐标。</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Will be stored as WGS-84 {lat:.6f}, {lng:.6f}, {metres} m from the current position</source>
        <translation>将存储为 WGS-84 {lat:.6f}, {lng:.6f}，距当前位置 {metres} 米</translation>
    </message>
</context>
<context>
    <name>LocationMap</name>
    <message>
        <source>5 km</source>
        <translation>5 公里</translation>
    </message>
    <message>
        <source>Outside the city</source>
        <translation>位于市域外</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Lock the pool of %1</source>
        <translation>锁定名录：%1</translation>
    </message>
    <message>
        <source>Locking freezes the pool (%1 entities) and the rules of this batch. Their SHA-256 hash is published before any randomness is known. A locked batch cannot be edited.</source>
        <translation>锁定将固定本批次的检查对象名录（%1 户）和抽取规则，并在随机数产生前公布其 SHA-256 哈希值。锁定后不能再编辑。</translation>
    </message>
    <message>
        <source>Public random sources (RFC 3797), entered after locking</source>
        <translation>公开随机源（RFC 3797），锁定后录入</translation>
    </message>
    <message>
        <source>A seed generated here: its commitment is published now and the seed revealed at the draw</source>
        <translation>在此生成种子：现在公布承诺值，抽取时公开种子</translation>
    </message>
    <message>
        <source>Which public sources, drawn when: e.g. the welfare lottery results of 2027-03-02 and the Shanghai index close of that day</source>
        <translation>使用哪些公开随机源、何时产生：例如 2027-03-02 福利彩票开奖号码及当日上证指数收盘点位</translation>
    </message>
    <message>
        <source>Announce the sources now, in the order they will be used. They must be published after this moment and by someone outside the center.</source>
        <translation>现在按使用顺序公布随机源。随机源须在此之后产生，并由中心以外的机构发布。</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Copy seed</source>
        <translation>复制种子</translation>
    </message>
    <message>
        <source>Save seed to file…</source>
        <translation>保存种子到文件…</translation>
    </message>
    <message>
        <source>I have kept the seed safely. It is not stored until the draw; without it the batch cannot be drawn.</source>
        <translation>我已妥善保管种子。抽取前系统不保存种子，遗失将无法抽取。</translation>
    </message>
    <message>
        <source>Seed (secret until the draw)</source>
        <translation>种子（抽取前保密）</translation>
    </message>
    <message>
        <source>Commitment = SHA-256 of the seed (published now)</source>
        <translation>承诺值 = 种子的 SHA-256（现在公布）</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Save the seed</source>
        <translation>保存种子</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Seed not saved</source>
        <translation>种子未保存</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
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
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
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
        <source>Signed in as {username}</source>
        <translation>已登录账号：{username}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
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
    <name>MapCodeDialog</name>
    <message>
        <source>Source system</source>
        <translation>来源系统</translation>
    </message>
    <message>
        <source>* for every system</source>
        <translation>* 表示所有系统</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation>服务编码</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>服务名称</translation>
    </message>
    <message>
        <source>Find a matter</source>
        <translation>查找事项</translation>
    </message>
    <message>
        <source>code, name or department</source>
        <translation>编码、名称或部门</translation>
    </message>
    <message>
        <source>Our matter</source>
        <translation>本中心事项</translation>
    </message>
    <message>
        <source>Clues waiting with this code are routed to the matter's department at once; later requests with it are routed as they arrive.</source>
        <translation>带此编码的待分派线索立即分派给该事项的部门；此后带此编码的诉求到达即分派。</translation>
    </message>
    <message>
        <source>Map a service code</source>
        <translation>对应服务编码</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <source>Preparing the map of every entity…</source>
        <translation>正在准备全部市场主体的地图…</translation>
    </message>
</context>
<context>
    <name>MapDialogs</name>
    <message>
        <source>Push to wall</source>
        <translation>推送到大屏</translation>
    </message>
    <message>
        <source>The wall will show this view with the caption:</source>
        <translation>大屏将显示此视图，标题为：</translation>
    </message>
    <message>
        <source>Use the %1 selected entities as the pool of inspection objects of:</source>
        <translation>将选中的 %1 个主体作为以下批次的检查对象名录库：</translation>
    </message>
    <message>
        <source>Use as draw pool</source>
        <translation>设为抽查对象名录</translation>
    </message>
</context>
<context>
    <name>MapLabels</name>
    <message>
        <source>None of the chosen tags</source>
        <translation>不含所选标签</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>主体类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>主体数</translation>
    </message>
    <message>
        <source>Share of risk class D</source>
        <translation>D类（高风险）占比</translation>
    </message>
    <message>
        <source>Open clues</source>
        <translation>未办结线索</translation>
    </message>
    <message>
        <source>Overdue items</source>
        <translation>超期事项</translation>
    </message>
    <message>
        <source>Drawn entities</source>
        <translation>抽中对象</translation>
    </message>
    <message>
        <source>Thematic warnings</source>
        <translation>专题预警</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Preparing the map…</source>
        <translation>正在准备地图…</translation>
    </message>
    <message>
        <source>%1 entities match the filter; %2 in view.</source>
        <translation>符合条件的主体 %1 户，视图内 %2 户。</translation>
    </message>
    <message>
        <source>Updated in %1 ms.</source>
        <translation>更新用时 %1 毫秒。</translation>
    </message>
    <message>
        <source>Draw a rectangle or polygon on the map to select entities.</source>
        <translation>在地图上画矩形或多边形以圈选主体。</translation>
    </message>
    <message>
        <source>%1 entities selected.</source>
        <translation>已圈选 %1 个主体。</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>圈选</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Regions show</source>
        <translation>区域显示</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Drawn entities</source>
        <translation>抽中对象</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>主体类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Chosen tags</source>
        <translation>所选标签</translation>
    </message>
    <message>
        <source>Number of entities</source>
        <translation>主体数量</translation>
    </message>
    <message>
        <source>Share of risk class D</source>
        <translation>D类（高风险）占比</translation>
    </message>
    <message>
        <source>Open clues</source>
        <translation>未办结线索</translation>
    </message>
    <message>
        <source>Overdue items</source>
        <translation>超期事项</translation>
    </message>
    <message>
        <source>Add tags…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Remove tags…</source>
        <translation>移除标签…</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>导出名单…</translation>
    </message>
    <message>
        <source>Use as draw pool…</source>
        <translation>设为抽查对象名录…</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>清除圈选</translation>
    </message>
    <message>
        <source>Export as HTML…</source>
        <translation>导出为 HTML…</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as GeoJSON…</source>
        <translation>导出为 GeoJSON…</translation>
    </message>
    <message>
        <source>Push to wall…</source>
        <translation>推送到大屏…</translation>
    </message>
    <message>
        <source>Base map…</source>
        <translation>底图设置…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>村社区</translation>
    </message>
    <message>
        <source>Import surveyed village boundaries (tongguan geo import villages) to colour villages.</source>
        <translation>导入村社区测绘边界（tongguan geo import villages）后可按村社区着色。</translation>
    </message>
    <message>
        <source>Surveyed boundaries.</source>
        <translation>测绘边界。</translation>
    </message>
    <message>
        <source>Town regions are approximate (Voronoi cells); village boundaries are surveyed.</source>
        <translation>镇街区域为近似范围（泰森多边形），村社区边界为实测。</translation>
    </message>
    <message>
        <source>Town regions are approximate (Voronoi cells), not surveyed boundaries.</source>
        <translation>镇街区域为近似范围（泰森多边形），并非测绘边界。</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message>
        <source>Overdue clues by town</source>
        <translation>各镇街超期数</translation>
    </message>
    <message>
        <source>Open clues by town</source>
        <translation>各镇街在办线索</translation>
    </message>
    <message>
        <source>Market entities by town</source>
        <translation>各镇街市场主体</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>%1 towns · total %2</source>
        <translation>%1 个镇街 · 合计 %2</translation>
    </message>
</context>
<context>
    <name>MapWorkspace</name>
    <message>
        <source>Sign in to see the map.</source>
        <translation>登录后查看地图。</translation>
    </message>
    <message>
        <source>The map index could not be prepared</source>
        <translation>无法准备地图索引</translation>
    </message>
    <message>
        <source>The map page could not be built</source>
        <translation>无法生成地图页面</translation>
    </message>
    <message>
        <source>The city's reference data could not be read</source>
        <translation>无法读取本市基础数据</translation>
    </message>
    <message>
        <source>The map could not be updated</source>
        <translation>地图未能更新</translation>
    </message>
    <message>
        <source>Map error</source>
        <translation>地图错误</translation>
    </message>
    <message>
        <source>the map selection</source>
        <translation>地图圈选的主体</translation>
    </message>
    <message>
        <source>Exporting the selection…</source>
        <translation>正在导出圈选主体…</translation>
    </message>
    <message>
        <source>%1 entities written to %2</source>
        <translation>已将 %1 个主体写入 %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Use as draw pool</source>
        <translation>设为抽查对象名录</translation>
    </message>
    <message>
        <source>There is no draft batch; create one in the draw planner first.</source>
        <translation>当前没有草稿状态的抽查批次，请先在双随机抽查中新建批次。</translation>
    </message>
    <message>
        <source>The draw batch's pool now holds %1 entities.</source>
        <translation>该抽查批次的对象名录现有 %1 个主体。</translation>
    </message>
    <message>
        <source>Pool not set</source>
        <translation>未能设置对象名录</translation>
    </message>
    <message>
        <source>Pushed to the wall: %1</source>
        <translation>已推送到大屏：%1</translation>
    </message>
    <message>
        <source>Not pushed to the wall</source>
        <translation>未能推送到大屏</translation>
    </message>
    <message>
        <source>Export map as HTML</source>
        <translation>导出地图为 HTML</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Map saved to %1</source>
        <translation>地图已保存到 %1</translation>
    </message>
    <message>
        <source>Export entities as GeoJSON</source>
        <translation>导出市场主体为 GeoJSON</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON 文件 (*.geojson)</translation>
    </message>
    <message>
        <source>Exporting GeoJSON…</source>
        <translation>正在导出 GeoJSON…</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation>导出地图为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>The new base map is used the next time the console starts.</source>
        <translation>新的底图将在下次启动控制台时生效。</translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message>
        <source>Busiest</source>
        <translation>业务量最大</translation>
    </message>
    <message>
        <source>Most central (betweenness)</source>
        <translation>最居中（中介中心性）</translation>
    </message>
    <message>
        <source>Slowest hand-overs (median)</source>
        <translation>交接最慢（中位数）</translation>
    </message>
    <message>
        <source>Sending on what they receive</source>
        <translation>收到后转出较多</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%2 件中转出 %1 件（%3）</translation>
    </message>
    <message>
        <source>Community %1</source>
        <translation>协作群 %1</translation>
    </message>
    <message>
        <source>Communities (often at the same entities)</source>
        <translation>协作群（常在同一主体相遇）</translation>
    </message>
    <message>
        <source>none in this period</source>
        <translation>本时段无</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MoveMatrix</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation>现 %1</translation>
    </message>
    <message>
        <source>Rows: the class now. Columns: the class under the new rules. Green cells move to a better class, red ones to a worse class.</source>
        <translation>行：现有等级；列：新规则下的等级。绿色为升级，红色为降级。</translation>
    </message>
</context>
<context>
    <name>NewClueDialog</name>
    <message>
        <source>New clue</source>
        <translation>登记线索</translation>
    </message>
    <message>
        <source>Its number in the system it came from (optional)</source>
        <translation>来源系统中的编号（可选）</translation>
    </message>
    <message>
        <source>What was reported, where and when</source>
        <translation>反映的问题、地点和时间</translation>
    </message>
    <message>
        <source>Entity (USCC)</source>
        <translation>市场主体（统一社会信用代码）</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村社</translation>
    </message>
    <message>
        <source>18-character unified social credit code</source>
        <translation>18 位统一社会信用代码</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>(no matter named)</source>
        <translation>（未指定事项）</translation>
    </message>
    <message>
        <source>By the routing rules</source>
        <translation>按分派规则</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Register the clue</source>
        <translation>登记线索</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Source number</source>
        <translation>来源编号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>线索内容</translation>
    </message>
    <message>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>监管事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Describe the clue.</source>
        <translation>请填写线索内容。</translation>
    </message>
    <message>
        <source>Type the entity's USCC, or give a position or a village instead.</source>
        <translation>请输入主体的统一社会信用代码，或填写位置或村社。</translation>
    </message>
    <message>
        <source>%1 is not a valid unified social credit code.</source>
        <translation>%1 不是有效的统一社会信用代码。</translation>
    </message>
    <message>
        <source>Choose the village from the list.</source>
        <translation>请从列表中选择村社。</translation>
    </message>
    <message>
        <source>Files of the clue</source>
        <translation>线索附件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Source system</source>
        <translation>来源系统</translation>
    </message>
    <message>
        <source>e.g. yw12345</source>
        <translation>例如 yw12345</translation>
    </message>
    <message>
        <source>The system sends this key with every Open311 request; requests are recorded as coming from it. A system may have several keys.</source>
        <translation>该系统每次发送 Open311 诉求都附带此密钥，诉求记为来自该系统。一个系统可有多个密钥。</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>新建接口密钥</translation>
    </message>
</context>
<context>
    <name>NewTagDialog</name>
    <message>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>2 to 40 lowercase letters, digits or _, starting with a letter; it cannot be changed later</source>
        <translation>2 至 40 个小写字母、数字或下划线，以字母开头；创建后不可修改</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Meaning (Chinese)</source>
        <translation>含义（中文）</translation>
    </message>
    <message>
        <source>Meaning (English)</source>
        <translation>含义（英文）</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>A tag with this code already exists; choose another code.</source>
        <translation>已有使用此代码的标签，请换一个代码。</translation>
    </message>
    <message>
        <source>Tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <source>The code must be 2 to 40 lowercase letters, digits or _, starting with a letter.</source>
        <translation>代码须为 2 至 40 个小写字母、数字或下划线，并以字母开头。</translation>
    </message>
    <message>
        <source>A tag needs both a Chinese and an English name.</source>
        <translation>标签须同时有中文名称和英文名称。</translation>
    </message>
</context>
<context>
    <name>OverviewScene</name>
    <message>
        <source>City overview</source>
        <translation>全市概览</translation>
    </message>
    <message>
        <source>Market entities</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Open clues</source>
        <translation>在办线索</translation>
    </message>
    <message>
        <source>Handled on time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Dual-notification claims</source>
        <translation>双告知认领率</translation>
    </message>
    <message>
        <source>Inspections today</source>
        <translation>今日检查</translation>
    </message>
    <message>
        <source>Draws today</source>
        <translation>今日抽查</translation>
    </message>
</context>
<context>
    <name>PanoramaFields</name>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>主体类型</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人/经营者</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>登记状态</translation>
    </message>
    <message>
        <source>Town / village</source>
        <translation>镇街/村社</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation>信用风险分类</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所/经营场所</translation>
    </message>
    <message>
        <source>Location (WGS-84)</source>
        <translation>地理位置（WGS-84）</translation>
    </message>
    <message>
        <source>Regulatory tags</source>
        <translation>监管属性</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>暂无标签</translation>
    </message>
</context>
<context>
    <name>PanoramaPdf</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Generated {date} by {user} with Tongguan</source>
        <translation>{user} 于 {date} 由通管系统生成</translation>
    </message>
    <message>
        <source>Entity panorama</source>
        <translation>市场主体全景</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>在办事项</translation>
    </message>
    <message>
        <source>Timeline (newest first)</source>
        <translation>监管时间线（由新到旧）</translation>
    </message>
    <message>
        <source>Double-random draws</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <source>Double notification and commitments</source>
        <translation>双告知与告知承诺</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
</context>
<context>
    <name>PanoramaTables</name>
    <message>
        <source>{days} days overdue</source>
        <translation>已逾期 {days} 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>剩余 {days} 天</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Decay</source>
        <translation>衰减</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>抽查批次</translation>
    </message>
    <message>
        <source>Inspection window</source>
        <translation>检查时间段</translation>
    </message>
    <message>
        <source>Drawn from stratum</source>
        <translation>抽取层级</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>参与部门</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>PanoramaView</name>
    <message>
        <source>Town centres and the entity's position; picking a point on the map comes with the map workspace</source>
        <translation>镇街中心与该主体位置；在地图上点选位置将随“地图”工作区提供</translation>
    </message>
    <message>
        <source>Loading the panorama…</source>
        <translation>正在加载主体全景…</translation>
    </message>
    <message>
        <source>Add tags…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Remove tags…</source>
        <translation>移除标签…</translation>
    </message>
    <message>
        <source>Correct location…</source>
        <translation>更正位置…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Enter the position in WGS-84, GCJ-02 or BD-09; it is stored as WGS-84</source>
        <translation>可按 WGS-84、GCJ-02 或 BD-09 输入坐标，统一存储为 WGS-84</translation>
    </message>
    <message>
        <source>Timeline ({count})</source>
        <translation>时间线（{count}）</translation>
    </message>
    <message>
        <source>Open items ({count}, {overdue} overdue)</source>
        <translation>在办事项（{count}，逾期 {overdue}）</translation>
    </message>
    <message>
        <source>Open items ({count})</source>
        <translation>在办事项（{count}）</translation>
    </message>
    <message>
        <source>Draws ({count})</source>
        <translation>抽查记录（{count}）</translation>
    </message>
    <message>
        <source>Double notification and commitments ({count})</source>
        <translation>双告知与承诺（{count}）</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Set a new password for %1. The old one stops working, and a lock-out is lifted.</source>
        <translation>为 %1 设置新密码。旧密码将失效，锁定同时解除。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message>
        <source>A password has at least %n characters.</source>
        <translation>密码至少需要 %n 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>近90天</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
</context>
<context>
    <name>PermitDialog</name>
    <message>
        <source>Permit code</source>
        <translation>许可事项编码</translation>
    </message>
    <message>
        <source>Permit name</source>
        <translation>许可事项名称</translation>
    </message>
    <message>
        <source>Approving department</source>
        <translation>审批部门</translation>
    </message>
    <message>
        <source>Words in a business scope</source>
        <translation>经营范围关键词</translation>
    </message>
    <message>
        <source>separated by |</source>
        <translation>以 | 分隔</translation>
    </message>
    <message>
        <source>A registration whose business scope names this permit is pushed to its approving department; unmapped permits go to the shared queue.</source>
        <translation>经营范围含此许可事项的登记信息推送给其审批部门；未对应的许可事项进入共享队列。</translation>
    </message>
    <message>
        <source>Edit permit</source>
        <translation>编辑许可事项</translation>
    </message>
    <message>
        <source>New permit</source>
        <translation>新增许可事项</translation>
    </message>
</context>
<context>
    <name>PermitsTab</name>
    <message>
        <source>Permit code</source>
        <translation>许可事项编码</translation>
    </message>
    <message>
        <source>Permit name</source>
        <translation>许可事项名称</translation>
    </message>
    <message>
        <source>Approving department</source>
        <translation>审批部门</translation>
    </message>
    <message>
        <source>Words in a business scope</source>
        <translation>经营范围关键词</translation>
    </message>
    <message>
        <source>A registration whose business scope names a permit is pushed to the department that approves it (double notification); unmapped permits go to the shared queue.</source>
        <translation>经营范围含某许可事项的登记信息推送给其审批部门（双告知）；未对应的许可事项进入共享队列。</translation>
    </message>
    <message>
        <source>New permit…</source>
        <translation>新增许可事项…</translation>
    </message>
    <message>
        <source>Permit %1 saved.</source>
        <translation>许可事项 %1 已保存。</translation>
    </message>
    <message>
        <source>Delete permit</source>
        <translation>删除许可事项</translation>
    </message>
    <message>
        <source>Delete the mapping of permit %1? Its registrations then go to the shared queue.</source>
        <translation>删除许可事项 %1 的对应关系？此后相关登记信息将进入共享队列。</translation>
    </message>
    <message>
        <source>Permit %1 deleted.</source>
        <translation>许可事项 %1 已删除。</translation>
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
    <name>PlanDialog</name>
    <message>
        <source>New inspection plan</source>
        <translation>新建抽查计划</translation>
    </message>
    <message>
        <source>e.g. %1 joint double-random inspections</source>
        <translation>例如：%1 年度跨部门联合双随机抽查计划</translation>
    </message>
    <message>
        <source>Sampling ratio per credit-risk class (%)</source>
        <translation>各信用风险类别的抽查比例区间（%）</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>%1 类</translation>
    </message>
    <message>
        <source>The local table by default (A ≤ 5%, B 5–20%, C 21–60%, D 61–100%). A batch's ratios must lie in these bands and rise with the risk; no class is exempt.</source>
        <translation>默认采用本地比例表（A 类 ≤5%，B 类 5%–20%，C 类 21%–60%，D 类 61%–100%）。批次的抽查比例须落在这些区间内，并随风险升高；任何类别都不得免检。</translation>
    </message>
    <message>
        <source>“Check” warns when a batch asks more visits of its inspectors in its window than this.</source>
        <translation>批次在检查时段内要求执法人员完成的检查超过此数时，“检查”会给出提醒。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Visits per inspector per working day</source>
        <translation>每名执法人员每个工作日检查户数</translation>
    </message>
    <message>
        <source>Class %1: “from” is above “to”.</source>
        <translation>%1 类：下限高于上限。</translation>
    </message>
    <message>
        <source>The bands must not fall as the risk rises (A ≤ B ≤ C ≤ D).</source>
        <translation>比例区间不得随风险升高而降低（A ≤ B ≤ C ≤ D）。</translation>
    </message>
    <message>
        <source>No class is exempt: every band must allow drawing some entities.</source>
        <translation>任何类别都不得免检：每个区间都须允许抽取。</translation>
    </message>
</context>
<context>
    <name>PlanEditing</name>
    <message>
        <source>Plan “%1” created.</source>
        <translation>已创建计划“%1”。</translation>
    </message>
    <message>
        <source>Plan not created</source>
        <translation>计划未创建</translation>
    </message>
    <message>
        <source>Batch “%1” created; check it before locking.</source>
        <translation>已创建批次“%1”，锁定前请先检查。</translation>
    </message>
    <message>
        <source>Batch “%1” saved.</source>
        <translation>已保存批次“%1”。</translation>
    </message>
    <message>
        <source>Batch not saved</source>
        <translation>批次未保存</translation>
    </message>
    <message>
        <source>Discard the plan “%1” and its %2 draft batches?</source>
        <translation>删除计划“%1”及其 %2 个草稿批次？</translation>
    </message>
    <message>
        <source>Plan discarded.</source>
        <translation>计划已删除。</translation>
    </message>
    <message>
        <source>Plan not discarded</source>
        <translation>计划未删除</translation>
    </message>
    <message>
        <source>Batch discarded.</source>
        <translation>批次已删除。</translation>
    </message>
    <message>
        <source>Batch not discarded</source>
        <translation>批次未删除</translation>
    </message>
    <message>
        <source>Departments not loaded</source>
        <translation>无法读取部门</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <source>Plan / batch</source>
        <translation>计划 / 批次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Drawn / pool</source>
        <translation>抽中 / 名录</translation>
    </message>
</context>
<context>
    <name>Provisional</name>
    <message>
        <source> (provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>Dates marked “%1”: %2.</source>
        <translation>标注“%1”的日期：%2。</translation>
    </message>
</context>
<context>
    <name>PushCardScene</name>
    <message>
        <source>Pushed to the wall</source>
        <translation>大屏推送</translation>
    </message>
    <message>
        <source>Nothing pushed yet</source>
        <translation>暂无推送</translation>
    </message>
    <message>
        <source>%1 (no longer in the database)</source>
        <translation>%1（已不在数据库中）</translation>
    </message>
    <message>
        <source>%1 · pushed at %2</source>
        <translation>%1 · 推送于 %2</translation>
    </message>
</context>
<context>
    <name>PushesPage</name>
    <message>
        <source>Pushes not loaded</source>
        <translation>无法读取推送信息</translation>
    </message>
    <message>
        <source>Claimed: %1.</source>
        <translation>已认领：%1。</translation>
    </message>
    <message>
        <source>Push not claimed</source>
        <translation>未能认领推送</translation>
    </message>
    <message>
        <source>Returned to the shared queue: %1.</source>
        <translation>已退回至待认领库：%1。</translation>
    </message>
    <message>
        <source>Push not returned</source>
        <translation>未能退回推送</translation>
    </message>
    <message>
        <source>Choose the department you act for…</source>
        <translation>请选择您所代表的部门…</translation>
    </message>
    <message>
        <source>The claim is overdue (5 working days from the push)</source>
        <translation>认领已逾期（推送后 5 个工作日）</translation>
    </message>
    <message>
        <source>Sent to a department, to claim: choose the department above</source>
        <translation>推送给部门待认领：请先在上方选择部门</translation>
    </message>
    <message>
        <source>Sent to the department, to claim (%1)</source>
        <translation>推送给本部门待认领（%1）</translation>
    </message>
    <message>
        <source>Shared queue: returned or unmatched (%1)</source>
        <translation>待认领库：被退回或未匹配（%1）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <source>Return with a reason…</source>
        <translation>说明理由退回…</translation>
    </message>
    <message>
        <source>Claim for the department</source>
        <translation>为本部门认领</translation>
    </message>
    <message>
        <source>Sent to the department, to claim</source>
        <translation>推送给本部门待认领</translation>
    </message>
    <message>
        <source>Shared queue: returned or unmatched</source>
        <translation>待认领库：被退回或未匹配</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Permit</source>
        <translation>许可事项</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>推送日期</translation>
    </message>
    <message>
        <source>Claim by</source>
        <translation>认领期限</translation>
    </message>
    <message>
        <source>Returned because</source>
        <translation>退回理由</translation>
    </message>
</context>
<context>
    <name>RankingsScene</name>
    <message>
        <source>Overdue clues: who and where</source>
        <translation>超期分布：部门与镇街</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <source>By town</source>
        <translation>按镇街</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Return the push: %1</source>
        <translation>退回推送：%1</translation>
    </message>
    <message>
        <source>Why this permit is not approved by the department</source>
        <translation>为何该许可不由本部门审批</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>The push goes to the shared queue, where another department can claim it.</source>
        <translation>推送将进入待认领库，由其他部门认领。</translation>
    </message>
    <message>
        <source>Say why: a return needs a reason.</source>
        <translation>请说明理由：退回必须写明理由。</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>see this clue</source>
        <translation>查看此线索</translation>
    </message>
    <message>
        <source>register or add to this clue</source>
        <translation>登记或补充此线索</translation>
    </message>
    <message>
        <source>route, close or reopen clues</source>
        <translation>分派、办结或重启线索</translation>
    </message>
    <message>
        <source>handle this clue</source>
        <translation>办理此线索</translation>
    </message>
    <message>
        <source>file or decide this case</source>
        <translation>对此案件立案或作出决定</translation>
    </message>
    <message>
        <source>extend or pause this case</source>
        <translation>延长或暂停此案件期限</translation>
    </message>
    <message>
        <source>see these pushes</source>
        <translation>查看这些推送</translation>
    </message>
    <message>
        <source>claim or return this push</source>
        <translation>认领或退回此推送</translation>
    </message>
    <message>
        <source>verify this commitment</source>
        <translation>核查此承诺</translation>
    </message>
    <message>
        <source>change the routing rules</source>
        <translation>修改分派规则</translation>
    </message>
    <message>
        <source>see market entities</source>
        <translation>查看市场主体</translation>
    </message>
    <message>
        <source>tag market entities</source>
        <translation>为市场主体添加标签</translation>
    </message>
    <message>
        <source>move a market entity</source>
        <translation>更正市场主体位置</translation>
    </message>
    <message>
        <source>create tags</source>
        <translation>创建标签</translation>
    </message>
    <message>
        <source>see risk classes</source>
        <translation>查看风险分类</translation>
    </message>
    <message>
        <source>see this draw</source>
        <translation>查看此抽查</translation>
    </message>
    <message>
        <source>plan draws</source>
        <translation>制定抽查计划</translation>
    </message>
    <message>
        <source>lock, draw or publish batches</source>
        <translation>锁定、抽取或公布批次</translation>
    </message>
    <message>
        <source>record results of this inspection</source>
        <translation>记录此检查的结果</translation>
    </message>
    <message>
        <source>push views to the wall</source>
        <translation>推送画面到大屏</translation>
    </message>
    <message>
        <source>see the efficiency watch</source>
        <translation>查看效能监察</translation>
    </message>
    <message>
        <source>do this</source>
        <translation>执行此操作</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>act under this name</source>
        <translation>以此名义操作</translation>
    </message>
    <message>
        <source>score the city or move credit listings</source>
        <translation>进行全市信用评分或移转信用名录</translation>
    </message>
    <message>
        <source>repair this credit record</source>
        <translation>修复此信用记录</translation>
    </message>
    <message>
        <source>change the credit rules</source>
        <translation>修改信用规则</translation>
    </message>
    <message>
        <source>export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>take in this feed</source>
        <translation>接收此数据源</translation>
    </message>
    <message>
        <source>set up the data feeds</source>
        <translation>配置数据接入</translation>
    </message>
    <message>
        <source>change the city's boundaries</source>
        <translation>修改本市行政区划边界</translation>
    </message>
    <message>
        <source>produce the leadership report</source>
        <translation>生成领导报告</translation>
    </message>
    <message>
        <source>see early warnings</source>
        <translation>查看风险预警</translation>
    </message>
    <message>
        <source>review early warnings</source>
        <translation>研判风险预警</translation>
    </message>
    <message>
        <source>train the warning model</source>
        <translation>训练预警模型</translation>
    </message>
    <message>
        <source>It belongs to another department.</source>
        <translation>该事项属于其他部门。</translation>
    </message>
    <message>
        <source>Your department takes no part in it.</source>
        <translation>本部门未参与该事项。</translation>
    </message>
    <message>
        <source>It is outside your town's grid.</source>
        <translation>该事项不在本镇街网格内。</translation>
    </message>
    <message>
        <source>You are not allowed to {permission}.</source>
        <translation>您无权{permission}。</translation>
    </message>
    <message>
        <source>{actor} is no active user or system account.</source>
        <translation>{actor} 不是有效的用户或系统账号。</translation>
    </message>
    <message>
        <source>{refusal} {why}</source>
        <translation>{refusal}{why}</translation>
    </message>
</context>
<context>
    <name>ResultPublishing</name>
    <message>
        <source>None of the selected visits has an unpublished result.</source>
        <translation>所选检查均无待公示的结果。</translation>
    </message>
    <message>
        <source>This batch has no unpublished results.</source>
        <translation>本批次没有待公示的检查结果。</translation>
    </message>
    <message numerus="yes">
        <source>Publish %n result(s)? The results notice is written to %1, and each result is recorded as published today and shown on its entity's timeline.</source>
        <translation>
            <numerusform>公示 %n 项检查结果？结果公示表将写入 %1，每项结果记为今日公示，并记入该主体的时间轴。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected visit(s) have no unpublished result and are left out.</source>
        <translation>
            <numerusform>所选检查中有 %n 项没有待公示的结果，不予公示。</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing the results…</source>
        <translation>正在公示结果…</translation>
    </message>
    <message>
        <source>Results not published</source>
        <translation>结果未公示</translation>
    </message>
    <message>
        <source>Publication of results not loaded</source>
        <translation>结果公示情况未加载</translation>
    </message>
    <message numerus="yes">
        <source>Published %n result(s); the notice is in %1.</source>
        <translation>
            <numerusform>已公示 %n 项结果，公示表见 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>The task could not be loaded.</source>
        <translation>无法读取该检查任务。</translation>
    </message>
    <message>
        <source>You are not signed in: the results are shown read-only.</source>
        <translation>未登录：检查结果仅供查看。</translation>
    </message>
    <message>
        <source>This task was completed on %1; its results can no longer be changed.</source>
        <translation>该任务已于 %1 完成，检查结果不能再修改。</translation>
    </message>
    <message>
        <source>This task was cancelled; results can no longer be recorded.</source>
        <translation>该任务已取消，不能再录入检查结果。</translation>
    </message>
    <message>
        <source>Nothing to save: no result was changed.</source>
        <translation>没有需要保存的内容：检查结果未改动。</translation>
    </message>
    <message>
        <source>Choose Pass, Fail or Not applicable for item %1, or clear its note.</source>
        <translation>请为第 %1 项选择“符合”“不符合”或“不适用”，或清空其备注。</translation>
    </message>
    <message>
        <source>Item %1 failed: say in its note what was wrong. Nothing was saved.</source>
        <translation>第 %1 项不符合：请在备注中写明发现的问题。未保存任何结果。</translation>
    </message>
    <message>
        <source>Unsaved results</source>
        <translation>检查结果未保存</translation>
    </message>
    <message numerus="yes">
        <source>%n changed result(s) not saved. Discard them?</source>
        <translation>
            <numerusform>有 %n 项改动的检查结果尚未保存，是否放弃？</numerusform>
        </translation>
    </message>
    <message>
        <source>The task could not be loaded</source>
        <translation>无法读取检查任务</translation>
    </message>
    <message>
        <source>The rest was not saved.</source>
        <translation>其余结果未保存。</translation>
    </message>
    <message>
        <source>The results could not all be saved</source>
        <translation>部分检查结果未能保存</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) saved.</source>
        <translation>
            <numerusform>已保存 %n 项检查结果。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clue(s) opened: %1.</source>
        <translation>
            <numerusform>已生成 %n 条线索：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The task is complete.</source>
        <translation>该任务已完成。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still without a result.</source>
        <translation>
            <numerusform>还有 %n 项未录入结果。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading task JC%1…</source>
        <translation>正在读取任务 JC%1…</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done on %1</source>
        <translation>%1 已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 of %2 items recorded</source>
        <translation>已录入 %1 / %2 项</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所/经营场所</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inspection results of task JC%1</source>
        <translation>检查任务 JC%1 的检查结果</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>判定标准</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note (required for a failed item)</source>
        <translation>备注（不符合项必填）</translation>
    </message>
    <message>
        <source>Clue</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Save results</source>
        <translation>保存结果</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未录入</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Open a clue</source>
        <translation>生成线索</translation>
    </message>
    <message>
        <source>Opens a clue for the matter's department (failed items only)</source>
        <translation>为该事项的主管部门生成一条线索（仅限不符合项）</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Operator</source>
        <translation>值班操作员</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <source>Inspection planner</source>
        <translation>抽查计划员</translation>
    </message>
    <message>
        <source>Efficiency monitor</source>
        <translation>效能监察员</translation>
    </message>
    <message>
        <source>Department user</source>
        <translation>部门用户</translation>
    </message>
    <message>
        <source>Town grid officer</source>
        <translation>镇街网格员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>New routing rule</source>
        <translation>新建分派规则</translation>
    </message>
    <message>
        <source>Edit routing rule</source>
        <translation>编辑分派规则</translation>
    </message>
    <message>
        <source>Any matter</source>
        <translation>任意事项</translation>
    </message>
    <message>
        <source>Any industry</source>
        <translation>任意行业</translation>
    </message>
    <message>
        <source>Any town</source>
        <translation>任意镇街</translation>
    </message>
    <message>
        <source>Choose a department…</source>
        <translation>请选择部门…</translation>
    </message>
    <message>
        <source>Why (optional), e.g. the division of duties it follows</source>
        <translation>依据（可选），例如所依据的职责分工</translation>
    </message>
    <message>
        <source>Clues matching every field given go to the department. The rule matching the most fields wins.</source>
        <translation>符合所填全部条件的线索分派给该部门；匹配条件最多的规则优先。</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>监管事项</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name a matter, an industry or a town: a rule for every clue would route all of them.</source>
        <translation>请至少指定事项、行业或镇街之一：对所有线索都生效的规则会分派全部线索。</translation>
    </message>
    <message>
        <source>Choose the department.</source>
        <translation>请选择部门。</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>Score and classes</source>
        <translation>得分与等级</translation>
    </message>
    <message>
        <source>Credit records</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>Base score</source>
        <translation>基础分</translation>
    </message>
    <message>
        <source>Weights halve every</source>
        <translation>分值减半周期</translation>
    </message>
    <message>
        <source>Lowest score of A, B, C</source>
        <translation>A、B、C 级分数线</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Every entity starts from this score; its records add or take points.</source>
        <translation>每户主体从此分起算，信用记录加分或扣分。</translation>
    </message>
    <message>
        <source>A record's points halve with every such span of its age.</source>
        <translation>记录每经过一个周期，其分值减半。</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Counts for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Holds the class at</source>
        <translation>等级不高于</translation>
    </message>
    <message>
        <source>until taken off</source>
        <translation>至移出为止</translation>
    </message>
    <message>
        <source>no floor</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>While such a record is in force the class is at best this one.</source>
        <translation>此类记录有效期间，等级最高只能为此级。</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Rules not loaded</source>
        <translation>无法读取分派规则</translation>
    </message>
    <message>
        <source>Routing rule saved; new clues follow it.</source>
        <translation>分派规则已保存，新线索将按此分派。</translation>
    </message>
    <message>
        <source>Rule not saved</source>
        <translation>规则未保存</translation>
    </message>
    <message>
        <source>Delete the rule “%1”? New clues it matched follow the other rules.</source>
        <translation>删除规则“%1”？原先匹配它的新线索将按其他规则分派。</translation>
    </message>
    <message>
        <source>Routing rule deleted.</source>
        <translation>分派规则已删除。</translation>
    </message>
    <message>
        <source>Rule not deleted</source>
        <translation>规则未删除</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>A new clue goes to the department of the rule matching most of its matter, industry and town; without a matching rule, to the matter's own department; without a matter, the center routes it by hand.</source>
        <translation>新线索分派给与其事项、行业、镇街匹配条件最多的规则所指定的部门；没有匹配规则时，分派给该事项的主管部门；未指定事项的，由中心人工分派。</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>监管事项</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add rule…</source>
        <translation>添加规则…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>配色主题</translation>
    </message>
    <message>
        <source>User name of the last sign-in</source>
        <translation>上次登录的用户名</translation>
    </message>
    <message>
        <source>Main window position and size</source>
        <translation>主窗口位置和大小</translation>
    </message>
    <message>
        <source>Main window toolbars and panels</source>
        <translation>主窗口工具栏和面板</translation>
    </message>
    <message>
        <source>Workspace shown last</source>
        <translation>上次显示的工作区</translation>
    </message>
    <message>
        <source>Map tile server address (empty: schematic base map)</source>
        <translation>地图瓦片服务地址（留空则使用示意底图）</translation>
    </message>
    <message>
        <source>Coordinate system of the map tiles</source>
        <translation>地图瓦片坐标系</translation>
    </message>
    <message>
        <source>Map tile attribution</source>
        <translation>地图瓦片版权说明</translation>
    </message>
    <message>
        <source>Kind of map tile server (XYZ template or WMTS)</source>
        <translation>地图瓦片服务类型（XYZ 模板或 WMTS）</translation>
    </message>
    <message>
        <source>Map tile server subdomains ({s})</source>
        <translation>地图瓦片服务子域名（{s}）</translation>
    </message>
    <message>
        <source>WMTS layer of the base map</source>
        <translation>底图 WMTS 图层</translation>
    </message>
    <message>
        <source>WMTS tile matrix set of the base map</source>
        <translation>底图 WMTS 瓦片矩阵集</translation>
    </message>
    <message>
        <source>WMTS image format of the base map</source>
        <translation>底图 WMTS 图片格式</translation>
    </message>
    <message>
        <source>Map label overlay address (empty: none)</source>
        <translation>地图注记图层地址（留空：不叠加）</translation>
    </message>
    <message>
        <source>Kind of map label overlay server</source>
        <translation>地图注记服务类型</translation>
    </message>
    <message>
        <source>Map label overlay subdomains ({s})</source>
        <translation>地图注记服务子域名（{s}）</translation>
    </message>
    <message>
        <source>WMTS layer of the label overlay</source>
        <translation>注记 WMTS 图层</translation>
    </message>
    <message>
        <source>WMTS tile matrix set of the label overlay</source>
        <translation>注记 WMTS 瓦片矩阵集</translation>
    </message>
    <message>
        <source>WMTS image format of the label overlay</source>
        <translation>注记 WMTS 图片格式</translation>
    </message>
    <message>
        <source>Efficiency ranking: clocks a unit needs to be ranked</source>
        <translation>效能排名：参与排名所需的最少时限事项数</translation>
    </message>
    <message>
        <source>Screen of the draw ceremony's full screen (empty: a secondary one)</source>
        <translation>抽取现场全屏显示所用屏幕（空：副屏）</translation>
    </message>
    <message>
        <source>Wall: the playlist's scenes, in order, separated by commas (empty: every scene)</source>
        <translation>大屏：轮播场景及顺序，以逗号分隔（留空：全部场景）</translation>
    </message>
    <message>
        <source>Wall: seconds each scene of the playlist shows</source>
        <translation>大屏：每个场景显示秒数</translation>
    </message>
    <message>
        <source>Wall: seconds a push shows before the playlist resumes</source>
        <translation>大屏：推送内容停留秒数，之后恢复轮播</translation>
    </message>
    <message>
        <source>Wall: the pinned scene (empty: none)</source>
        <translation>大屏：固定显示的场景（留空：不固定）</translation>
    </message>
    <message>
        <source>Screen of the wall window (empty: a secondary one)</source>
        <translation>大屏窗口所在屏幕（留空：副屏）</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Next item</source>
        <translation>下一项(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous item</source>
        <translation>上一项(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Sign in — Tongguan</source>
        <translation>登录 — 通管</translation>
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
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>e.g. operator</source>
        <translation>例如 operator</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Database: {label}</source>
        <translation>数据库：{label}</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>演示账号</translation>
    </message>
    <message>
        <source>This is a demonstration database. Click an account to fill it in.</source>
        <translation>这是演示数据库。点击账号即可填入。</translation>
    </message>
    <message>
        <source>{role}:  {username} / {password}</source>
        <translation>{role}：{username} / {password}</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again in {detail} min, or ask an administrator to unlock the account.</source>
        <translation>登录失败次数过多。请 {detail} 分钟后再试，或请系统管理员解除锁定。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation>无法连接数据库：{detail}</translation>
    </message>
    <message>
        <source>Sign-in failed: {detail}</source>
        <translation>登录失败：{detail}</translation>
    </message>
</context>
<context>
    <name>SuggestionsPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The suggestions could not be worked out.</source>
        <translation>无法计算联合检查建议。</translation>
    </message>
    <message>
        <source>Joint batches would save %1 visit(s) in all; choose one to draft it for %2.</source>
        <translation>联合检查共可减少 %1 次检查；选择一项为 %2 年创建草稿。</translation>
    </message>
    <message>
        <source>No departments visited the same entities separately this year.</source>
        <translation>本年没有部门分别检查同一主体。</translation>
    </message>
    <message>
        <source>Your role does not plan draw batches.</source>
        <translation>您的角色不能编制抽查批次。</translation>
    </message>
    <message>
        <source>Create a draft joint batch for %1 in %2's plan? It visits %3 entities once instead of %4 separate visits; nothing is drawn until the batch is reviewed.</source>
        <translation>在 %2 年计划中为 %1 创建联合抽查批次草稿？对 %3 户主体只检查一次，代替分别检查 %4 次；批次审核前不会抽取。</translation>
    </message>
    <message>
        <source>Create joint batch</source>
        <translation>创建联合批次</translation>
    </message>
    <message>
        <source>Draft joint batch #%1 created; review it in Double-random draws.</source>
        <translation>已创建联合批次草稿 #%1，请到“双随机抽查”审核。</translation>
    </message>
    <message>
        <source>History of year</source>
        <translation>历史年份</translation>
    </message>
    <message>
        <source>Departments (lead first)</source>
        <translation>部门（牵头部门在前）</translation>
    </message>
    <message>
        <source>Shared entities</source>
        <translation>共同主体</translation>
    </message>
    <message>
        <source>Visits now</source>
        <translation>现检查次数</translation>
    </message>
    <message>
        <source>Joint visits</source>
        <translation>联合检查次数</translation>
    </message>
    <message>
        <source>Visits saved</source>
        <translation>减少次数</translation>
    </message>
    <message>
        <source>Shared matters</source>
        <translation>涉及事项</translation>
    </message>
    <message>
        <source>Create the suggested joint batch as a draft…</source>
        <translation>按建议创建联合抽查批次草稿…</translation>
    </message>
    <message>
        <source>Open the batch</source>
        <translation>打开批次</translation>
    </message>
</context>
<context>
    <name>TagMultiSelect</name>
    <message>
        <source>Any tags</source>
        <translation>不限标签</translation>
    </message>
    <message>
        <source>{count} tags</source>
        <translation>{count} 个标签</translation>
    </message>
    <message>
        <source>Entities carrying every chosen tag</source>
        <translation>同时带有所选全部标签的主体</translation>
    </message>
</context>
<context>
    <name>TagPickerDialog</name>
    <message>
        <source>Add tags</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Tags for {name}</source>
        <translation>{name} 的标签</translation>
    </message>
    <message>
        <source>Tags for {count} selected entities</source>
        <translation>所选 {count} 户市场主体的标签</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>筛选标签</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
</context>
<context>
    <name>TaggingFlow</name>
    <message>
        <source>Tags not changed</source>
        <translation>标签未修改</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>撤销失败</translation>
    </message>
    <message>
        <source>Add {tags} to {count} entities?</source>
        <translation>为 {count} 户市场主体添加标签 {tags}？</translation>
    </message>
    <message>
        <source>Remove {tags} from {count} entities?</source>
        <translation>移除 {count} 户市场主体的标签 {tags}？</translation>
    </message>
    <message>
        <source>Change tags of several entities</source>
        <translation>批量修改标签</translation>
    </message>
    <message>
        <source>Every change is recorded in the audit log and can be undone right afterwards.</source>
        <translation>每项修改都会记入审计日志，完成后可立即撤销。</translation>
    </message>
    <message>
        <source>Nothing changed: the entities already had (or lacked) {tags}.</source>
        <translation>没有变化：这些主体原本已有（或没有）标签 {tags}。</translation>
    </message>
    <message>
        <source>Added {tags} to {count} entities.</source>
        <translation>已为 {count} 户市场主体添加标签 {tags}。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Removed {tags} from {count} entities.</source>
        <translation>已移除 {count} 户市场主体的标签 {tags}。</translation>
    </message>
    <message>
        <source>Undone: {count} entities are as they were.</source>
        <translation>已撤销：{count} 户市场主体已恢复原状。</translation>
    </message>
    <message>
        <source>Created the tag “{name}”.</source>
        <translation>已创建标签“{name}”。</translation>
    </message>
    <message>
        <source>Moved {name} to {lat:.6f}, {lng:.6f} (WGS-84).</source>
        <translation>已将 {name} 的位置更正为 {lat:.6f}, {lng:.6f}（WGS-84）。</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TileDialog</name>
    <message>
        <source>Base map</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>WGS-84 (Tianditu, most intranet caches)</source>
        <translation>WGS-84（天地图及多数内网瓦片缓存）</translation>
    </message>
    <message>
        <source>GCJ-02 (AutoNavi/Tencent-style tiles)</source>
        <translation>GCJ-02（高德、腾讯类瓦片）</translation>
    </message>
    <message>
        <source>Label overlay (注记)</source>
        <translation>注记图层</translation>
    </message>
    <message>
        <source>Drawn above the regions, in the base map's coordinates. Leave the address empty for none.</source>
        <translation>叠加显示在区域之上，采用底图坐标系。地址留空则不叠加。</translation>
    </message>
    <message>
        <source>Leave the address empty to use the schematic base map (no tile server). WMTS needs a Web Mercator tile matrix set (GoogleMapsCompatible; Tianditu: w).</source>
        <translation>地址留空则使用示意底图（不使用瓦片服务）。WMTS 须使用 Web 墨卡托瓦片矩阵集（GoogleMapsCompatible；天地图：w）。</translation>
    </message>
    <message>
        <source>Coordinates of the tiles</source>
        <translation>瓦片坐标系</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>版权说明</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>All ({count})</source>
        <translation>全部（{count}）</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} records, newest first</source>
        <translation>共 {total} 条记录，显示 {shown} 条，由新到旧</translation>
    </message>
</context>
<context>
    <name>TransitionsPanel</name>
    <message>
        <source>Move to the serious-violation list</source>
        <translation>列入严重违法失信名单</translation>
    </message>
    <message>
        <source>Move %1 entities from the abnormal-operation list to the serious-violation list? They have been listed for three years. Each move is audited and their classes are recomputed.</source>
        <translation>将 %1 户主体由经营异常名录列入严重违法失信名单？其列入经营异常名录已满三年。每次移转均记入审计日志，并重新计算其信用等级。</translation>
    </message>
    <message>
        <source>Moving %1 listings…</source>
        <translation>正在移转 %1 条名录记录…</translation>
    </message>
    <message>
        <source>%1 entities moved to the serious-violation list; %2 classes changed.</source>
        <translation>%1 户主体已列入严重违法失信名单，%2 户等级变动。</translation>
    </message>
    <message>
        <source>Rescore the city</source>
        <translation>全市重新评分</translation>
    </message>
    <message>
        <source>Recompute every entity's score and class with the active rule set? Classes that change are written at once and drive the next draws.</source>
        <translation>按现行规则重新计算全市主体的得分和等级？变动的等级立即写入，并用于下一次抽查。</translation>
    </message>
    <message>
        <source>Rescoring the city…</source>
        <translation>正在为全市重新评分…</translation>
    </message>
    <message>
        <source>Rule set v%1: %2 entities changed class.</source>
        <translation>第 %1 版规则：%2 户主体等级变动。</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>%1 abnormal listings reach three years by %2; %3 of them are due now.</source>
        <translation>截至 %2，有 %1 条经营异常名录记录满三年，其中 %3 条现已到期。</translation>
    </message>
    <message>
        <source>The first %1 are listed.</source>
        <translation>下表列出前 %1 条。</translation>
    </message>
    <message>
        <source>Coming within</source>
        <translation>未来</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <source>Move those due now…</source>
        <translation>移转已到期的…</translation>
    </message>
    <message>
        <source>Rescore the city…</source>
        <translation>全市重新评分…</translation>
    </message>
    <message>
        <source>Double-click an entity to open its panorama.</source>
        <translation>双击主体可打开其全景档案。</translation>
    </message>
    <message>
        <source>Scores follow every new record by themselves; rescore the whole city after an import that bypassed them.</source>
        <translation>每条新记录都会自动重新评分；若导入数据绕过了评分，请全市重新评分。</translation>
    </message>
    <message>
        <source>Moves on</source>
        <translation>移转日期</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>列入日期</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <source>Done on time, % (by week due)</source>
        <translation>按期办结率 %（按到期周）</translation>
    </message>
    <message>
        <source>Clocks that went overdue</source>
        <translation>当周新增逾期事项</translation>
    </message>
</context>
<context>
    <name>TrendsScene</name>
    <message>
        <source>Clues over the last 30 days</source>
        <translation>近 30 天线索</translation>
    </message>
    <message>
        <source>Today: %1 new, %2 closed, %3 overdue</source>
        <translation>今日：新增 %1，办结 %2，超期 %3</translation>
    </message>
    <message>
        <source>New clues</source>
        <translation>新增线索</translation>
    </message>
    <message>
        <source>Closed clues</source>
        <translation>办结线索</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>A system account runs imports and command-line jobs under its own name. It has no password and can never sign in at the console.</source>
        <translation>系统账号以自己的名义运行导入和命令行任务，没有密码，也不能登录控制台。</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>New system account</source>
        <translation>新建系统账号</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>A department user needs a department.</source>
        <translation>部门用户必须指定部门。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Sign in as an administrator to manage users.</source>
        <translation>请以系统管理员身份登录以管理用户。</translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation>用户 %1 已创建。</translation>
    </message>
    <message>
        <source>System account %1 created.</source>
        <translation>系统账号 %1 已创建。</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 已保存。</translation>
    </message>
    <message>
        <source>New password set for %1.</source>
        <translation>已为 %1 设置新密码。</translation>
    </message>
    <message>
        <source>%1 unlocked.</source>
        <translation>%1 已解除锁定。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Deactivate %1? The account can no longer sign in or act; its history stays.</source>
        <translation>停用 %1？该账号将无法登录或操作，其历史记录保留。</translation>
    </message>
    <message>
        <source>%1 deactivated.</source>
        <translation>%1 已停用。</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>system account</source>
        <translation>系统账号</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Each person signs in with their own account; the role decides what they may do. System accounts run imports and command-line jobs and never sign in. Every change here is written to the audit log.</source>
        <translation>每人使用自己的账号登录，角色决定其可做的事。系统账号用于运行导入和命令行任务，从不登录。此处的每项更改都会写入审计日志。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>New system account…</source>
        <translation>新建系统账号…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Record verification: %1</source>
        <translation>登记核查结果：%1</translation>
    </message>
    <message>
        <source>Fulfilled: the commitment was kept</source>
        <translation>已履行：符合承诺</translation>
    </message>
    <message>
        <source>Not fulfilled: the commitment was broken</source>
        <translation>未履行：与承诺不符</translation>
    </message>
    <message>
        <source>A credit record is written on the entity.</source>
        <translation>将记入该主体的信用记录。</translation>
    </message>
    <message>
        <source>Also file a case (the decision is then due within 90 days)</source>
        <translation>同时立案（应在 90 日内作出处理决定）</translation>
    </message>
    <message>
        <source>What the check found on site and in the papers</source>
        <translation>现场及材料核查情况</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺内容</translation>
    </message>
    <message>
        <source>Check against</source>
        <translation>核查标准</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>核查期限</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>核查情况</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Say whether the commitment was kept.</source>
        <translation>请选择是否履行承诺。</translation>
    </message>
    <message>
        <source>Say what the verification found.</source>
        <translation>请写明核查结果。</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Filter by entity, USCC, place or inspector</source>
        <translation>按主体、信用代码、地点或执法人员筛选</translation>
    </message>
    <message>
        <source>Record results…</source>
        <translation>录入检查结果…</translation>
    </message>
    <message>
        <source>Open panorama</source>
        <translation>查看全景</translation>
    </message>
    <message>
        <source>Publish results</source>
        <translation>公示结果</translation>
    </message>
    <message>
        <source>Publish the results of the selected visits…</source>
        <translation>公示所选检查的结果…</translation>
    </message>
    <message>
        <source>Publish every unpublished result of the batch…</source>
        <translation>公示本批次全部未公示的结果…</translation>
    </message>
</context>
<context>
    <name>WallBoard</name>
    <message>
        <source>Pushed: %1</source>
        <translation>推送：%1</translation>
    </message>
    <message>
        <source>Reconnecting to the database…</source>
        <translation>正在重新连接数据库…</translation>
    </message>
    <message>
        <source>Figures not updated: %1</source>
        <translation>数据未能更新：%1</translation>
    </message>
    <message>
        <source>Market Supervision Command Center</source>
        <translation>市场监管指挥中心</translation>
    </message>
</context>
<context>
    <name>WallPage</name>
    <message>
        <source>The wall shows the whole city's figures: it is controlled by the center (leader, operator on duty, monitor).</source>
        <translation>大屏展示全市数据，由指挥中心（领导、值班员、监察员）控制。</translation>
    </message>
    <message>
        <source>Sign in to control the wall.</source>
        <translation>请登录后控制大屏。</translation>
    </message>
    <message>
        <source>All screens, as one wall</source>
        <translation>所有屏幕（拼接为一面墙）</translation>
    </message>
    <message>
        <source>Playlist</source>
        <translation>轮播</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Tick the scenes the wall rotates through; double-click one to show it now.</source>
        <translation>勾选大屏轮播的场景；双击立即显示该场景。</translation>
    </message>
    <message>
        <source>Seconds per scene</source>
        <translation>每个场景秒数</translation>
    </message>
    <message>
        <source>Seconds a push stays</source>
        <translation>推送停留秒数</translation>
    </message>
    <message>
        <source>Pinned scene</source>
        <translation>固定场景</translation>
    </message>
    <message>
        <source>Open the wall window…</source>
        <translation>打开大屏窗口…</translation>
    </message>
    <message>
        <source>Pushed to the wall (double-click to show again)</source>
        <translation>推送记录（双击再次显示）</translation>
    </message>
    <message>
        <source>None: rotate</source>
        <translation>不固定：轮播</translation>
    </message>
</context>
<context>
    <name>WallScenes</name>
    <message>
        <source>As of %1</source>
        <translation>数据时间 %1</translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message>
        <source>Tongguan wall</source>
        <translation>通管指挥大屏</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Kept in view</source>
        <translation>持续关注</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Made a clue</source>
        <translation>已转线索</translation>
    </message>
    <message>
        <source>Warnings not loaded</source>
        <translation>无法加载预警</translation>
    </message>
    <message>
        <source>Decision not recorded</source>
        <translation>处理决定未能登记</translation>
    </message>
    <message>
        <source>Choose a warning to see why the model raised it.</source>
        <translation>选择一条预警，查看模型发出预警的原因。</translation>
    </message>
    <message>
        <source>%1 (%2): score %3, %4</source>
        <translation>%1（%2）：评分 %3，%4</translation>
    </message>
    <message>
        <source>clue %1</source>
        <translation>线索 %1</translation>
    </message>
    <message>
        <source>No model run yet: the leader runs `tongguan warning train`.</source>
        <translation>模型尚未运行：需由领导运行 `tongguan warning train`。</translation>
    </message>
    <message>
        <source>Model %1 (trained %2): of the top %3 in the held-out year, %4 found a problem; random ranking %5, class ranking %6. It ranks for attention and never replaces the random draw.</source>
        <translation>模型 %1（训练于 %2）：在留出验证年度中，排名前 %3 的主体有 %4 查出问题；随机排序为 %5，按风险等级排序为 %6。排名仅供提示关注，不替代随机抽查。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>因素</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Each factor's weight in the score, against the average entity: red raises it, green lowers it.</source>
        <translation>各因素相对于平均主体对评分的影响：红色为升高，绿色为降低。</translation>
    </message>
    <message>
        <source>Note on the decision (optional)</source>
        <translation>处理说明（选填）</translation>
    </message>
    <message>
        <source>Keep in view</source>
        <translation>持续关注</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Make a clue</source>
        <translation>转为线索</translation>
    </message>
</context>
<context>
    <name>WarningsScene</name>
    <message>
        <source>Thematic warnings</source>
        <translation>专题预警</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 条预警</translation>
    </message>
    <message>
        <source>Complaint clusters this week</source>
        <translation>本周投诉聚集</translation>
    </message>
    <message>
        <source>Closely watched entities' licences expiring</source>
        <translation>重点监管主体许可证即将到期</translation>
    </message>
    <message>
        <source>No thematic warnings today</source>
        <translation>今日无专题预警</translation>
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
        <source>Shows the city's supervision overview on the command center's video wall.</source>
        <translation>在指挥中心大屏上展示全市监管态势。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Creates users and system accounts, sets their role and department, unlocks and deactivates.</source>
        <translation>创建用户和系统账号，设置角色和部门，解除锁定和停用账号。</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Imports department files of every kind (checked row by row) and exports them.</source>
        <translation>导入各部门各类数据文件（逐行校验），并可导出。</translation>
    </message>
    <message>
        <source>Feeds &amp; mappings</source>
        <translation>数据接入配置</translation>
    </message>
    <message>
        <source>Maps permits to approving departments, keeps the commitment catalogue, maps other systems' service codes to our matters and makes their API keys.</source>
        <translation>维护许可事项与审批部门的对应、告知承诺事项清单，把外部系统的服务编码对应到本中心事项，并为外部系统生成接口密钥。</translation>
    </message>
    <message>
        <source>Credit rules</source>
        <translation>信用规则</translation>
    </message>
    <message>
        <source>Sets how credit records make classes A-D, previews what a change moves, and moves listings due to the serious-violation list.</source>
        <translation>设定信用记录如何形成 A-D 等级，预览调整带来的等级变动，并将到期的经营异常名录移入严重违法失信名单。</translation>
    </message>
</context>
<context>
    <name>_ServerForm</name>
    <message>
        <source>XYZ template ({z}/{x}/{y})</source>
        <translation>XYZ 模板（{z}/{x}/{y}）</translation>
    </message>
    <message>
        <source>WMTS service</source>
        <translation>WMTS 服务</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subdomains</source>
        <translation>子域名</translation>
    </message>
    <message>
        <source>WMTS layer</source>
        <translation>WMTS 图层</translation>
    </message>
    <message>
        <source>Tile matrix set</source>
        <translation>瓦片矩阵集</translation>
    </message>
    <message>
        <source>Image format</source>
        <translation>图片格式</translation>
    </message>
</context>
</TS>
