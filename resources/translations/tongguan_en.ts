<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>Tongguan — {city}</source>
        <translation>Tongguan — {city}</translation>
    </message>
    <message>
        <source>Tongguan</source>
        <translation>Tongguan</translation>
    </message>
    <message>
        <source>{city} market supervision command center</source>
        <translation>{city} market supervision command center</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Tongguan</source>
        <translation>&amp;About Tongguan</translation>
    </message>
    <message>
        <source>Database: {label}</source>
        <translation>Database: {label}</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>This database holds generated demonstration data, not real records.</source>
        <translation>This database holds generated demonstration data, not real records.</translation>
    </message>
    <message>
        <source>{count} market entities</source>
        <translation>{count} market entities</translation>
    </message>
    <message>
        <source>About Tongguan</source>
        <translation>About Tongguan</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tongguan&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;Market supervision command center for {city}.&lt;/p&gt;&lt;p&gt;Database: {label}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tongguan&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;Market supervision command center for {city}.&lt;/p&gt;&lt;p&gt;Database: {label}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This workspace is not built yet.</source>
        <translation>This workspace is not built yet.</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Shows market entities, inspections and cases on the city map by township and grid.</source>
        <translation>Shows market entities, inspections and cases on the city map by township and grid.</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entities</translation>
    </message>
    <message>
        <source>Finds a market entity and shows its registration, licences and supervision history.</source>
        <translation>Finds a market entity and shows its registration, licences and supervision history.</translation>
    </message>
    <message>
        <source>Double-random draws</source>
        <translation>Double-random draws</translation>
    </message>
    <message>
        <source>Draws inspection targets and inspectors at random and records the results.</source>
        <translation>Draws inspection targets and inspectors at random and records the results.</translation>
    </message>
    <message>
        <source>Cases &amp; deadlines</source>
        <translation>Cases &amp; deadlines</translation>
    </message>
    <message>
        <source>Tracks leads and cases through each stage against their statutory deadlines.</source>
        <translation>Tracks leads and cases through each stage against their statutory deadlines.</translation>
    </message>
    <message>
        <source>Collaboration</source>
        <translation>Collaboration</translation>
    </message>
    <message>
        <source>Hands tasks between departments and follows each hand-off until it is answered.</source>
        <translation>Hands tasks between departments and follows each hand-off until it is answered.</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <source>Measures how promptly departments handle their work and flags overdue items.</source>
        <translation>Measures how promptly departments handle their work and flags overdue items.</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>Wall</translation>
    </message>
    <message>
        <source>Shows the city&apos;s supervision overview on the command center&apos;s video wall.</source>
        <translation>Shows the city&apos;s supervision overview on the command center&apos;s video wall.</translation>
    </message>
</context>
</TS>
