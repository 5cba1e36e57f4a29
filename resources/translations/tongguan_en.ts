<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Choose a department…</source>
        <translation>Choose a department…</translation>
    </message>
    <message>
        <source>Whose is it?</source>
        <translation>Whose is it?</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>Transfer to</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Assign to</translation>
    </message>
    <message>
        <source>e.g. XS20261120-1A2B3C4D</source>
        <translation>e.g. XS20261120-1A2B3C4D</translation>
    </message>
    <message>
        <source>Reference of the original clue</source>
        <translation>Reference of the original clue</translation>
    </message>
    <message>
        <source>Why (the source and the next department read this)</source>
        <translation>Why (the source and the next department read this)</translation>
    </message>
    <message>
        <source>What was found and done (the source reads this)</source>
        <translation>What was found and done (the source reads this)</translation>
    </message>
    <message>
        <source>Optional note</source>
        <translation>Optional note</translation>
    </message>
    <message>
        <source>Reason or result</source>
        <translation>Reason or result</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Choose the department.</source>
        <translation>Choose the department.</translation>
    </message>
    <message>
        <source>Type the reference number of the original clue.</source>
        <translation>Type the reference number of the original clue.</translation>
    </message>
    <message>
        <source>Say why, or what was done: this action needs it in words.</source>
        <translation>Say why, or what was done: this action needs it in words.</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <source>The user name {username} is taken.</source>
        <translation>The user name {username} is taken.</translation>
    </message>
    <message>
        <source>A user name is 1 to 60 characters without spaces.</source>
        <translation>A user name is 1 to 60 characters without spaces.</translation>
    </message>
    <message>
        <source>A password has at least {minimum} characters.</source>
        <translation>A password has at least {minimum} characters.</translation>
    </message>
    <message>
        <source>There is no role {role}.</source>
        <translation>There is no role {role}.</translation>
    </message>
    <message>
        <source>A department user needs a department.</source>
        <translation>A department user needs a department.</translation>
    </message>
    <message>
        <source>{username} is the last administrator: create another one first.</source>
        <translation>{username} is the last administrator: create another one first.</translation>
    </message>
    <message>
        <source>{username} is a system account: it has no password.</source>
        <translation>{username} is a system account: it has no password.</translation>
    </message>
    <message>
        <source>This database already has an administrator.</source>
        <translation>This database already has an administrator.</translation>
    </message>
    <message>
        <source>Not found: {detail}</source>
        <translation>Not found: {detail}</translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation type="unfinished">Cannot reach the database: {detail}</translation>
    </message>
    <message>
        <source>Not done: {detail}</source>
        <translation>Not done: {detail}</translation>
    </message>
</context>
<context>
    <name>ApiKeysTab</name>
    <message>
        <source>Source system</source>
        <translation type="unfinished">Source system</translation>
    </message>
    <message>
        <source>Key begins</source>
        <translation>Key begins</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished">active</translation>
    </message>
    <message>
        <source>A new key for %1 was made; copy it from the dialog.</source>
        <translation>A new key for %1 was made; copy it from the dialog.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>Revoke %1's key %2…? Requests sent with it are refused from now on.</source>
        <translation>Revoke %1's key %2…? Requests sent with it are refused from now on.</translation>
    </message>
    <message>
        <source>Key %2… of %1 revoked.</source>
        <translation>Key %2… of %1 revoked.</translation>
    </message>
    <message>
        <source>Each system that pushes Open311 requests signs them with its own key. Only the beginning of a key is listed; the key itself is shown once, when it is made.</source>
        <translation>Each system that pushes Open311 requests signs them with its own key. Only the beginning of a key is listed; the key itself is shown once, when it is made.</translation>
    </message>
    <message>
        <source>New key…</source>
        <translation>New key…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
</context>
<context>
    <name>BatchEditor</name>
    <message>
        <source>Draw batch</source>
        <translation>Draw batch</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <source>Inspection window</source>
        <translation type="unfinished">Inspection window</translation>
    </message>
    <message>
        <source>Departments and matters</source>
        <translation>Departments and matters</translation>
    </message>
    <message>
        <source>Team size</source>
        <translation>Team size</translation>
    </message>
    <message>
        <source>Eligible inspectors</source>
        <translation>Eligible inspectors</translation>
    </message>
    <message>
        <source>The pool is the %1 entities selected on the map or in the search; filters below narrow it further.</source>
        <translation>The pool is the %1 entities selected on the map or in the search; filters below narrow it further.</translation>
    </message>
    <message>
        <source>Pool of inspection objects</source>
        <translation>Pool of inspection objects</translation>
    </message>
    <message>
        <source>Only objects that a chosen matter applies to (industry, entity type)</source>
        <translation>Only objects that a chosen matter applies to (industry, entity type)</translation>
    </message>
    <message>
        <source>Sampling by credit-risk class (no class is exempt)</source>
        <translation>Sampling by credit-risk class (no class is exempt)</translation>
    </message>
    <message>
        <source>Ratio of the class</source>
        <translation>Ratio of the class</translation>
    </message>
    <message>
        <source>Fixed number</source>
        <translation>Fixed number</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>Class %1</translation>
    </message>
    <message>
        <source>Only to leave the plan's bands on purpose: the reason</source>
        <translation>Only to leave the plan's bands on purpose: the reason</translation>
    </message>
    <message>
        <source>The reason is recorded with your name, shown on the batch and written into the draw record. Ratios must still rise with the risk.</source>
        <translation>The reason is recorded with your name, shown on the batch and written into the draw record. Ratios must still rise with the risk.</translation>
    </message>
    <message>
        <source>Reason for ratios outside the bands</source>
        <translation>Reason for ratios outside the bands</translation>
    </message>
    <message>
        <source>Avoidance (行政处罚法 Art. 43)</source>
        <translation>Avoidance (行政处罚法 Art. 43)</translation>
    </message>
    <message>
        <source>Skip inspectors with a declared conflict of interest</source>
        <translation>Skip inspectors with a declared conflict of interest</translation>
    </message>
    <message>
        <source>Skip inspectors who made the entity's last inspection</source>
        <translation>Skip inspectors who made the entity's last inspection</translation>
    </message>
    <message>
        <source>Skip inspectors who live in the entity's village</source>
        <translation>Skip inspectors who live in the entity's village</translation>
    </message>
</context>
<context>
    <name>BatchExports</name>
    <message>
        <source>Writing the public notice…</source>
        <translation type="unfinished">Writing the public notice…</translation>
    </message>
    <message>
        <source>Notice not written</source>
        <translation type="unfinished">Notice not written</translation>
    </message>
    <message>
        <source>Export the draw record</source>
        <translation type="unfinished">Export the draw record</translation>
    </message>
    <message>
        <source>Which record?</source>
        <translation>Which record?</translation>
    </message>
    <message>
        <source>The public record holds no risk class, village or conflict: anyone can check the pool, the randomness and the teams with it, but not which entities were drawn. The full record re-runs the whole draw and holds the risk classes: give it only to auditors (the discipline inspection office, a higher-level bureau).</source>
        <translation>The public record holds no risk class, village or conflict: anyone can check the pool, the randomness and the teams with it, but not which entities were drawn. The full record re-runs the whole draw and holds the risk classes: give it only to auditors (the discipline inspection office, a higher-level bureau).</translation>
    </message>
    <message>
        <source>Public record</source>
        <translation>Public record</translation>
    </message>
    <message>
        <source>Full record (auditors)</source>
        <translation>Full record (auditors)</translation>
    </message>
    <message>
        <source>Writing the draw record…</source>
        <translation type="unfinished">Writing the draw record…</translation>
    </message>
    <message>
        <source>Record not written</source>
        <translation type="unfinished">Record not written</translation>
    </message>
    <message>
        <source>Re-running the draw from its record…</source>
        <translation type="unfinished">Re-running the draw from its record…</translation>
    </message>
    <message>
        <source>Draw not verified</source>
        <translation type="unfinished">Draw not verified</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished">Saved %1.</translation>
    </message>
    <message>
        <source>Verified: re-running the record gives exactly what was drawn.</source>
        <translation type="unfinished">Verified: re-running the record gives exactly what was drawn.</translation>
    </message>
    <message>
        <source>The draw does not verify</source>
        <translation type="unfinished">The draw does not verify</translation>
    </message>
    <message>
        <source>Re-running the record does not give what is stored:</source>
        <translation type="unfinished">Re-running the record does not give what is stored:</translation>
    </message>
</context>
<context>
    <name>BatchOverview</name>
    <message>
        <source>This batch was abandoned: it will not be drawn.</source>
        <translation>This batch was abandoned: it will not be drawn.</translation>
    </message>
    <message>
        <source>Choose a batch on the left, or create a plan and a batch.</source>
        <translation>Choose a batch on the left, or create a plan and a batch.</translation>
    </message>
    <message>
        <source>%1, awaiting the random values</source>
        <translation>%1, awaiting the random values</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation type="unfinished">Lead department</translation>
    </message>
    <message>
        <source>Inspection window</source>
        <translation type="unfinished">Inspection window</translation>
    </message>
    <message>
        <source>(no matter chosen)</source>
        <translation>(no matter chosen)</translation>
    </message>
    <message>
        <source>teams of %1, %2 eligible inspectors; checks: %3</source>
        <translation>teams of %1, %2 eligible inspectors; checks: %3</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation type="unfinished">Pool</translation>
    </message>
    <message>
        <source>%1 entities</source>
        <translation>%1 entities</translation>
    </message>
    <message>
        <source>Sampling (fixed number per class)</source>
        <translation>Sampling (fixed number per class)</translation>
    </message>
    <message>
        <source>Sampling (ratio per class)</source>
        <translation>Sampling (ratio per class)</translation>
    </message>
    <message>
        <source>Outside the plan's bands</source>
        <translation>Outside the plan's bands</translation>
    </message>
    <message>
        <source>on purpose: “%1” (%2, %3)</source>
        <translation>on purpose: “%1” (%2, %3)</translation>
    </message>
    <message>
        <source>Pool narrowed</source>
        <translation>Pool narrowed</translation>
    </message>
    <message>
        <source>only the objects a chosen matter applies to</source>
        <translation>only the objects a chosen matter applies to</translation>
    </message>
    <message>
        <source>declared conflicts</source>
        <translation>declared conflicts</translation>
    </message>
    <message>
        <source>last inspection of the entity</source>
        <translation>last inspection of the entity</translation>
    </message>
    <message>
        <source>same village</source>
        <translation>same village</translation>
    </message>
    <message>
        <source>Avoidance</source>
        <translation>Avoidance</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Inspection tasks</source>
        <translation>Inspection tasks</translation>
    </message>
    <message>
        <source>%1 done of %2</source>
        <translation>%1 done of %2</translation>
    </message>
    <message>
        <source>overdue: %1 inspections without results</source>
        <translation>overdue: %1 inspections without results</translation>
    </message>
    <message>
        <source>Results to be published by</source>
        <translation>Results to be published by</translation>
    </message>
    <message>
        <source>Pool hash (SHA-256)</source>
        <translation type="unfinished">Pool hash (SHA-256)</translation>
    </message>
    <message>
        <source>Locked at</source>
        <translation>Locked at</translation>
    </message>
    <message>
        <source>Randomness</source>
        <translation>Randomness</translation>
    </message>
    <message>
        <source>RFC 3797 public sources</source>
        <translation>RFC 3797 public sources</translation>
    </message>
    <message>
        <source>Announced sources</source>
        <translation>Announced sources</translation>
    </message>
    <message>
        <source>Source values</source>
        <translation>Source values</translation>
    </message>
    <message>
        <source>Operator seed, committed before locking</source>
        <translation>Operator seed, committed before locking</translation>
    </message>
    <message>
        <source>Seed commitment</source>
        <translation>Seed commitment</translation>
    </message>
    <message>
        <source>Revealed seed</source>
        <translation>Revealed seed</translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished">Key</translation>
    </message>
    <message>
        <source>Drawn at</source>
        <translation>Drawn at</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <source>%1 entities (%2 alternates taken for avoidance)</source>
        <translation>%1 entities (%2 alternates taken for avoidance)</translation>
    </message>
    <message>
        <source>Record digest (SHA-256)</source>
        <translation>Record digest (SHA-256)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>none: this batch was imported from before draws were recorded, so it cannot be verified</source>
        <translation>none: this batch was imported from before draws were recorded, so it cannot be verified</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithm</translation>
    </message>
    <message>
        <source>Published at</source>
        <translation>Published at</translation>
    </message>
    <message>
        <source>Abandoned at</source>
        <translation>Abandoned at</translation>
    </message>
    <message>
        <source>Abandoned by</source>
        <translation>Abandoned by</translation>
    </message>
    <message>
        <source>Reason (published)</source>
        <translation>Reason (published)</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation type="unfinished">Class %1</translation>
    </message>
    <message>
        <source>Not checked yet: “Check” lists every rule the batch breaks.</source>
        <translation>Not checked yet: “Check” lists every rule the batch breaks.</translation>
    </message>
    <message>
        <source>No problem found: the batch can be locked.</source>
        <translation>No problem found: the batch can be locked.</translation>
    </message>
    <message>
        <source>%1 problems block locking:</source>
        <translation>%1 problems block locking:</translation>
    </message>
    <message>
        <source>%1 warnings (they do not block locking).</source>
        <translation>%1 warnings (they do not block locking).</translation>
    </message>
    <message>
        <source>“Edit…” can keep in the pool only the objects a chosen matter applies to.</source>
        <translation>“Edit…” can keep in the pool only the objects a chosen matter applies to.</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Warning: </translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Lock the pool…</source>
        <translation>Lock the pool…</translation>
    </message>
    <message>
        <source>Discard batch…</source>
        <translation>Discard batch…</translation>
    </message>
    <message>
        <source>Draw…</source>
        <translation>Draw…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Abandon batch…</source>
        <translation>Abandon batch…</translation>
    </message>
    <message>
        <source>Notice (XLSX)…</source>
        <translation>Notice (XLSX)…</translation>
    </message>
    <message>
        <source>Notice (PDF)…</source>
        <translation>Notice (PDF)…</translation>
    </message>
    <message>
        <source>Results notice (XLSX)…</source>
        <translation>Results notice (XLSX)…</translation>
    </message>
    <message>
        <source>Results notice (PDF)…</source>
        <translation>Results notice (PDF)…</translation>
    </message>
    <message>
        <source>Export record…</source>
        <translation>Export record…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>Show on map</translation>
    </message>
    <message>
        <source>Rules of the batch</source>
        <translation>Rules of the batch</translation>
    </message>
    <message>
        <source>Published for verification</source>
        <translation>Published for verification</translation>
    </message>
    <message>
        <source>Check before locking</source>
        <translation>Check before locking</translation>
    </message>
    <message>
        <source>Pool and drawn by credit-risk class (internal)</source>
        <translation>Pool and drawn by credit-risk class (internal)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished">Planned</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
</context>
<context>
    <name>CaseClockDialog</name>
    <message>
        <source>Decision period: %1</source>
        <translation>Decision period: %1</translation>
    </message>
    <message>
        <source>No extension or pause yet.</source>
        <translation>No extension or pause yet.</translation>
    </message>
    <message>
        <source>Resume the clock (the pause ends)</source>
        <translation>Resume the clock (the pause ends)</translation>
    </message>
    <message>
        <source>Extend by collective decision</source>
        <translation>Extend by collective decision</translation>
    </message>
    <message>
        <source>Extend by %1 days (department head's approval)</source>
        <translation>Extend by %1 days (department head's approval)</translation>
    </message>
    <message>
        <source>Pause: a period that does not count</source>
        <translation>Pause: a period that does not count</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation type="unfinished">Case no.</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation type="unfinished">Filed</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished">Record</translation>
    </message>
    <message>
        <source>Write the reason (it is kept with the case).</source>
        <translation>Write the reason (it is kept with the case).</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <source>Testing or inspection</source>
        <translation>Testing or inspection</translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <source>%1: extended by %2 days, department head's approval</source>
        <translation>%1: extended by %2 days, department head's approval</translation>
    </message>
    <message>
        <source>%1: extended by %2 days, collective decision</source>
        <translation>%1: extended by %2 days, collective decision</translation>
    </message>
    <message>
        <source>%1 – …: %2, the clock is stopped</source>
        <translation>%1 – …: %2, the clock is stopped</translation>
    </message>
    <message>
        <source>%1 – %3: %2, %4 days not counted</source>
        <translation>%1 – %3: %2, %4 days not counted</translation>
    </message>
    <message>
        <source>Paused since %1 (%2): the clock is stopped with %3 days left; the decision is due on %4 if it resumes tomorrow.</source>
        <translation>Paused since %1 (%2): the clock is stopped with %3 days left; the decision is due on %4 if it resumes tomorrow.</translation>
    </message>
    <message>
        <source>Decision due on %1 (90 days from filing, %2 days extended).</source>
        <translation>Decision due on %1 (90 days from filing, %2 days extended).</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation type="unfinished">Decided on</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Optional note</source>
        <translation type="unfinished">Optional note</translation>
    </message>
</context>
<context>
    <name>CasesConfirm</name>
    <message>
        <source>Please confirm</source>
        <translation type="unfinished">Please confirm</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Decision period not changed</source>
        <translation>Decision period not changed</translation>
    </message>
    <message>
        <source>Decision not recorded</source>
        <translation>Decision not recorded</translation>
    </message>
    <message>
        <source>Cases not loaded</source>
        <translation>Cases not loaded</translation>
    </message>
    <message>
        <source>The decision is overdue (90 days from filing)</source>
        <translation>The decision is overdue (90 days from filing)</translation>
    </message>
    <message>
        <source>Extended by %1 days</source>
        <translation>Extended by %1 days</translation>
    </message>
    <message>
        <source>Decided after the deadline</source>
        <translation>Decided after the deadline</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished">Decided</translation>
    </message>
    <message>
        <source>The clock is stopped: this date moves on each day the pause lasts</source>
        <translation>The clock is stopped: this date moves on each day the pause lasts</translation>
    </message>
    <message>
        <source>Paused since %1</source>
        <translation>Paused since %1</translation>
    </message>
    <message>
        <source>%1, extended %2 days</source>
        <translation>%1, extended %2 days</translation>
    </message>
    <message>
        <source>Case %1 decided on %2 — late: %3 days after its deadline of %4.</source>
        <translation>Case %1 decided on %2 — late: %3 days after its deadline of %4.</translation>
    </message>
    <message>
        <source>Case %1 decided on %2, within its deadline of %4.</source>
        <translation>Case %1 decided on %2, within its deadline of %4.</translation>
    </message>
    <message>
        <source>Case %1 paused from %2: the clock is stopped.</source>
        <translation>Case %1 paused from %2: the clock is stopped.</translation>
    </message>
    <message>
        <source>Case %1: the decision is now due on %2.</source>
        <translation>Case %1: the decision is now due on %2.</translation>
    </message>
    <message>
        <source>Undecided only</source>
        <translation>Undecided only</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>Record decision…</translation>
    </message>
    <message>
        <source>Decision period…</source>
        <translation>Decision period…</translation>
    </message>
    <message>
        <source>Extend the decision period or pause it for a hearing, announcement, testing or appraisal (Art. 64)</source>
        <translation>Extend the decision period or pause it for a hearing, announcement, testing or appraisal (Art. 64)</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished">Entity</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>Decision due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
</context>
<context>
    <name>CasesWorkspace</name>
    <message>
        <source>Sign in to follow clues, cases and their deadlines.</source>
        <translation>Sign in to follow clues, cases and their deadlines.</translation>
    </message>
    <message>
        <source>Departments not loaded</source>
        <translation type="unfinished">Departments not loaded</translation>
    </message>
    <message>
        <source>Clue not registered</source>
        <translation>Clue not registered</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished">Not done</translation>
    </message>
    <message>
        <source>File a case from clue %1? The decision is then due within 90 days.</source>
        <translation>File a case from clue %1? The decision is then due within 90 days.</translation>
    </message>
    <message>
        <source>Case not filed</source>
        <translation>Case not filed</translation>
    </message>
    <message>
        <source>%1 files added.</source>
        <translation>%1 files added.</translation>
    </message>
    <message>
        <source>Files not added</source>
        <translation>Files not added</translation>
    </message>
    <message>
        <source>File not opened</source>
        <translation>File not opened</translation>
    </message>
    <message>
        <source>%1 is a program or launcher (%2). Tongguan does not open such files; save it and have it checked first.</source>
        <translation>%1 is a program or launcher (%2). Tongguan does not open such files; save it and have it checked first.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished">Save as…</translation>
    </message>
    <message>
        <source>File not saved</source>
        <translation>File not saved</translation>
    </message>
    <message>
        <source>Clues not exported</source>
        <translation>Clues not exported</translation>
    </message>
    <message>
        <source>Clue registered.</source>
        <translation>Clue registered.</translation>
    </message>
    <message>
        <source>No clue has the reference number %1; nothing was changed.</source>
        <translation>No clue has the reference number %1; nothing was changed.</translation>
    </message>
    <message>
        <source>%1: %2 — now %3.</source>
        <translation>%1: %2 — now %3.</translation>
    </message>
    <message>
        <source>Case filed; its decision is due within 90 days.</source>
        <translation>Case filed; its decision is due within 90 days.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished">Saved %1.</translation>
    </message>
    <message>
        <source>%2 clues written to %1.</source>
        <translation>%2 clues written to %1.</translation>
    </message>
    <message>
        <source>%1 imported, %2 already here.</source>
        <translation>%1 imported, %2 already here.</translation>
    </message>
    <message>
        <source>Nothing imported: %1 — at %2</source>
        <translation>Nothing imported: %1 — at %2</translation>
    </message>
    <message>
        <source>Clues not imported</source>
        <translation>Clues not imported</translation>
    </message>
    <message>
        <source>Files of the clue</source>
        <translation>Files of the clue</translation>
    </message>
    <message>
        <source>New clue…</source>
        <translation>New clue…</translation>
    </message>
    <message>
        <source>Import (Open311)…</source>
        <translation>Import (Open311)…</translation>
    </message>
    <message>
        <source>Export (Open311)…</source>
        <translation>Export (Open311)…</translation>
    </message>
    <message>
        <source>The clues of the current filter, for town and hotline systems</source>
        <translation>The clues of the current filter, for town and hotline systems</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>Clues</translation>
    </message>
    <message>
        <source>Double notification</source>
        <translation type="unfinished">Double notification</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>Routing rules</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Verifying department</source>
        <translation>Verifying department</translation>
    </message>
    <message>
        <source>Words in a business scope</source>
        <translation type="unfinished">Words in a business scope</translation>
    </message>
    <message>
        <source>separated by |</source>
        <translation>separated by |</translation>
    </message>
    <message>
        <source>Commitment text</source>
        <translation type="unfinished">Commitment text</translation>
    </message>
    <message>
        <source>Verification standard</source>
        <translation type="unfinished">Verification standard</translation>
    </message>
    <message>
        <source>Consequence of a breach</source>
        <translation type="unfinished">Consequence of a breach</translation>
    </message>
    <message>
        <source>Days to fulfil</source>
        <translation type="unfinished">Days to fulfil</translation>
    </message>
    <message>
        <source>Working days to verify</source>
        <translation type="unfinished">Working days to verify</translation>
    </message>
    <message>
        <source>A registration whose business scope names this matter opens a commitment verification for the verifying department.</source>
        <translation>A registration whose business scope names this matter opens a commitment verification for the verifying department.</translation>
    </message>
    <message>
        <source>Edit catalogue matter</source>
        <translation>Edit catalogue matter</translation>
    </message>
    <message>
        <source>New catalogue matter</source>
        <translation>New catalogue matter</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Verifying department</source>
        <translation>Verifying department</translation>
    </message>
    <message>
        <source>Days to fulfil</source>
        <translation type="unfinished">Days to fulfil</translation>
    </message>
    <message>
        <source>Working days to verify</source>
        <translation type="unfinished">Working days to verify</translation>
    </message>
    <message>
        <source>Verification standard</source>
        <translation type="unfinished">Verification standard</translation>
    </message>
    <message>
        <source>A registration whose business scope names a matter of this catalogue opens a commitment verification with these terms.</source>
        <translation>A registration whose business scope names a matter of this catalogue opens a commitment verification with these terms.</translation>
    </message>
    <message>
        <source>New matter…</source>
        <translation>New matter…</translation>
    </message>
    <message>
        <source>Catalogue matter %1 saved.</source>
        <translation>Catalogue matter %1 saved.</translation>
    </message>
    <message>
        <source>Delete catalogue matter</source>
        <translation>Delete catalogue matter</translation>
    </message>
    <message>
        <source>Take matter %1 off the catalogue? Commitments already opened stay.</source>
        <translation>Take matter %1 off the catalogue? Commitments already opened stay.</translation>
    </message>
    <message>
        <source>Catalogue matter %1 deleted.</source>
        <translation>Catalogue matter %1 deleted.</translation>
    </message>
</context>
<context>
    <name>CeremonyView</name>
    <message>
        <source>%1 of %2 drawn</source>
        <translation>%1 of %2 drawn</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>%1 entities, frozen before any randomness was known</source>
        <translation>%1 entities, frozen before any randomness was known</translation>
    </message>
    <message>
        <source>Pool hash (SHA-256)</source>
        <translation>Pool hash (SHA-256)</translation>
    </message>
    <message>
        <source>Randomness</source>
        <translation>Randomness</translation>
    </message>
    <message>
        <source>not recorded (imported history)</source>
        <translation>not recorded (imported history)</translation>
    </message>
    <message>
        <source>Public random sources (RFC 3797)</source>
        <translation>Public random sources (RFC 3797)</translation>
    </message>
    <message>
        <source>Seed commitment, published before locking</source>
        <translation>Seed commitment, published before locking</translation>
    </message>
    <message>
        <source>Seed revealed at the draw</source>
        <translation>Seed revealed at the draw</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <source>Leave full screen (Esc)</source>
        <translation>Leave full screen (Esc)</translation>
    </message>
</context>
<context>
    <name>ClueDesk</name>
    <message>
        <source>Clues not loaded</source>
        <translation>Clues not loaded</translation>
    </message>
    <message>
        <source>Clue not loaded</source>
        <translation>Clue not loaded</translation>
    </message>
    <message>
        <source>Your role does not read clues.</source>
        <translation>Your role does not read clues.</translation>
    </message>
    <message>
        <source>No clue matches.</source>
        <translation>No clue matches.</translation>
    </message>
    <message>
        <source>%1–%2 of %3 clues</source>
        <translation>%1–%2 of %3 clues</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Next ›</translation>
    </message>
</context>
<context>
    <name>ClueDetailPanel</name>
    <message>
        <source>Choose a clue in the table to see its steps and act on it.</source>
        <translation>Choose a clue in the table to see its steps and act on it.</translation>
    </message>
    <message>
        <source>Ended %1</source>
        <translation>Ended %1</translation>
    </message>
    <message>
        <source>No handling deadline</source>
        <translation>No handling deadline</translation>
    </message>
    <message>
        <source>Overdue: to be handled by %1</source>
        <translation>Overdue: to be handled by %1</translation>
    </message>
    <message>
        <source>To be handled by %1</source>
        <translation>To be handled by %1</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <source>(village %1)</source>
        <translation>(village %1)</translation>
    </message>
    <message>
        <source>%1 code %2 %3</source>
        <translation>%1 code %2 %3</translation>
    </message>
    <message>
        <source>not mapped yet</source>
        <translation>not mapped yet</translation>
    </message>
    <message>
        <source>not routed yet</source>
        <translation>not routed yet</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished">Entity</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished">Matter</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished">Received</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Result fed back</source>
        <translation>Result fed back</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>Duplicate of</translation>
    </message>
    <message>
        <source>Cases filed</source>
        <translation>Cases filed</translation>
    </message>
    <message>
        <source>File a case…</source>
        <translation>File a case…</translation>
    </message>
    <message>
        <source>File a case from this clue; the decision is due within 90 days of filing</source>
        <translation>File a case from this clue; the decision is due within 90 days of filing</translation>
    </message>
    <message>
        <source>Clue</source>
        <translation type="unfinished">Clue</translation>
    </message>
    <message>
        <source>Steps, newest first</source>
        <translation>Steps, newest first</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>No files yet.</translation>
    </message>
</context>
<context>
    <name>ClueFiles</name>
    <message>
        <source>Save the file</source>
        <translation>Save the file</translation>
    </message>
    <message>
        <source>Files like this one (*%1)</source>
        <translation>Files like this one (*%1)</translation>
    </message>
    <message>
        <source>clues_open311_%1</source>
        <translation>clues_open311_%1</translation>
    </message>
    <message>
        <source>Export clues (Open311)</source>
        <translation>Export clues (Open311)</translation>
    </message>
    <message>
        <source>Open311 GeoReport v2 (*.json)</source>
        <translation>Open311 GeoReport v2 (*.json)</translation>
    </message>
    <message>
        <source>Import clues (Open311)</source>
        <translation>Import clues (Open311)</translation>
    </message>
    <message>
        <source>Open311 GeoReport v2 (*.json);;All files (*)</source>
        <translation>Open311 GeoReport v2 (*.json);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ClueFilterBar</name>
    <message>
        <source>All departments</source>
        <translation type="unfinished">All departments</translation>
    </message>
    <message>
        <source>Not routed yet</source>
        <translation>Not routed yet</translation>
    </message>
    <message>
        <source>Reference, description, entity or USCC</source>
        <translation>Reference, description, entity or USCC</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Open clues whose handling deadline has passed</source>
        <translation>Open clues whose handling deadline has passed</translation>
    </message>
</context>
<context>
    <name>ClueRefusals</name>
    <message>
        <source>A clue in the state “{state}” cannot be given “{action}”; allowed: {allowed}.</source>
        <translation>A clue in the state “{state}” cannot be given “{action}”; allowed: {allowed}.</translation>
    </message>
    <message>
        <source>There is no clue action “{action}”.</source>
        <translation>There is no clue action “{action}”.</translation>
    </message>
    <message>
        <source>“{action}” needs a reason or a result in words.</source>
        <translation>“{action}” needs a reason or a result in words.</translation>
    </message>
    <message>
        <source>“{action}” needs a department.</source>
        <translation>“{action}” needs a department.</translation>
    </message>
    <message>
        <source>A return or a transfer names another department.</source>
        <translation>A return or a transfer names another department.</translation>
    </message>
    <message>
        <source>A duplicate links to an original clue: not itself, not another duplicate.</source>
        <translation>A duplicate links to an original clue: not itself, not another duplicate.</translation>
    </message>
    <message>
        <source>Only a claimed clue, or one being handled, can become a case.</source>
        <translation>Only a claimed clue, or one being handled, can become a case.</translation>
    </message>
    <message>
        <source>A case needs the market entity and the department.</source>
        <translation>A case needs the market entity and the department.</translation>
    </message>
    <message>
        <source>Case {case} does not exist.</source>
        <translation>Case {case} does not exist.</translation>
    </message>
    <message>
        <source>Only a filed case not yet decided can be decided.</source>
        <translation>Only a filed case not yet decided can be decided.</translation>
    </message>
    <message>
        <source>A decision cannot precede the filing.</source>
        <translation>A decision cannot precede the filing.</translation>
    </message>
    <message>
        <source>The clue was already claimed by {by}.</source>
        <translation>The clue was already claimed by {by}.</translation>
    </message>
    <message>
        <source>A case was already filed from this clue: {case}.</source>
        <translation>A case was already filed from this clue: {case}.</translation>
    </message>
    <message>
        <source>An attachment is at most 20 MB: {file}.</source>
        <translation>An attachment is at most 20 MB: {file}.</translation>
    </message>
    <message>
        <source>The attachment {file} cannot be read.</source>
        <translation>The attachment {file} cannot be read.</translation>
    </message>
    <message>
        <source>No market entity has the USCC {uscc}.</source>
        <translation>No market entity has the USCC {uscc}.</translation>
    </message>
    <message>
        <source>A clue's source is one of {allowed}, not “{source}”.</source>
        <translation>A clue's source is one of {allowed}, not “{source}”.</translation>
    </message>
    <message>
        <source>A clue needs a description.</source>
        <translation>A clue needs a description.</translation>
    </message>
    <message>
        <source>A description is at most {max} characters.</source>
        <translation>A description is at most {max} characters.</translation>
    </message>
    <message>
        <source>There is no village with the code {village}.</source>
        <translation>There is no village with the code {village}.</translation>
    </message>
    <message>
        <source>A clue names the market entity by its USCC, or where it happened.</source>
        <translation>A clue names the market entity by its USCC, or where it happened.</translation>
    </message>
    <message>
        <source>Not a position: {lat}, {lng}.</source>
        <translation>Not a position: {lat}, {lng}.</translation>
    </message>
    <message>
        <source>Matter {matter} does not exist.</source>
        <translation type="unfinished">Matter {matter} does not exist.</translation>
    </message>
    <message>
        <source>Attachment {attachment} does not exist.</source>
        <translation>Attachment {attachment} does not exist.</translation>
    </message>
    <message>
        <source>The attachment {file} is damaged: the stored file no longer matches its SHA-256.</source>
        <translation>The attachment {file} is damaged: the stored file no longer matches its SHA-256.</translation>
    </message>
    <message>
        <source>The attachment folder is not this user's own folder.</source>
        <translation>The attachment folder is not this user's own folder.</translation>
    </message>
    <message>
        <source>The written copy of the attachment {file} does not match its SHA-256.</source>
        <translation>The written copy of the attachment {file} does not match its SHA-256.</translation>
    </message>
    <message>
        <source>A routing rule names a matter, an industry or a town.</source>
        <translation>A routing rule names a matter, an industry or a town.</translation>
    </message>
    <message>
        <source>There is no matter {value}.</source>
        <translation>There is no matter {value}.</translation>
    </message>
    <message>
        <source>There is no industry {value}.</source>
        <translation>There is no industry {value}.</translation>
    </message>
    <message>
        <source>There is no town {value}.</source>
        <translation>There is no town {value}.</translation>
    </message>
    <message>
        <source>There is no department {value}.</source>
        <translation>There is no department {value}.</translation>
    </message>
    <message>
        <source>Routing rule {rule} does not exist.</source>
        <translation>Routing rule {rule} does not exist.</translation>
    </message>
    <message>
        <source>Case {case} is already decided and its period is over: it cannot be extended.</source>
        <translation>Case {case} is already decided and its period is over: it cannot be extended.</translation>
    </message>
    <message>
        <source>Case {case} is already decided and its period is over: its clock cannot be paused.</source>
        <translation>Case {case} is already decided and its period is over: its clock cannot be paused.</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>A reason is required.</translation>
    </message>
    <message>
        <source>A date cannot precede the filing on {filed}.</source>
        <translation>A date cannot precede the filing on {filed}.</translation>
    </message>
    <message>
        <source>A date cannot be after today, {today}.</source>
        <translation>A date cannot be after today, {today}.</translation>
    </message>
    <message>
        <source>Unknown approval “{approval}”: the head's or a collective decision.</source>
        <translation>Unknown approval “{approval}”: the head's or a collective decision.</translation>
    </message>
    <message>
        <source>The head approves one extension only; a further one is a collective decision.</source>
        <translation>The head approves one extension only; a further one is a collective decision.</translation>
    </message>
    <message>
        <source>The head's extension is {days} days.</source>
        <translation>The head's extension is {days} days.</translation>
    </message>
    <message>
        <source>The first extension is the head's {days} days; a collective decision extends further.</source>
        <translation>The first extension is the head's {days} days; a collective decision extends further.</translation>
    </message>
    <message>
        <source>An extension is 1 to 366 days.</source>
        <translation>An extension is 1 to 366 days.</translation>
    </message>
    <message>
        <source>An extension is approved before the period ends on {due}.</source>
        <translation>An extension is approved before the period ends on {due}.</translation>
    </message>
    <message>
        <source>Only a hearing, an announcement, testing or appraisal does not count, not “{kind}”.</source>
        <translation>Only a hearing, an announcement, testing or appraisal does not count, not “{kind}”.</translation>
    </message>
    <message>
        <source>The case has a pause still open: end it first.</source>
        <translation>The case has a pause still open: end it first.</translation>
    </message>
    <message>
        <source>Pauses cannot overlap: the last one ended on {last}.</source>
        <translation>Pauses cannot overlap: the last one ended on {last}.</translation>
    </message>
    <message>
        <source>The case has no open pause to end.</source>
        <translation>The case has no open pause to end.</translation>
    </message>
    <message>
        <source>A pause cannot end before it starts on {start}.</source>
        <translation>A pause cannot end before it starts on {start}.</translation>
    </message>
    <message>
        <source>The pause that began on {since} is still open: resume the clock before the decision.</source>
        <translation>The pause that began on {since} is still open: resume the clock before the decision.</translation>
    </message>
    <message>
        <source>A date-time is required.</source>
        <translation>A date-time is required.</translation>
    </message>
    <message>
        <source>Not an ISO 8601 date-time: {value}.</source>
        <translation>Not an ISO 8601 date-time: {value}.</translation>
    </message>
    <message>
        <source>The year must be 1900–2200: {value}.</source>
        <translation>The year must be 1900–2200: {value}.</translation>
    </message>
    <message>
        <source>The source reference is the import's key: it cannot be empty.</source>
        <translation>The source reference is the import's key: it cannot be empty.</translation>
    </message>
    <message>
        <source>Each request is a JSON object.</source>
        <translation>Each request is a JSON object.</translation>
    </message>
    <message>
        <source>service_request_id is required.</source>
        <translation>service_request_id is required.</translation>
    </message>
    <message>
        <source>{ext} must be an object.</source>
        <translation>{ext} must be an object.</translation>
    </message>
    <message>
        <source>The status is open or closed, not {value}.</source>
        <translation>The status is open or closed, not {value}.</translation>
    </message>
    <message>
        <source>Unknown service_code {value}: not a matter code.</source>
        <translation>Unknown service_code {value}: not a matter code.</translation>
    </message>
    <message>
        <source>Unknown department {value}.</source>
        <translation>Unknown department {value}.</translation>
    </message>
    <message>
        <source>Unknown village code {value}.</source>
        <translation>Unknown village code {value}.</translation>
    </message>
    <message>
        <source>lat and long go together.</source>
        <translation>lat and long go together.</translation>
    </message>
    <message>
        <source>A request needs an entity, a position or a village.</source>
        <translation>A request needs an entity, a position or a village.</translation>
    </message>
    <message>
        <source>Repeats request {first}: {key}.</source>
        <translation>Repeats request {first}: {key}.</translation>
    </message>
    <message>
        <source>An Open311 file is a JSON array of service requests.</source>
        <translation>An Open311 file is a JSON array of service requests.</translation>
    </message>
    <message>
        <source>Another workstation is importing the same requests; try again.</source>
        <translation>Another workstation is importing the same requests; try again.</translation>
    </message>
    <message>
        <source>The original clue {original} of a duplicate is missing.</source>
        <translation>The original clue {original} of a duplicate is missing.</translation>
    </message>
    <message>
        <source>Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: the department head may approve one extension of 30 days</source>
        <translation>Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: the department head may approve one extension of 30 days</translation>
    </message>
    <message>
        <source>Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: any further extension is decided collectively by the department's heads</source>
        <translation>Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: any further extension is decided collectively by the department's heads</translation>
    </message>
    <message>
        <source>Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: hearings, announcements, testing, inspection and appraisal do not count towards the period</source>
        <translation>Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: hearings, announcements, testing, inspection and appraisal do not count towards the period</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished">none</translation>
    </message>
    <message>
        <source>{sentence} ({rule})</source>
        <translation>{sentence} ({rule})</translation>
    </message>
</context>
<context>
    <name>ClueTable</name>
    <message>
        <source>Reference</source>
        <translation type="unfinished">Reference</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Entity or place</source>
        <translation>Entity or place</translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished">Received</translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished">Due</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Overdue since %1</translation>
    </message>
    <message>
        <source>(not routed)</source>
        <translation>(not routed)</translation>
    </message>
    <message>
        <source>(entity unknown) %1</source>
        <translation>(entity unknown) %1</translation>
    </message>
</context>
<context>
    <name>CollabExport</name>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>Edges</source>
        <translation>Edges</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>By kind</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>Bands</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Degree</translation>
    </message>
    <message>
        <source>Betweenness</source>
        <translation>Betweenness</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished">Key</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation type="unfinished">Clues</translation>
    </message>
    <message>
        <source>Median (working days)</source>
        <translation>Median (working days)</translation>
    </message>
    <message>
        <source>90th percentile (working days)</source>
        <translation>90th percentile (working days)</translation>
    </message>
    <message>
        <source>Returned or sent on</source>
        <translation>Returned or sent on</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished">Overdue</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished">All departments</translation>
    </message>
</context>
<context>
    <name>CollabFlow</name>
    <message>
        <source>Clues</source>
        <translation type="unfinished">Clues</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished">All departments</translation>
    </message>
    <message>
        <source>%1 clues; median %2, 90th percentile %3</source>
        <translation>%1 clues; median %2, 90th percentile %3</translation>
    </message>
</context>
<context>
    <name>CollabGraph</name>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Degree</translation>
    </message>
    <message>
        <source>Betweenness</source>
        <translation>Betweenness</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished">Overdue</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>90th pct.</source>
        <translation>90th pct.</translation>
    </message>
    <message>
        <source>Returned or sent on</source>
        <translation>Returned or sent on</translation>
    </message>
</context>
<context>
    <name>CollabWallScene</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Loading…</translation>
    </message>
    <message>
        <source>Figures not read: %1</source>
        <translation>Figures not read: %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
</context>
<context>
    <name>CollabWords</name>
    <message>
        <source>Joint inspection</source>
        <translation>Joint inspection</translation>
    </message>
    <message>
        <source>Clue routed</source>
        <translation>Clue routed</translation>
    </message>
    <message>
        <source>Clue transferred</source>
        <translation>Clue transferred</translation>
    </message>
    <message>
        <source>Clue returned</source>
        <translation>Clue returned</translation>
    </message>
    <message>
        <source>Duplicate clue</source>
        <translation>Duplicate clue</translation>
    </message>
    <message>
        <source>Double notification</source>
        <translation type="unfinished">Double notification</translation>
    </message>
    <message>
        <source>Commitment check</source>
        <translation>Commitment check</translation>
    </message>
    <message>
        <source>Grid hand-over</source>
        <translation>Grid hand-over</translation>
    </message>
    <message>
        <source>Clue</source>
        <translation type="unfinished">Clue</translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished">Received</translation>
    </message>
    <message>
        <source>Received → assigned</source>
        <translation>Received → assigned</translation>
    </message>
    <message>
        <source>Assigned → claimed</source>
        <translation>Assigned → claimed</translation>
    </message>
    <message>
        <source>Claimed → handling</source>
        <translation>Claimed → handling</translation>
    </message>
    <message>
        <source>Handling → fed back</source>
        <translation>Handling → fed back</translation>
    </message>
    <message>
        <source>Fed back → closed</source>
        <translation>Fed back → closed</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished">Closed</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished">Returned</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished">Duplicate</translation>
    </message>
    <message>
        <source>Case filed</source>
        <translation>Case filed</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished">Decided</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Still open</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished">Town</translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished">Village</translation>
    </message>
    <message>
        <source>Shared queue</source>
        <translation>Shared queue</translation>
    </message>
    <message>
        <source>%1 wd</source>
        <translation>%1 wd</translation>
    </message>
    <message>
        <source>Not routed yet</source>
        <translation type="unfinished">Not routed yet</translation>
    </message>
</context>
<context>
    <name>CollaborationScene</name>
    <message>
        <source>How departments work together</source>
        <translation>How departments work together</translation>
    </message>
    <message>
        <source>No figures for this period yet.</source>
        <translation>No figures for this period yet.</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>Slowest hand-overs (median)</source>
        <translation>Slowest hand-overs (median)</translation>
    </message>
</context>
<context>
    <name>CollaborationWorkspace</name>
    <message>
        <source>Sign in to see how departments work together.</source>
        <translation>Sign in to see how departments work together.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished">PNG image (*.png)</translation>
    </message>
    <message>
        <source>GraphML (*.graphml)</source>
        <translation>GraphML (*.graphml)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished">Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>The view is on the wall.</source>
        <translation>The view is on the wall.</translation>
    </message>
    <message>
        <source>Collaboration</source>
        <translation type="unfinished">Collaboration</translation>
    </message>
    <message>
        <source>Collaboration graph</source>
        <translation>Collaboration graph</translation>
    </message>
    <message>
        <source>Case flows</source>
        <translation>Case flows</translation>
    </message>
    <message>
        <source>Joint-plan suggestions</source>
        <translation>Joint-plan suggestions</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Picture (PNG)…</source>
        <translation>Picture (PNG)…</translation>
    </message>
    <message>
        <source>Graph (GraphML)…</source>
        <translation>Graph (GraphML)…</translation>
    </message>
    <message>
        <source>Figures (XLSX)…</source>
        <translation>Figures (XLSX)…</translation>
    </message>
    <message>
        <source>Push to wall</source>
        <translation type="unfinished">Push to wall</translation>
    </message>
    <message>
        <source>Your role does not push views to the wall.</source>
        <translation>Your role does not push views to the wall.</translation>
    </message>
</context>
<context>
    <name>CommitmentsPage</name>
    <message>
        <source>Verification not recorded</source>
        <translation>Verification not recorded</translation>
    </message>
    <message>
        <source>Commitments not loaded</source>
        <translation>Commitments not loaded</translation>
    </message>
    <message>
        <source>The verification is overdue</source>
        <translation>The verification is overdue</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>kept</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>broken</translation>
    </message>
    <message>
        <source>Commitment: %1</source>
        <translation>Commitment: %1</translation>
    </message>
    <message>
        <source>Verification recorded: %1 kept its commitment.</source>
        <translation>Verification recorded: %1 kept its commitment.</translation>
    </message>
    <message>
        <source>Verification recorded: %1 broke its commitment. A credit record was written and case %2 filed; its decision is due within 90 days.</source>
        <translation>Verification recorded: %1 broke its commitment. A credit record was written and case %2 filed; its decision is due within 90 days.</translation>
    </message>
    <message>
        <source>Verification recorded: %1 broke its commitment. A credit record was written.</source>
        <translation>Verification recorded: %1 broke its commitment. A credit record was written.</translation>
    </message>
    <message>
        <source>Show done too</source>
        <translation>Show done too</translation>
    </message>
    <message>
        <source>Record verification…</source>
        <translation>Record verification…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished">No.</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished">Entity</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation type="unfinished">USCC</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished">Matter</translation>
    </message>
    <message>
        <source>Check against</source>
        <translation>Check against</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished">Due</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Database connection restored.</source>
        <translation>Database connection restored.</translation>
    </message>
    <message>
        <source>Changes can be saved again.</source>
        <translation>Changes can be saved again.</translation>
    </message>
    <message>
        <source>Database connection lost — retrying…</source>
        <translation>Database connection lost — retrying…</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}: {message}</translation>
    </message>
    <message>
        <source>database</source>
        <translation>database</translation>
    </message>
    <message>
        <source>(last attempt {time})</source>
        <translation>(last attempt {time})</translation>
    </message>
</context>
<context>
    <name>CreditPanel</name>
    <message>
        <source>Administrative penalty</source>
        <translation>Administrative penalty</translation>
    </message>
    <message>
        <source>Abnormal-operation list</source>
        <translation>Abnormal-operation list</translation>
    </message>
    <message>
        <source>Serious-violation list</source>
        <translation>Serious-violation list</translation>
    </message>
    <message>
        <source>Broken commitment</source>
        <translation>Broken commitment</translation>
    </message>
    <message>
        <source>Late annual report</source>
        <translation>Late annual report</translation>
    </message>
    <message>
        <source>Upheld complaint</source>
        <translation>Upheld complaint</translation>
    </message>
    <message>
        <source>Other dishonesty record</source>
        <translation>Other dishonesty record</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation type="unfinished">Honour</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Taken off the list</source>
        <translation>Taken off the list</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>Repaired</translation>
    </message>
    <message>
        <source>until {day}</source>
        <translation>until {day}</translation>
    </message>
    <message>
        <source>{state} ({until})</source>
        <translation>{state} ({until})</translation>
    </message>
</context>
<context>
    <name>CreditRepairDialog</name>
    <message>
        <source>Credit repair</source>
        <translation>Credit repair</translation>
    </message>
    <message>
        <source>{date} · {kind} · {title}</source>
        <translation>{date} · {kind} · {title}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished">Record</translation>
    </message>
    <message>
        <source>Repaired on</source>
        <translation>Repaired on</translation>
    </message>
    <message>
        <source>What the entity did: corrected the violation, paid the fine, made a public credit commitment…</source>
        <translation>What the entity did: corrected the violation, paid the fine, made a public credit commitment…</translation>
    </message>
    <message>
        <source>What the entity did</source>
        <translation>What the entity did</translation>
    </message>
    <message>
        <source>The evidence file's name</source>
        <translation>The evidence file's name</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished">Choose file…</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Grant the repair</source>
        <translation>Grant the repair</translation>
    </message>
    <message>
        <source>The repair date must lie between the record's date and today.</source>
        <translation>The repair date must lie between the record's date and today.</translation>
    </message>
    <message>
        <source>Say what the entity did to earn the repair.</source>
        <translation>Say what the entity did to earn the repair.</translation>
    </message>
    <message>
        <source>Choose the evidence file (or type its name).</source>
        <translation>Choose the evidence file (or type its name).</translation>
    </message>
    <message>
        <source>From {day} on this record no longer counts against the entity's credit, and its class is computed again. The repair, its note and its evidence are kept in the audit log.</source>
        <translation>From {day} on this record no longer counts against the entity's credit, and its class is computed again. The repair, its note and its evidence are kept in the audit log.</translation>
    </message>
    <message>
        <source>Evidence of the repair</source>
        <translation>Evidence of the repair</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished">All files (*)</translation>
    </message>
    <message>
        <source>You may not repair this record: only the leader, or the department that recorded it, grants a credit repair.</source>
        <translation>You may not repair this record: only the leader, or the department that recorded it, grants a credit repair.</translation>
    </message>
    <message>
        <source>Someone else has repaired this record already: {reason}</source>
        <translation>Someone else has repaired this record already: {reason}</translation>
    </message>
    <message>
        <source>The repair was refused: {reason}</source>
        <translation>The repair was refused: {reason}</translation>
    </message>
</context>
<context>
    <name>CreditRulesPage</name>
    <message>
        <source>Sign in as an administrator or a leader to see the credit rules.</source>
        <translation>Sign in as an administrator or a leader to see the credit rules.</translation>
    </message>
    <message>
        <source>built-in rule set</source>
        <translation>built-in rule set</translation>
    </message>
    <message>
        <source>Scoring the city with these rules…</source>
        <translation>Scoring the city with these rules…</translation>
    </message>
    <message>
        <source>Previewing the rule set…</source>
        <translation>Previewing the rule set…</translation>
    </message>
    <message>
        <source>Activate rule set</source>
        <translation>Activate rule set</translation>
    </message>
    <message>
        <source>Make version %1 the active rule set? Every entity is rescored at once and the classes that change drive the next draws and the map. Preview it first to see how many move.</source>
        <translation>Make version %1 the active rule set? Every entity is rescored at once and the classes that change drive the next draws and the map. Preview it first to see how many move.</translation>
    </message>
    <message>
        <source>Rescoring the city with version %1…</source>
        <translation>Rescoring the city with version %1…</translation>
    </message>
    <message>
        <source>Change the rules and preview them to see how many entities would move from one class to another.</source>
        <translation>Change the rules and preview them to see how many entities would move from one class to another.</translation>
    </message>
    <message>
        <source>%1 entities would change class. Now: %2. Under these rules: %3.</source>
        <translation>%1 entities would change class. Now: %2. Under these rules: %3.</translation>
    </message>
    <message>
        <source>Saved as version %1. It is not active yet: choose it and activate it.</source>
        <translation>Saved as version %1. It is not active yet: choose it and activate it.</translation>
    </message>
    <message>
        <source>Version %1 is active; %2 entities changed class.</source>
        <translation>Version %1 is active; %2 entities changed class.</translation>
    </message>
    <message>
        <source>Edited from version %1: not saved yet.</source>
        <translation>Edited from version %1: not saved yet.</translation>
    </message>
    <message>
        <source>Version %1 is the active rule set (applied %2).</source>
        <translation>Version %1 is the active rule set (applied %2).</translation>
    </message>
    <message>
        <source>Version %1 is not active.</source>
        <translation>Version %1 is not active.</translation>
    </message>
    <message>
        <source>Credit rules</source>
        <translation>Credit rules</translation>
    </message>
    <message>
        <source>Every entity's credit score is its base score plus the points of its credit records in force, halving with age; the thresholds turn the score into class A-D, which sets the draw ratios and map colours. Classes are internal. Every version is kept, and every change is audited.</source>
        <translation>Every entity's credit score is its base score plus the points of its credit records in force, halving with age; the thresholds turn the score into class A-D, which sets the draw ratios and map colours. Classes are internal. Every version is kept, and every change is audited.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <source>Why this change (kept with the version)</source>
        <translation>Why this change (kept with the version)</translation>
    </message>
    <message>
        <source>Preview moves</source>
        <translation>Preview moves</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>Save as new version</translation>
    </message>
    <message>
        <source>Activate chosen version…</source>
        <translation>Activate chosen version…</translation>
    </message>
    <message>
        <source>Class moves</source>
        <translation>Class moves</translation>
    </message>
    <message>
        <source>Rule sets</source>
        <translation>Rule sets</translation>
    </message>
    <message>
        <source>List transitions</source>
        <translation>List transitions</translation>
    </message>
</context>
<context>
    <name>CreditSection</name>
    <message>
        <source>The credit section could not be loaded: {reason}</source>
        <translation>The credit section could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Credit ({count})</source>
        <translation>Credit ({count})</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation type="unfinished">Credit</translation>
    </message>
    <message>
        <source>The credit class is internal to the supervision center; the records below are the entity's credit facts.</source>
        <translation>The credit class is internal to the supervision center; the records below are the entity's credit facts.</translation>
    </message>
    <message>
        <source>Rule set version {version}: A from {a:g}, B from {b:g}, C from {c:g}, otherwise D; weights halve every {half:g} days.</source>
        <translation>Rule set version {version}: A from {a:g}, B from {b:g}, C from {c:g}, otherwise D; weights halve every {half:g} days.</translation>
    </message>
    <message>
        <source>Class {cls}: score {score:.2f} = base {base:g} {total:+.2f} from {count} records in force</source>
        <translation>Class {cls}: score {score:.2f} = base {base:g} {total:+.2f} from {count} records in force</translation>
    </message>
    <message>
        <source>; at least {cls} while on the list: {kinds}</source>
        <translation>; at least {cls} while on the list: {kinds}</translation>
    </message>
    <message>
        <source>The official class {cls} overrides the computed one (source: {source})</source>
        <translation>The official class {cls} overrides the computed one (source: {source})</translation>
    </message>
    <message>
        <source>Linked credit: no other entity of the same legal representative is on the serious-violation list.</source>
        <translation>Linked credit: no other entity of the same legal representative is on the serious-violation list.</translation>
    </message>
    <message>
        <source>Linked credit: {count} other entities of the same legal representative are on the serious-violation list</source>
        <translation>Linked credit: {count} other entities of the same legal representative are on the serious-violation list</translation>
    </message>
    <message>
        <source>Joint reward and punishment: on no red or black list.</source>
        <translation>Joint reward and punishment: on no red or black list.</translation>
    </message>
    <message>
        <source>{list}, because of: {records}</source>
        <translation>{list}, because of: {records}</translation>
    </message>
    <message>
        <source>Your department applies no measure of these lists.</source>
        <translation>Your department applies no measure of these lists.</translation>
    </message>
    <message>
        <source>Measures your department applies:</source>
        <translation>Measures your department applies:</translation>
    </message>
    <message>
        <source>Measures the departments apply:</source>
        <translation>Measures the departments apply:</translation>
    </message>
    <message>
        <source>{measure} (basis: {basis})</source>
        <translation>{measure} (basis: {basis})</translation>
    </message>
    <message>
        <source>Credit repair…</source>
        <translation>Credit repair…</translation>
    </message>
    <message>
        <source>Choose a record that is in force, not repaired yet and yours to repair.</source>
        <translation>Choose a record that is in force, not repaired yet and yours to repair.</translation>
    </message>
    <message>
        <source>Credit repair granted: “{title}” no longer counts from {day}.</source>
        <translation>Credit repair granted: “{title}” no longer counts from {day}.</translation>
    </message>
    <message>
        <source>Credit repair not granted</source>
        <translation>Credit repair not granted</translation>
    </message>
</context>
<context>
    <name>DatabaseHealthMonitor</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>no answer within %1 s</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Record decision: %1</source>
        <translation>Record decision: %1</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished">Entity</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>Decision due</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished">Record</translation>
    </message>
    <message>
        <source>A decision cannot precede the filing (%1).</source>
        <translation>A decision cannot precede the filing (%1).</translation>
    </message>
    <message>
        <source>%1 days after the deadline: it is recorded as late.</source>
        <translation>%1 days after the deadline: it is recorded as late.</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>Draw %1</source>
        <translation>Draw %1</translation>
    </message>
    <message>
        <source>Announced when the pool was locked:</source>
        <translation>Announced when the pool was locked:</translation>
    </message>
    <message>
        <source>Enter each source's published values on its own line, in the announced order (e.g. “2 5 12 8 10”):</source>
        <translation>Enter each source's published values on its own line, in the announced order (e.g. “2 5 12 8 10”):</translation>
    </message>
    <message>
        <source>Commitment published when the pool was locked:</source>
        <translation>Commitment published when the pool was locked:</translation>
    </message>
    <message>
        <source>Reveal the seed:</source>
        <translation>Reveal the seed:</translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation>Load from file…</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>No source entered yet.</source>
        <translation>No source entered yet.</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Key: %1</translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>Not usable: %1</translation>
    </message>
    <message>
        <source>The seed matches the published commitment.</source>
        <translation>The seed matches the published commitment.</translation>
    </message>
    <message>
        <source>No seed entered yet.</source>
        <translation>No seed entered yet.</translation>
    </message>
    <message>
        <source>This seed does not match the published commitment.</source>
        <translation>This seed does not match the published commitment.</translation>
    </message>
    <message>
        <source>Load the seed</source>
        <translation>Load the seed</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 could not be read: %2</translation>
    </message>
</context>
<context>
    <name>DrawExports</name>
    <message>
        <source>Export the draw record</source>
        <translation>Export the draw record</translation>
    </message>
    <message>
        <source>{stem}_record</source>
        <translation>{stem}_record</translation>
    </message>
    <message>
        <source>Draw record (*.json)</source>
        <translation>Draw record (*.json)</translation>
    </message>
    <message>
        <source>Export the public draw record</source>
        <translation>Export the public draw record</translation>
    </message>
    <message>
        <source>{stem}_public_record</source>
        <translation>{stem}_public_record</translation>
    </message>
    <message>
        <source>{stem}_results</source>
        <translation>{stem}_results</translation>
    </message>
    <message>
        <source>{stem}_notice</source>
        <translation>{stem}_notice</translation>
    </message>
    <message>
        <source>Export the results notice</source>
        <translation>Export the results notice</translation>
    </message>
    <message>
        <source>Export the public notice</source>
        <translation>Export the public notice</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished">PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished">Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>DrawPicks</name>
    <message>
        <source>Published %1 (late)</source>
        <translation>Published %1 (late)</translation>
    </message>
    <message>
        <source>Published %1</source>
        <translation>Published %1</translation>
    </message>
    <message>
        <source>Overdue since %1 (%2 working days)</source>
        <translation>Overdue since %1 (%2 working days)</translation>
    </message>
    <message>
        <source>Due %1 (%2 working days left)</source>
        <translation>Due %1 (%2 working days left)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation type="unfinished">USCC</translation>
    </message>
    <message>
        <source>Town / village</source>
        <translation type="unfinished">Town / village</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished">Class</translation>
    </message>
    <message>
        <source>Results published</source>
        <translation>Results published</translation>
    </message>
</context>
<context>
    <name>DrawProblems</name>
    <message>
        <source>The pool is empty: there is no entity to draw.</source>
        <translation>The pool is empty: there is no entity to draw.</translation>
    </message>
    <message>
        <source>USCC {uscc} is in the pool twice.</source>
        <translation>USCC {uscc} is in the pool twice.</translation>
    </message>
    <message>
        <source>The pool is not in USCC order: {first} comes before {second}.</source>
        <translation>The pool is not in USCC order: {first} comes before {second}.</translation>
    </message>
    <message>
        <source>{count} entities have the risk class {stratum}, not one of A-D (e.g. {example}).</source>
        <translation>{count} entities have the risk class {stratum}, not one of A-D (e.g. {example}).</translation>
    </message>
    <message>
        <source>The sampling rule names the class {stratum}, not one of A-D.</source>
        <translation>The sampling rule names the class {stratum}, not one of A-D.</translation>
    </message>
    <message>
        <source>The sampling rule gives both ratios and counts.</source>
        <translation>The sampling rule gives both ratios and counts.</translation>
    </message>
    <message>
        <source>The sampling rule gives neither ratios nor counts.</source>
        <translation>The sampling rule gives neither ratios nor counts.</translation>
    </message>
    <message>
        <source>Class {stratum} has {count} entities but no ratio or count.</source>
        <translation>Class {stratum} has {count} entities but no ratio or count.</translation>
    </message>
    <message>
        <source>Class {stratum}: a ratio of {value} exempts the class.</source>
        <translation>Class {stratum}: a ratio of {value} exempts the class.</translation>
    </message>
    <message>
        <source>Class {stratum}: a count of {value} exempts the class.</source>
        <translation>Class {stratum}: a count of {value} exempts the class.</translation>
    </message>
    <message>
        <source>Class {stratum}: the ratio {value} is not a number.</source>
        <translation>Class {stratum}: the ratio {value} is not a number.</translation>
    </message>
    <message>
        <source>Class {stratum}: the ratio {value} is above 100%.</source>
        <translation>Class {stratum}: the ratio {value} is above 100%.</translation>
    </message>
    <message>
        <source>Class {stratum}: the count {value} is not a whole number.</source>
        <translation>Class {stratum}: the count {value} is not a whole number.</translation>
    </message>
    <message>
        <source>No department takes part in the batch.</source>
        <translation>No department takes part in the batch.</translation>
    </message>
    <message>
        <source>Department {department} is listed twice.</source>
        <translation>Department {department} is listed twice.</translation>
    </message>
    <message>
        <source>Department {department}: teams of {size}, at least 2 are required.</source>
        <translation>Department {department}: teams of {size}, at least 2 are required.</translation>
    </message>
    <message>
        <source>Department {department} has {count} eligible inspectors; a team needs {need}.</source>
        <translation>Department {department} has {count} eligible inspectors; a team needs {need}.</translation>
    </message>
    <message>
        <source>Inspector {inspector} belongs to department {owner}, not to department {department}.</source>
        <translation>Inspector {inspector} belongs to department {owner}, not to department {department}.</translation>
    </message>
    <message>
        <source>Inspector {inspector} is listed twice.</source>
        <translation>Inspector {inspector} is listed twice.</translation>
    </message>
    <message>
        <source>Class {stratum}: the ratio {value} is outside the plan's band {band}.</source>
        <translation>Class {stratum}: the ratio {value} is outside the plan's band {band}.</translation>
    </message>
    <message>
        <source>Class {stratum}: {count} of {size} ({ratio}); the plan's band {band} means {least}-{most}.</source>
        <translation>Class {stratum}: {count} of {size} ({ratio}); the plan's band {band} means {least}-{most}.</translation>
    </message>
    <message>
        <source>Class {higher}, of higher risk, is sampled at {ratio}, less than class {lower} at {lower_ratio}.</source>
        <translation>Class {higher}, of higher risk, is sampled at {ratio}, less than class {lower} at {lower_ratio}.</translation>
    </message>
    <message>
        <source>The batch is {status}; only a draft can be locked.</source>
        <translation>The batch is {status}; only a draft can be locked.</translation>
    </message>
    <message>
        <source>The window ends {end}, before it starts {start}.</source>
        <translation>The window ends {end}, before it starts {start}.</translation>
    </message>
    <message>
        <source>The lead department {department} does not take part in the batch.</source>
        <translation>The lead department {department} does not take part in the batch.</translation>
    </message>
    <message>
        <source>Department {department} has no inspection matter.</source>
        <translation>Department {department} has no inspection matter.</translation>
    </message>
    <message>
        <source>Matter {matter} does not exist.</source>
        <translation>Matter {matter} does not exist.</translation>
    </message>
    <message>
        <source>Matter {matter} belongs to department {owner}, not to department {department}.</source>
        <translation>Matter {matter} belongs to department {owner}, not to department {department}.</translation>
    </message>
    <message>
        <source>Department {department}: {visits} visits, teams of {size}, {staff} inspectors, {days} working days in the window: {load} visits per inspector per working day, above the capacity of {capacity}.</source>
        <translation>Department {department}: {visits} visits, teams of {size}, {staff} inspectors, {days} working days in the window: {load} visits per inspector per working day, above the capacity of {capacity}.</translation>
    </message>
    <message>
        <source>{count} pool entities fit none of the batch's matters: {listed}</source>
        <translation>{count} pool entities fit none of the batch's matters: {listed}</translation>
    </message>
    <message>
        <source>Department {department}: after withdrawals for entity {entity} (USCC {uscc}) only {free} inspectors remain; a team needs {size}.</source>
        <translation>Department {department}: after withdrawals for entity {entity} (USCC {uscc}) only {free} inspectors remain; a team needs {size}.</translation>
    </message>
    <message>
        <source>The seed is empty.</source>
        <translation>The seed is empty.</translation>
    </message>
    <message>
        <source>The seed has no commitment published in advance.</source>
        <translation>The seed has no commitment published in advance.</translation>
    </message>
    <message>
        <source>The seed does not match its commitment.</source>
        <translation>The seed does not match its commitment.</translation>
    </message>
    <message>
        <source>The kind of randomness is unknown.</source>
        <translation>The kind of randomness is unknown.</translation>
    </message>
    <message>
        <source>The public random values cannot be used.</source>
        <translation>The public random values cannot be used.</translation>
    </message>
    <message>
        <source>A seed draw needs the seed's SHA-256 commitment (64 hex digits) before locking.</source>
        <translation>A seed draw needs the seed's SHA-256 commitment (64 hex digits) before locking.</translation>
    </message>
    <message>
        <source>Enter the public random values published after the batch was locked.</source>
        <translation>Enter the public random values published after the batch was locked.</translation>
    </message>
    <message>
        <source>The revealed seed does not match the commitment published when the batch was locked.</source>
        <translation>The revealed seed does not match the commitment published when the batch was locked.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>, ...</source>
        <translation>, ...</translation>
    </message>
</context>
<context>
    <name>DrawResultsPublishing</name>
    <message>
        <source>Publish results</source>
        <translation>Publish results</translation>
    </message>
</context>
<context>
    <name>DrawRules</name>
    <message>
        <source>Administrative Penalty Law Art. 42: at least two officers</source>
        <translation>Administrative Penalty Law Art. 42: at least two officers</translation>
    </message>
    <message>
        <source>Administrative Penalty Law Art. 43: an officer with a conflict of interest must withdraw</source>
        <translation>Administrative Penalty Law Art. 43: an officer with a conflict of interest must withdraw</translation>
    </message>
    <message>
        <source>State Council Guideline 2019 No. 5 and the local ratio table: ratios follow the credit-risk class, no class is exempt</source>
        <translation>State Council Guideline 2019 No. 5 and the local ratio table: ratios follow the credit-risk class, no class is exempt</translation>
    </message>
    <message>
        <source>A sampling ratio is above 0 and at most 100%</source>
        <translation>A sampling ratio is above 0 and at most 100%</translation>
    </message>
    <message>
        <source>Each class is sampled by ratio or by count, exactly one</source>
        <translation>Each class is sampled by ratio or by count, exactly one</translation>
    </message>
    <message>
        <source>One list, two pools: the pool of inspection objects</source>
        <translation>One list, two pools: the pool of inspection objects</translation>
    </message>
    <message>
        <source>One list, two pools: the pool of law-enforcement inspectors</source>
        <translation>One list, two pools: the pool of law-enforcement inspectors</translation>
    </message>
    <message>
        <source>Public verifiability: RFC 3797 public sources, or a seed committed to in advance</source>
        <translation>Public verifiability: RFC 3797 public sources, or a seed committed to in advance</translation>
    </message>
    <message>
        <source>The local ratio table: each credit-risk class is sampled within its band; a plan may set its own</source>
        <translation>The local ratio table: each credit-risk class is sampled within its band; a plan may set its own</translation>
    </message>
    <message>
        <source>State Council Guideline 2019 No. 5: the higher the credit risk, the higher the sampling ratio</source>
        <translation>State Council Guideline 2019 No. 5: the higher the credit risk, the higher the sampling ratio</translation>
    </message>
    <message>
        <source>State Council Guideline 2019 No. 5: sampling must fit the enforcement staff; the plan's visits per inspector per working day</source>
        <translation>State Council Guideline 2019 No. 5: sampling must fit the enforcement staff; the plan's visits per inspector per working day</translation>
    </message>
    <message>
        <source>One list, two pools: the objects drawn must be ones the batch's inspection matters apply to</source>
        <translation>One list, two pools: the objects drawn must be ones the batch's inspection matters apply to</translation>
    </message>
    <message>
        <source>One list, two pools: the list of inspection matters</source>
        <translation>One list, two pools: the list of inspection matters</translation>
    </message>
    <message>
        <source>The inspection window must start before it ends</source>
        <translation>The inspection window must start before it ends</translation>
    </message>
    <message>
        <source>A batch cannot change once locked, and is drawn only after it is locked</source>
        <translation>A batch cannot change once locked, and is drawn only after it is locked</translation>
    </message>
    <message>
        <source>The lead department takes part in a joint batch</source>
        <translation>The lead department takes part in a joint batch</translation>
    </message>
</context>
<context>
    <name>DrawScene</name>
    <message>
        <source>Double-random draw</source>
        <translation>Double-random draw</translation>
    </message>
    <message>
        <source>being prepared</source>
        <translation>being prepared</translation>
    </message>
    <message>
        <source>pool frozen, waiting for the draw</source>
        <translation>pool frozen, waiting for the draw</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>drawn</translation>
    </message>
    <message>
        <source>drawn and published</source>
        <translation>drawn and published</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Lead department: %1 (%2 departments on the joint team)</source>
        <translation>Lead department: %1 (%2 departments on the joint team)</translation>
    </message>
    <message>
        <source>Inspection window: %1 to %2</source>
        <translation>Inspection window: %1 to %2</translation>
    </message>
    <message>
        <source>Pool: %1 entities</source>
        <translation>Pool: %1 entities</translation>
    </message>
    <message>
        <source>Drawn: %1 entities</source>
        <translation>Drawn: %1 entities</translation>
    </message>
    <message>
        <source>Next draw</source>
        <translation>Next draw</translation>
    </message>
    <message>
        <source>No draw today</source>
        <translation>No draw today</translation>
    </message>
</context>
<context>
    <name>DrawStatus</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandoned</translation>
    </message>
</context>
<context>
    <name>DrawsWall</name>
    <message>
        <source> (primary)</source>
        <translation> (primary)</translation>
    </message>
</context>
<context>
    <name>DrawsWorkspace</name>
    <message>
        <source>Sign in to plan and run draws.</source>
        <translation>Sign in to plan and run draws.</translation>
    </message>
    <message>
        <source>Reference data not loaded</source>
        <translation type="unfinished">Reference data not loaded</translation>
    </message>
    <message>
        <source>Plans not loaded</source>
        <translation>Plans not loaded</translation>
    </message>
    <message>
        <source>Batch not loaded</source>
        <translation>Batch not loaded</translation>
    </message>
    <message>
        <source>Checking the batch against the rules…</source>
        <translation>Checking the batch against the rules…</translation>
    </message>
    <message>
        <source>Batch not checked</source>
        <translation>Batch not checked</translation>
    </message>
    <message>
        <source>Freezing the pool…</source>
        <translation>Freezing the pool…</translation>
    </message>
    <message>
        <source>Locked: %1 entities, pool hash %2.</source>
        <translation>Locked: %1 entities, pool hash %2.</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <source>Abandon batch</source>
        <translation>Abandon batch</translation>
    </message>
    <message>
        <source>Abandon “%1”? It will never be drawn. The reason is published in a notice of abandonment and in the audit log:</source>
        <translation>Abandon “%1”? It will never be drawn. The reason is published in a notice of abandonment and in the audit log:</translation>
    </message>
    <message>
        <source>Abandoned: %1</source>
        <translation>Abandoned: %1</translation>
    </message>
    <message>
        <source>Batch not abandoned</source>
        <translation>Batch not abandoned</translation>
    </message>
    <message>
        <source>Published.</source>
        <translation>Published.</translation>
    </message>
    <message>
        <source>Batch not published</source>
        <translation>Batch not published</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <source>Drawn entities not loaded</source>
        <translation>Drawn entities not loaded</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>Drawn: %1 entities, %2 inspection tasks (%3 joined to other visits). Results are due by %4.</source>
        <translation>Drawn: %1 entities, %2 inspection tasks (%3 joined to other visits). Results are due by %4.</translation>
    </message>
    <message>
        <source>Discard the draft batch “%1”?</source>
        <translation>Discard the draft batch “%1”?</translation>
    </message>
    <message>
        <source>Publish the notice of “%1”? The list becomes public; results must follow by %2.</source>
        <translation>Publish the notice of “%1”? The list becomes public; results must follow by %2.</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>New plan…</translation>
    </message>
    <message>
        <source>New batch…</source>
        <translation>New batch…</translation>
    </message>
    <message>
        <source>Discard plan…</source>
        <translation>Discard plan…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished">Batch</translation>
    </message>
    <message>
        <source>Ceremony</source>
        <translation>Ceremony</translation>
    </message>
    <message>
        <source>Visits and results</source>
        <translation>Visits and results</translation>
    </message>
    <message>
        <source>Show full screen (for the wall)</source>
        <translation>Show full screen (for the wall)</translation>
    </message>
</context>
<context>
    <name>EfficiencyTables</name>
    <message>
        <source>No.</source>
        <translation type="unfinished">No.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>Clocks</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">Done</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Seriously overdue</source>
        <translation>Seriously overdue</translation>
    </message>
    <message>
        <source>Ranked: every unit with a clock done (no minimum volume).</source>
        <translation>Ranked: every unit with a clock done (no minimum volume).</translation>
    </message>
    <message>
        <source>Ranked: units with at least %1 clocks.</source>
        <translation>Ranked: units with at least %1 clocks.</translation>
    </message>
    <message>
        <source>Ranked: units with at least %1 clocks; %2 below that listed after, unranked.</source>
        <translation>Ranked: units with at least %1 clocks; %2 below that listed after, unranked.</translation>
    </message>
    <message>
        <source>&lt; %1 clocks</source>
        <translation>&lt; %1 clocks</translation>
    </message>
    <message>
        <source>Fewer than %1 clocks: listed, not ranked</source>
        <translation>Fewer than %1 clocks: listed, not ranked</translation>
    </message>
    <message>
        <source>Click to list these items</source>
        <translation>Click to list these items</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished">Entity</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished">Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <source>Working days late</source>
        <translation>Working days late</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation>Pushes</translation>
    </message>
    <message>
        <source>Claimed in time</source>
        <translation>Claimed in time</translation>
    </message>
    <message>
        <source>Claimed late</source>
        <translation>Claimed late</translation>
    </message>
    <message>
        <source>Unclaimed, past due</source>
        <translation>Unclaimed, past due</translation>
    </message>
    <message>
        <source>Within 5 working days</source>
        <translation>Within 5 working days</translation>
    </message>
    <message>
        <source>Claimed in time, %</source>
        <translation>Claimed in time, %</translation>
    </message>
</context>
<context>
    <name>EfficiencyWorkspace</name>
    <message>
        <source>Sign in to see the efficiency monitor.</source>
        <translation>Sign in to see the efficiency monitor.</translation>
    </message>
    <message>
        <source>Loading every deadline…</source>
        <translation>Loading every deadline…</translation>
    </message>
    <message>
        <source>Deadlines not loaded</source>
        <translation>Deadlines not loaded</translation>
    </message>
    <message>
        <source>the whole city</source>
        <translation>the whole city</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>%1 — %2: %3 items</source>
        <translation>%1 — %2: %3 items</translation>
    </message>
    <message>
        <source> (the first 500 are listed)</source>
        <translation> (the first 500 are listed)</translation>
    </message>
    <message>
        <source>Export the efficiency report</source>
        <translation>Export the efficiency report</translation>
    </message>
    <message>
        <source>efficiency_%1</source>
        <translation>efficiency_%1</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF document (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished">Saved %1.</translation>
    </message>
    <message>
        <source>Report not written</source>
        <translation>Report not written</translation>
    </message>
    <message>
        <source>%1 deadlines as of %2 (loaded in %3 s)</source>
        <translation>%1 deadlines as of %2 (loaded in %3 s)</translation>
    </message>
    <message>
        <source>Showing the last saved figures; reading the latest…</source>
        <translation>Showing the last saved figures; reading the latest…</translation>
    </message>
    <message>
        <source>%1 of %2 pushes claimed within 5 working days (target 100%)</source>
        <translation>%1 of %2 pushes claimed within 5 working days (target 100%)</translation>
    </message>
    <message>
        <source>Items not read</source>
        <translation>Items not read</translation>
    </message>
    <message>
        <source>all deadlines</source>
        <translation>all deadlines</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>all time</translation>
    </message>
    <message>
        <source>Efficiency report: %1, due %2 (as of %3)</source>
        <translation>Efficiency report: %1, due %2 (as of %3)</translation>
    </message>
    <message>
        <source>Rank by</source>
        <translation>Rank by</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished">Due</translation>
    </message>
    <message>
        <source>Rank from</source>
        <translation>Rank from</translation>
    </message>
    <message>
        <source> clocks</source>
        <translation> clocks</translation>
    </message>
    <message>
        <source>Units with fewer clocks are listed after the ranked ones, unranked: a unit with a handful of clocks says little.</source>
        <translation>Units with fewer clocks are listed after the ranked ones, unranked: a unit with a handful of clocks says little.</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished">Town</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>All deadlines</source>
        <translation>All deadlines</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Last 4 weeks</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>Done on time</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Seriously overdue</source>
        <translation>Seriously overdue</translation>
    </message>
    <message>
        <source>Pushes claimed in time</source>
        <translation>Pushes claimed in time</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>Leadership report…</source>
        <translation>Leadership report…</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Double notification</source>
        <translation type="unfinished">Double notification</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
</context>
<context>
    <name>EntitiesEmptyPage</name>
    <message>
        <source>Market entities</source>
        <translation type="unfinished">Market entities</translation>
    </message>
    <message>
        <source>Searching market entities needs a database connection. Start the console with a database and sign in.</source>
        <translation>Searching market entities needs a database connection. Start the console with a database and sign in.</translation>
    </message>
</context>
<context>
    <name>EntitiesWorkspace</name>
    <message>
        <source>Operation failed</source>
        <translation>Operation failed</translation>
    </message>
    <message>
        <source>Reference data not loaded</source>
        <translation>Reference data not loaded</translation>
    </message>
    <message>
        <source>Saved the panorama as {path}.</source>
        <translation>Saved the panorama as {path}.</translation>
    </message>
    <message>
        <source>PDF not written</source>
        <translation>PDF not written</translation>
    </message>
    <message>
        <source>Panorama #{id}</source>
        <translation>Panorama #{id}</translation>
    </message>
    <message>
        <source>Selection not read</source>
        <translation>Selection not read</translation>
    </message>
    <message>
        <source>Exporting {count} entities…</source>
        <translation>Exporting {count} entities…</translation>
    </message>
    <message>
        <source>Exporting entities…</source>
        <translation>Exporting entities…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Exported {count} entities to {path}.</source>
        <translation>Exported {count} entities to {path}.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>This result cannot be exported to that file type; for very large results choose CSV.</source>
        <translation>This result cannot be exported to that file type; for very large results choose CSV.</translation>
    </message>
</context>
<context>
    <name>EntityErrors</name>
    <message>
        <source>The database cannot be reached. Check the network or ask the administrator.</source>
        <translation>The database cannot be reached. Check the network or ask the administrator.</translation>
    </message>
    <message>
        <source>This is not a valid unified social credit code.</source>
        <translation>This is not a valid unified social credit code.</translation>
    </message>
    <message>
        <source>The record no longer exists; it may have been removed by someone else.</source>
        <translation>The record no longer exists; it may have been removed by someone else.</translation>
    </message>
    <message>
        <source>The change was refused because it breaks a rule.</source>
        <translation>The change was refused because it breaks a rule.</translation>
    </message>
    <message>
        <source>The operation was cancelled; nothing was changed.</source>
        <translation>The operation was cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>The file could not be written.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. The details have been logged.</source>
        <translation>Something unexpected went wrong. The details have been logged.</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Details: {detail}</translation>
    </message>
</context>
<context>
    <name>EntityFileDialogs</name>
    <message>
        <source>entities_{date}</source>
        <translation>entities_{date}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export entities</source>
        <translation>Export entities</translation>
    </message>
    <message>
        <source>panorama_{name}</source>
        <translation>panorama_{name}</translation>
    </message>
    <message>
        <source>Export panorama as PDF</source>
        <translation>Export panorama as PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
</context>
<context>
    <name>EntitySearchBar</name>
    <message>
        <source>Credit code (full or partial), part of a name or an address</source>
        <translation>Credit code (full or partial), part of a name or an address</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Clear the search text and all filters</source>
        <translation>Clear the search text and all filters</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Choose a town first</source>
        <translation>Choose a town first</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>All towns</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>All industries</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>All villages</translation>
    </message>
</context>
<context>
    <name>EntitySearchPage</name>
    <message>
        <source>the search text holds a NUL or control character or broken Unicode, or is longer than %1 characters; remove them or shorten it</source>
        <translation>the search text holds a NUL or control character or broken Unicode, or is longer than %1 characters; remove them or shorten it</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>Search failed: {reason}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>about {count} entities</source>
        <translation>about {count} entities</translation>
    </message>
    <message>
        <source>An estimate: counting every match exactly would take the shared server too long. Scroll to the end for the exact number.</source>
        <translation>An estimate: counting every match exactly would take the shared server too long. Scroll to the end for the exact number.</translation>
    </message>
    <message>
        <source>{count} entities</source>
        <translation>{count} entities</translation>
    </message>
    <message>
        <source>{count} ten-thousand</source>
        <comment>a count in units of 10,000 (万)</comment>
        <translation>{count} ten-thousand</translation>
    </message>
    <message>
        <source>Market entities</source>
        <translation>Market entities</translation>
    </message>
    <message>
        <source>Add tags…</source>
        <translation>Add tags…</translation>
    </message>
    <message>
        <source>Remove tags…</source>
        <translation>Remove tags…</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>New tag…</translation>
    </message>
    <message>
        <source>Correct location…</source>
        <translation>Correct location…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Put regulatory tags on the selected entities</source>
        <translation>Put regulatory tags on the selected entities</translation>
    </message>
    <message>
        <source>Take regulatory tags off the selected entities</source>
        <translation>Take regulatory tags off the selected entities</translation>
    </message>
    <message>
        <source>Create a new regulatory tag</source>
        <translation>Create a new regulatory tag</translation>
    </message>
    <message>
        <source>Correct the position of the selected entity (WGS-84, GCJ-02 or BD-09)</source>
        <translation>Correct the position of the selected entity (WGS-84, GCJ-02 or BD-09)</translation>
    </message>
    <message>
        <source>Export every entity of this result to Excel (.xlsx) or CSV</source>
        <translation>Export every entity of this result to Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <source>{count} selected</source>
        <translation>{count} selected</translation>
    </message>
    <message>
        <source>Double-click a row for its panorama</source>
        <translation>Double-click a row for its panorama</translation>
    </message>
    <message>
        <source>Select rows to tag them; double-click a row for its panorama</source>
        <translation>Select rows to tag them; double-click a row for its panorama</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <source>Credit code</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation>Risk class</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Legal rep.</source>
        <translation>Legal rep.</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Click to sort by this column</source>
        <translation>Click to sort by this column</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>EntityVocabulary</name>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Individual business</source>
        <translation>Individual business</translation>
    </message>
    <message>
        <source>Farmers' cooperative</source>
        <translation>Farmers' cooperative</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deregistered</source>
        <translation>Deregistered</translation>
    </message>
    <message>
        <source>Licence revoked</source>
        <translation>Licence revoked</translation>
    </message>
    <message>
        <source>A (low risk)</source>
        <translation>A (low risk)</translation>
    </message>
    <message>
        <source>B (moderate risk)</source>
        <translation>B (moderate risk)</translation>
    </message>
    <message>
        <source>C (elevated risk)</source>
        <translation>C (elevated risk)</translation>
    </message>
    <message>
        <source>D (high risk)</source>
        <translation>D (high risk)</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Key item</source>
        <translation>Key item</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <source>Sampling test</source>
        <translation>Sampling test</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation>Honour</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Grid event</source>
        <translation>Grid event</translation>
    </message>
    <message>
        <source>Tag or location change</source>
        <translation>Tag or location change</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Double notification</source>
        <translation>Double notification</translation>
    </message>
    <message>
        <source>Notification commitment</source>
        <translation>Notification commitment</translation>
    </message>
    <message>
        <source>Inspection task</source>
        <translation>Inspection task</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>Being handled</translation>
    </message>
    <message>
        <source>Reported back</source>
        <translation>Reported back</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Filed for investigation</source>
        <translation>Filed for investigation</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Fulfilled</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Broken</translation>
    </message>
</context>
<context>
    <name>FeedScene</name>
    <message>
        <source>Live: new clues and changes</source>
        <translation>Live: new clues and changes</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 events</translation>
    </message>
    <message>
        <source>Pushed to the wall</source>
        <translation>Pushed to the wall</translation>
    </message>
    <message>
        <source>Nothing pushed yet</source>
        <translation>Nothing pushed yet</translation>
    </message>
</context>
<context>
    <name>FeedsDialogs</name>
    <message>
        <source>Fill in %1.</source>
        <translation type="unfinished">Fill in %1.</translation>
    </message>
</context>
<context>
    <name>FeedsPage</name>
    <message>
        <source>Feeds &amp; mappings</source>
        <translation>Feeds &amp; mappings</translation>
    </message>
    <message>
        <source>What data from other systems needs: which department approves each permit, the matters handled by notification and commitment, the other systems' service codes, and their API keys. Every change here is written to the audit log.</source>
        <translation>What data from other systems needs: which department approves each permit, the matters handled by notification and commitment, the other systems' service codes, and their API keys. Every change here is written to the audit log.</translation>
    </message>
    <message>
        <source>Permits and approving departments</source>
        <translation>Permits and approving departments</translation>
    </message>
    <message>
        <source>Notification and commitment matters</source>
        <translation>Notification and commitment matters</translation>
    </message>
    <message>
        <source>Other systems' codes</source>
        <translation>Other systems' codes</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API keys</translation>
    </message>
    <message>
        <source>Sign in as an administrator to set up the data feeds.</source>
        <translation>Sign in as an administrator to set up the data feeds.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished">Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished">Delete…</translation>
    </message>
</context>
<context>
    <name>FeedsWords</name>
    <message>
        <source>There is no department {value}.</source>
        <translation type="unfinished">There is no department {value}.</translation>
    </message>
    <message>
        <source>There is no matter {value}.</source>
        <translation type="unfinished">There is no matter {value}.</translation>
    </message>
    <message>
        <source>Permit {code} has no mapping any more; someone may have removed it.</source>
        <translation>Permit {code} has no mapping any more; someone may have removed it.</translation>
    </message>
    <message>
        <source>Matter {code} is no longer in the catalogue; someone may have removed it.</source>
        <translation>Matter {code} is no longer in the catalogue; someone may have removed it.</translation>
    </message>
    <message>
        <source>Code {value} has no mapping any more; someone may have removed it.</source>
        <translation>Code {value} has no mapping any more; someone may have removed it.</translation>
    </message>
    <message>
        <source>{system} has no active key any more.</source>
        <translation>{system} has no active key any more.</translation>
    </message>
    <message>
        <source>Permit code</source>
        <translation>Permit code</translation>
    </message>
    <message>
        <source>Permit name</source>
        <translation>Permit name</translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Words in a business scope</source>
        <translation>Words in a business scope</translation>
    </message>
    <message>
        <source>Commitment text</source>
        <translation>Commitment text</translation>
    </message>
    <message>
        <source>Verification standard</source>
        <translation>Verification standard</translation>
    </message>
    <message>
        <source>Consequence of a breach</source>
        <translation>Consequence of a breach</translation>
    </message>
    <message>
        <source>Days to fulfil</source>
        <translation>Days to fulfil</translation>
    </message>
    <message>
        <source>Working days to verify</source>
        <translation>Working days to verify</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>Source system</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation>Service code</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished">Matter</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
    <message>
        <source>Not found: {detail}</source>
        <translation type="unfinished">Not found: {detail}</translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation type="unfinished">Cannot reach the database: {detail}</translation>
    </message>
    <message>
        <source>Not done: {detail}</source>
        <translation type="unfinished">Not done: {detail}</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Loading…</translation>
    </message>
    <message>
        <source>The flow could not be built.</source>
        <translation>The flow could not be built.</translation>
    </message>
    <message>
        <source>No clues in this period with these filters.</source>
        <translation>No clues in this period with these filters.</translation>
    </message>
    <message>
        <source>Clues: %1. Hover a band for figures, click it for its clues.</source>
        <translation>Clues: %1. Hover a band for figures, click it for its clues.</translation>
    </message>
    <message>
        <source>No stage has a duration yet.</source>
        <translation>No stage has a duration yet.</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished">All departments</translation>
    </message>
    <message>
        <source>Time is lost most at: %1, %2 (median %3).</source>
        <translation>Time is lost most at: %1, %2 (median %3).</translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished">Source</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>Routed to</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>Transferred to</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished">Outcome</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished">All sources</translation>
    </message>
    <message>
        <source>All matters</source>
        <translation>All matters</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation type="unfinished">All towns</translation>
    </message>
    <message>
        <source>Clue source</source>
        <translation>Clue source</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished">Matter</translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished">Town</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filters:</translation>
    </message>
    <message>
        <source>Median working days:</source>
        <translation>Median working days:</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>fast</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>slow</translation>
    </message>
</context>
<context>
    <name>FlowsScene</name>
    <message>
        <source>Case flows: where time is lost</source>
        <translation>Case flows: where time is lost</translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished">Source</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>Routed to</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>Transferred to</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished">Outcome</translation>
    </message>
    <message>
        <source>No figures for this period yet.</source>
        <translation>No figures for this period yet.</translation>
    </message>
    <message>
        <source>all departments</source>
        <translation>all departments</translation>
    </message>
    <message>
        <source>Time is lost most at: %1, %2 (median %3).</source>
        <translation>Time is lost most at: %1, %2 (median %3).</translation>
    </message>
</context>
<context>
    <name>ForeignCodesTab</name>
    <message>
        <source>Source system</source>
        <translation type="unfinished">Source system</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation type="unfinished">Service code</translation>
    </message>
    <message>
        <source>Their name</source>
        <translation>Their name</translation>
    </message>
    <message>
        <source>Our matter</source>
        <translation>Our matter</translation>
    </message>
    <message>
        <source>Clues waiting</source>
        <translation>Clues waiting</translation>
    </message>
    <message>
        <source>Newest received</source>
        <translation>Newest received</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 mapped to %3; %n waiting clue(s) routed.</source>
        <translation>
            <numerusform>%1 %2 mapped to %3; %n waiting clue routed.</numerusform>
            <numerusform>%1 %2 mapped to %3; %n waiting clues routed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete mapping</source>
        <translation>Delete mapping</translation>
    </message>
    <message>
        <source>Forget that %1's code %2 means %3? New requests with it will wait unrouted again.</source>
        <translation>Forget that %1's code %2 means %3? New requests with it will wait unrouted again.</translation>
    </message>
    <message>
        <source>Mapping of %1 %2 deleted.</source>
        <translation>Mapping of %1 %2 deleted.</translation>
    </message>
    <message>
        <source>Codes that clues wait with, unmapped, in the center's queue (newest first). Map one to route its clues.</source>
        <translation>Codes that clues wait with, unmapped, in the center's queue (newest first). Map one to route its clues.</translation>
    </message>
    <message>
        <source>Map…</source>
        <translation>Map…</translation>
    </message>
    <message>
        <source>Mapped codes (system * holds for every system).</source>
        <translation>Mapped codes (system * holds for every system).</translation>
    </message>
    <message>
        <source>New mapping…</source>
        <translation>New mapping…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished">Delete…</translation>
    </message>
</context>
<context>
    <name>GraphPage</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Loading…</translation>
    </message>
    <message>
        <source>The graph could not be built.</source>
        <translation>The graph could not be built.</translation>
    </message>
    <message>
        <source>No hand-overs of the chosen kinds in this period.</source>
        <translation>No hand-overs of the chosen kinds in this period.</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges; hover for figures, click for the items behind.</source>
        <translation>%1 nodes, %2 edges; hover for figures, click for the items behind.</translation>
    </message>
    <message>
        <source>Size and width: volume; grey: not timed</source>
        <translation>Size and width: volume; grey: not timed</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>Kinds:</translation>
    </message>
    <message>
        <source>Villages instead of towns</source>
        <translation>Villages instead of towns</translation>
    </message>
    <message>
        <source>Overdue:</source>
        <translation>Overdue:</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>on time</translation>
    </message>
    <message>
        <source>late</source>
        <translation>late</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Sign in to import or export data.</source>
        <translation>Sign in to import or export data.</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>Checking %1</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importing %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>Exporting %1</translation>
    </message>
    <message>
        <source>Save the error report</source>
        <translation>Save the error report</translation>
    </message>
    <message>
        <source>Error report saved: %1</source>
        <translation>Error report saved: %1</translation>
    </message>
    <message>
        <source>First %1 rows (%2)</source>
        <translation>First %1 rows (%2)</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 updated, %4 unchanged, %5 with problems.</source>
        <translation>%1 rows: %2 new, %3 updated, %4 unchanged, %5 with problems.</translation>
    </message>
    <message>
        <source>Check only, nothing written.</source>
        <translation>Check only, nothing written.</translation>
    </message>
    <message>
        <source>Nothing imported: the file has problems.</source>
        <translation>Nothing imported: the file has problems.</translation>
    </message>
    <message>
        <source>Valid rows imported; rows with problems left out.</source>
        <translation>Valid rows imported; rows with problems left out.</translation>
    </message>
    <message>
        <source>Nothing to change: the file was imported before.</source>
        <translation>Nothing to change: the file was imported before.</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <source>%1 rows exported to %2</source>
        <translation>%1 rows exported to %2</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>Import a department's file (XLSX, CSV in UTF-8 or GB18030, JSON) with Chinese column headers: check it first, then import all of it, or only its valid rows. Export any kind in the same columns.</source>
        <translation>Import a department's file (XLSX, CSV in UTF-8 or GB18030, JSON) with Chinese column headers: check it first, then import all of it, or only its valid rows. Export any kind in the same columns.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Import valid rows only</source>
        <translation>Import valid rows only</translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished">Check</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>Save error report…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished">Export…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>Problems: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished">Reason</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <source>This kind of item cannot be opened from here yet.</source>
        <translation>This kind of item cannot be opened from here yet.</translation>
    </message>
    <message>
        <source>Click a node, an edge or a band to list the items behind it.</source>
        <translation>Click a node, an edge or a band to list the items behind it.</translation>
    </message>
    <message>
        <source>%1 — the newest %2 of %3 items</source>
        <translation>%1 — the newest %2 of %3 items</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n item(s)</source>
        <translation>
            <numerusform>%1 — %n item</numerusform>
            <numerusform>%1 — %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished">Date</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Open</translation>
    </message>
</context>
<context>
    <name>KeyShownDialog</name>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy this key now and give it to the people who run %1. It is not shown again: only its fingerprint is kept. If it is lost, revoke it and make a new one.</source>
        <translation>Copy this key now and give it to the people who run %1. It is not shown again: only its fingerprint is kept. If it is lost, revoke it and make a new one.</translation>
    </message>
    <message>
        <source>The new API key of %1:</source>
        <translation>The new API key of %1:</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>API key for %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>LeadershipReportDialog</name>
    <message>
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>Building the leadership report</source>
        <translation>Building the leadership report</translation>
    </message>
    <message>
        <source>leadership_%1_%2</source>
        <translation>leadership_%1_%2</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished">PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished">Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the leadership report</source>
        <translation>Save the leadership report</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished">Saved %1.</translation>
    </message>
    <message>
        <source>Report not written.</source>
        <translation>Report not written.</translation>
    </message>
    <message>
        <source>Report not written</source>
        <translation type="unfinished">Report not written</translation>
    </message>
    <message>
        <source>Leadership analysis report</source>
        <translation>Leadership analysis report</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished">This year</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished">Period</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>PDF with charts</source>
        <translation>PDF with charts</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>Build…</source>
        <translation>Build…</translation>
    </message>
    <message>
        <source>Internal: the report names risk classes and is marked 内部资料 on every page. It is built in the background; you may keep working.</source>
        <translation>Internal: the report names risk classes and is marked 内部资料 on every page. It is built in the background; you may keep working.</translation>
    </message>
</context>
<context>
    <name>ListingPage</name>
    <message>
        <source>All departments</source>
        <translation type="unfinished">All departments</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Nothing to show.</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 of %3</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation type="unfinished">‹ Previous</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation type="unfinished">Next ›</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Correct location</source>
        <translation>Correct location</translation>
    </message>
    <message>
        <source>Position of {name}. Now stored (WGS-84): {lat:.6f}, {lng:.6f}</source>
        <translation>Position of {name}. Now stored (WGS-84): {lat:.6f}, {lng:.6f}</translation>
    </message>
    <message>
        <source>WGS-84 (GPS, Tianditu)</source>
        <translation>WGS-84 (GPS, Tianditu)</translation>
    </message>
    <message>
        <source>GCJ-02 (AMap / Tencent)</source>
        <translation>GCJ-02 (AMap / Tencent)</translation>
    </message>
    <message>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09 (Baidu)</translation>
    </message>
    <message>
        <source>Picking the point on a map comes with the map workspace; for now type or paste the coordinates.</source>
        <translation>Picking the point on a map comes with the map workspace; for now type or paste the coordinates.</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>Coordinate system</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Will be stored as WGS-84 {lat:.6f}, {lng:.6f}, {metres} m from the current position</source>
        <translation>Will be stored as WGS-84 {lat:.6f}, {lng:.6f}, {metres} m from the current position</translation>
    </message>
</context>
<context>
    <name>LocationMap</name>
    <message>
        <source>5 km</source>
        <translation>5 km</translation>
    </message>
    <message>
        <source>Outside the city</source>
        <translation>Outside the city</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Lock the pool of %1</source>
        <translation>Lock the pool of %1</translation>
    </message>
    <message>
        <source>Locking freezes the pool (%1 entities) and the rules of this batch. Their SHA-256 hash is published before any randomness is known. A locked batch cannot be edited.</source>
        <translation>Locking freezes the pool (%1 entities) and the rules of this batch. Their SHA-256 hash is published before any randomness is known. A locked batch cannot be edited.</translation>
    </message>
    <message>
        <source>Public random sources (RFC 3797), entered after locking</source>
        <translation>Public random sources (RFC 3797), entered after locking</translation>
    </message>
    <message>
        <source>A seed generated here: its commitment is published now and the seed revealed at the draw</source>
        <translation>A seed generated here: its commitment is published now and the seed revealed at the draw</translation>
    </message>
    <message>
        <source>Which public sources, drawn when: e.g. the welfare lottery results of 2027-03-02 and the Shanghai index close of that day</source>
        <translation>Which public sources, drawn when: e.g. the welfare lottery results of 2027-03-02 and the Shanghai index close of that day</translation>
    </message>
    <message>
        <source>Announce the sources now, in the order they will be used. They must be published after this moment and by someone outside the center.</source>
        <translation>Announce the sources now, in the order they will be used. They must be published after this moment and by someone outside the center.</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>New seed</translation>
    </message>
    <message>
        <source>Copy seed</source>
        <translation>Copy seed</translation>
    </message>
    <message>
        <source>Save seed to file…</source>
        <translation>Save seed to file…</translation>
    </message>
    <message>
        <source>I have kept the seed safely. It is not stored until the draw; without it the batch cannot be drawn.</source>
        <translation>I have kept the seed safely. It is not stored until the draw; without it the batch cannot be drawn.</translation>
    </message>
    <message>
        <source>Seed (secret until the draw)</source>
        <translation>Seed (secret until the draw)</translation>
    </message>
    <message>
        <source>Commitment = SHA-256 of the seed (published now)</source>
        <translation>Commitment = SHA-256 of the seed (published now)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Save the seed</source>
        <translation>Save the seed</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>Seed not saved</source>
        <translation>Seed not saved</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 could not be written: %2</translation>
    </message>
</context>
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
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
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
        <source>Signed in as {username}</source>
        <translation>Signed in as {username}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
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
    <name>MapCodeDialog</name>
    <message>
        <source>Source system</source>
        <translation type="unfinished">Source system</translation>
    </message>
    <message>
        <source>* for every system</source>
        <translation>* for every system</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation type="unfinished">Service code</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation type="unfinished">Service name</translation>
    </message>
    <message>
        <source>Find a matter</source>
        <translation>Find a matter</translation>
    </message>
    <message>
        <source>code, name or department</source>
        <translation>code, name or department</translation>
    </message>
    <message>
        <source>Our matter</source>
        <translation>Our matter</translation>
    </message>
    <message>
        <source>Clues waiting with this code are routed to the matter's department at once; later requests with it are routed as they arrive.</source>
        <translation>Clues waiting with this code are routed to the matter's department at once; later requests with it are routed as they arrive.</translation>
    </message>
    <message>
        <source>Map a service code</source>
        <translation>Map a service code</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <source>Preparing the map of every entity…</source>
        <translation>Preparing the map of every entity…</translation>
    </message>
</context>
<context>
    <name>MapDialogs</name>
    <message>
        <source>Push to wall</source>
        <translation>Push to wall</translation>
    </message>
    <message>
        <source>The wall will show this view with the caption:</source>
        <translation>The wall will show this view with the caption:</translation>
    </message>
    <message>
        <source>Use the %1 selected entities as the pool of inspection objects of:</source>
        <translation>Use the %1 selected entities as the pool of inspection objects of:</translation>
    </message>
    <message>
        <source>Use as draw pool</source>
        <translation>Use as draw pool</translation>
    </message>
</context>
<context>
    <name>MapLabels</name>
    <message>
        <source>None of the chosen tags</source>
        <translation>None of the chosen tags</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation type="unfinished">Risk class</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>Entity type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished">Tags</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation type="unfinished">Entities</translation>
    </message>
    <message>
        <source>Share of risk class D</source>
        <translation>Share of risk class D</translation>
    </message>
    <message>
        <source>Open clues</source>
        <translation>Open clues</translation>
    </message>
    <message>
        <source>Overdue items</source>
        <translation>Overdue items</translation>
    </message>
    <message>
        <source>Drawn entities</source>
        <translation>Drawn entities</translation>
    </message>
    <message>
        <source>Thematic warnings</source>
        <translation>Thematic warnings</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Preparing the map…</source>
        <translation>Preparing the map…</translation>
    </message>
    <message>
        <source>%1 entities match the filter; %2 in view.</source>
        <translation>%1 entities match the filter; %2 in view.</translation>
    </message>
    <message>
        <source>Updated in %1 ms.</source>
        <translation>Updated in %1 ms.</translation>
    </message>
    <message>
        <source>Draw a rectangle or polygon on the map to select entities.</source>
        <translation>Draw a rectangle or polygon on the map to select entities.</translation>
    </message>
    <message>
        <source>%1 entities selected.</source>
        <translation>%1 entities selected.</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation type="unfinished">Entities</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Selection</translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished">Map</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Colour by</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished">Tags</translation>
    </message>
    <message>
        <source>Regions show</source>
        <translation>Regions show</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regions</translation>
    </message>
    <message>
        <source>Drawn entities</source>
        <translation>Drawn entities</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation type="unfinished">Risk class</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>Entity type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Chosen tags</source>
        <translation>Chosen tags</translation>
    </message>
    <message>
        <source>Number of entities</source>
        <translation>Number of entities</translation>
    </message>
    <message>
        <source>Share of risk class D</source>
        <translation>Share of risk class D</translation>
    </message>
    <message>
        <source>Open clues</source>
        <translation>Open clues</translation>
    </message>
    <message>
        <source>Overdue items</source>
        <translation>Overdue items</translation>
    </message>
    <message>
        <source>Add tags…</source>
        <translation type="unfinished">Add tags…</translation>
    </message>
    <message>
        <source>Remove tags…</source>
        <translation type="unfinished">Remove tags…</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>Export list…</translation>
    </message>
    <message>
        <source>Use as draw pool…</source>
        <translation>Use as draw pool…</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <source>Export as HTML…</source>
        <translation>Export as HTML…</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Export as PNG…</translation>
    </message>
    <message>
        <source>Export as GeoJSON…</source>
        <translation>Export as GeoJSON…</translation>
    </message>
    <message>
        <source>Push to wall…</source>
        <translation>Push to wall…</translation>
    </message>
    <message>
        <source>Base map…</source>
        <translation>Base map…</translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished">None</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>Towns</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>Villages and communities</translation>
    </message>
    <message>
        <source>Import surveyed village boundaries (tongguan geo import villages) to colour villages.</source>
        <translation>Import surveyed village boundaries (tongguan geo import villages) to colour villages.</translation>
    </message>
    <message>
        <source>Surveyed boundaries.</source>
        <translation>Surveyed boundaries.</translation>
    </message>
    <message>
        <source>Town regions are approximate (Voronoi cells); village boundaries are surveyed.</source>
        <translation>Town regions are approximate (Voronoi cells); village boundaries are surveyed.</translation>
    </message>
    <message>
        <source>Town regions are approximate (Voronoi cells), not surveyed boundaries.</source>
        <translation>Town regions are approximate (Voronoi cells), not surveyed boundaries.</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message>
        <source>Overdue clues by town</source>
        <translation>Overdue clues by town</translation>
    </message>
    <message>
        <source>Open clues by town</source>
        <translation>Open clues by town</translation>
    </message>
    <message>
        <source>Market entities by town</source>
        <translation>Market entities by town</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>Towns</translation>
    </message>
    <message>
        <source>%1 towns · total %2</source>
        <translation>%1 towns · total %2</translation>
    </message>
</context>
<context>
    <name>MapWorkspace</name>
    <message>
        <source>Sign in to see the map.</source>
        <translation>Sign in to see the map.</translation>
    </message>
    <message>
        <source>The map index could not be prepared</source>
        <translation>The map index could not be prepared</translation>
    </message>
    <message>
        <source>The map page could not be built</source>
        <translation>The map page could not be built</translation>
    </message>
    <message>
        <source>The city's reference data could not be read</source>
        <translation>The city's reference data could not be read</translation>
    </message>
    <message>
        <source>The map could not be updated</source>
        <translation>The map could not be updated</translation>
    </message>
    <message>
        <source>Map error</source>
        <translation>Map error</translation>
    </message>
    <message>
        <source>the map selection</source>
        <translation>the map selection</translation>
    </message>
    <message>
        <source>Exporting the selection…</source>
        <translation>Exporting the selection…</translation>
    </message>
    <message>
        <source>%1 entities written to %2</source>
        <translation>%1 entities written to %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished">Export failed</translation>
    </message>
    <message>
        <source>Use as draw pool</source>
        <translation>Use as draw pool</translation>
    </message>
    <message>
        <source>There is no draft batch; create one in the draw planner first.</source>
        <translation>There is no draft batch; create one in the draw planner first.</translation>
    </message>
    <message>
        <source>The draw batch's pool now holds %1 entities.</source>
        <translation>The draw batch's pool now holds %1 entities.</translation>
    </message>
    <message>
        <source>Pool not set</source>
        <translation>Pool not set</translation>
    </message>
    <message>
        <source>Pushed to the wall: %1</source>
        <translation>Pushed to the wall: %1</translation>
    </message>
    <message>
        <source>Not pushed to the wall</source>
        <translation>Not pushed to the wall</translation>
    </message>
    <message>
        <source>Export map as HTML</source>
        <translation>Export map as HTML</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <source>Map saved to %1</source>
        <translation>Map saved to %1</translation>
    </message>
    <message>
        <source>Export entities as GeoJSON</source>
        <translation>Export entities as GeoJSON</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <source>Exporting GeoJSON…</source>
        <translation>Exporting GeoJSON…</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation>Export map as PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>The new base map is used the next time the console starts.</source>
        <translation>The new base map is used the next time the console starts.</translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message>
        <source>Busiest</source>
        <translation>Busiest</translation>
    </message>
    <message>
        <source>Most central (betweenness)</source>
        <translation>Most central (betweenness)</translation>
    </message>
    <message>
        <source>Slowest hand-overs (median)</source>
        <translation>Slowest hand-overs (median)</translation>
    </message>
    <message>
        <source>Sending on what they receive</source>
        <translation>Sending on what they receive</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 of %2 (%3)</translation>
    </message>
    <message>
        <source>Community %1</source>
        <translation>Community %1</translation>
    </message>
    <message>
        <source>Communities (often at the same entities)</source>
        <translation>Communities (often at the same entities)</translation>
    </message>
    <message>
        <source>none in this period</source>
        <translation>none in this period</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MoveMatrix</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation>%1 now</translation>
    </message>
    <message>
        <source>Rows: the class now. Columns: the class under the new rules. Green cells move to a better class, red ones to a worse class.</source>
        <translation>Rows: the class now. Columns: the class under the new rules. Green cells move to a better class, red ones to a worse class.</translation>
    </message>
</context>
<context>
    <name>NewClueDialog</name>
    <message>
        <source>New clue</source>
        <translation>New clue</translation>
    </message>
    <message>
        <source>Its number in the system it came from (optional)</source>
        <translation>Its number in the system it came from (optional)</translation>
    </message>
    <message>
        <source>What was reported, where and when</source>
        <translation>What was reported, where and when</translation>
    </message>
    <message>
        <source>Entity (USCC)</source>
        <translation>Entity (USCC)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished">Village</translation>
    </message>
    <message>
        <source>18-character unified social credit code</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished">Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished">Longitude</translation>
    </message>
    <message>
        <source>(no matter named)</source>
        <translation>(no matter named)</translation>
    </message>
    <message>
        <source>By the routing rules</source>
        <translation>By the routing rules</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished">Remove</translation>
    </message>
    <message>
        <source>Register the clue</source>
        <translation>Register the clue</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Source number</source>
        <translation>Source number</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished">Matter</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Describe the clue.</source>
        <translation>Describe the clue.</translation>
    </message>
    <message>
        <source>Type the entity's USCC, or give a position or a village instead.</source>
        <translation>Type the entity's USCC, or give a position or a village instead.</translation>
    </message>
    <message>
        <source>%1 is not a valid unified social credit code.</source>
        <translation>%1 is not a valid unified social credit code.</translation>
    </message>
    <message>
        <source>Choose the village from the list.</source>
        <translation>Choose the village from the list.</translation>
    </message>
    <message>
        <source>Files of the clue</source>
        <translation>Files of the clue</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Source system</source>
        <translation type="unfinished">Source system</translation>
    </message>
    <message>
        <source>e.g. yw12345</source>
        <translation>e.g. yw12345</translation>
    </message>
    <message>
        <source>The system sends this key with every Open311 request; requests are recorded as coming from it. A system may have several keys.</source>
        <translation>The system sends this key with every Open311 request; requests are recorded as coming from it. A system may have several keys.</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>New API key</translation>
    </message>
</context>
<context>
    <name>NewTagDialog</name>
    <message>
        <source>New tag</source>
        <translation>New tag</translation>
    </message>
    <message>
        <source>2 to 40 lowercase letters, digits or _, starting with a letter; it cannot be changed later</source>
        <translation>2 to 40 lowercase letters, digits or _, starting with a letter; it cannot be changed later</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Meaning (Chinese)</source>
        <translation>Meaning (Chinese)</translation>
    </message>
    <message>
        <source>Meaning (English)</source>
        <translation>Meaning (English)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>A tag with this code already exists; choose another code.</source>
        <translation>A tag with this code already exists; choose another code.</translation>
    </message>
    <message>
        <source>Tag colour</source>
        <translation>Tag colour</translation>
    </message>
    <message>
        <source>The code must be 2 to 40 lowercase letters, digits or _, starting with a letter.</source>
        <translation>The code must be 2 to 40 lowercase letters, digits or _, starting with a letter.</translation>
    </message>
    <message>
        <source>A tag needs both a Chinese and an English name.</source>
        <translation>A tag needs both a Chinese and an English name.</translation>
    </message>
</context>
<context>
    <name>OverviewScene</name>
    <message>
        <source>City overview</source>
        <translation>City overview</translation>
    </message>
    <message>
        <source>Market entities</source>
        <translation type="unfinished">Market entities</translation>
    </message>
    <message>
        <source>Open clues</source>
        <translation type="unfinished">Open clues</translation>
    </message>
    <message>
        <source>Handled on time</source>
        <translation>Handled on time</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished">Overdue</translation>
    </message>
    <message>
        <source>Dual-notification claims</source>
        <translation>Dual-notification claims</translation>
    </message>
    <message>
        <source>Inspections today</source>
        <translation>Inspections today</translation>
    </message>
    <message>
        <source>Draws today</source>
        <translation>Draws today</translation>
    </message>
</context>
<context>
    <name>PanoramaFields</name>
    <message>
        <source>Credit code</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Town / village</source>
        <translation>Town / village</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation>Risk class</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Location (WGS-84)</source>
        <translation>Location (WGS-84)</translation>
    </message>
    <message>
        <source>Regulatory tags</source>
        <translation>Regulatory tags</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>No tags</translation>
    </message>
</context>
<context>
    <name>PanoramaPdf</name>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Generated {date} by {user} with Tongguan</source>
        <translation>Generated {date} by {user} with Tongguan</translation>
    </message>
    <message>
        <source>Entity panorama</source>
        <translation>Entity panorama</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Open items</translation>
    </message>
    <message>
        <source>Timeline (newest first)</source>
        <translation>Timeline (newest first)</translation>
    </message>
    <message>
        <source>Double-random draws</source>
        <translation type="unfinished">Double-random draws</translation>
    </message>
    <message>
        <source>Double notification and commitments</source>
        <translation>Double notification and commitments</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation type="unfinished">Credit</translation>
    </message>
</context>
<context>
    <name>PanoramaTables</name>
    <message>
        <source>{days} days overdue</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>{days} days left</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished">Record</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Decay</source>
        <translation>Decay</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Inspection window</source>
        <translation>Inspection window</translation>
    </message>
    <message>
        <source>Drawn from stratum</source>
        <translation>Drawn from stratum</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PanoramaView</name>
    <message>
        <source>Town centres and the entity's position; picking a point on the map comes with the map workspace</source>
        <translation>Town centres and the entity's position; picking a point on the map comes with the map workspace</translation>
    </message>
    <message>
        <source>Loading the panorama…</source>
        <translation>Loading the panorama…</translation>
    </message>
    <message>
        <source>Add tags…</source>
        <translation>Add tags…</translation>
    </message>
    <message>
        <source>Remove tags…</source>
        <translation>Remove tags…</translation>
    </message>
    <message>
        <source>Correct location…</source>
        <translation>Correct location…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Enter the position in WGS-84, GCJ-02 or BD-09; it is stored as WGS-84</source>
        <translation>Enter the position in WGS-84, GCJ-02 or BD-09; it is stored as WGS-84</translation>
    </message>
    <message>
        <source>Timeline ({count})</source>
        <translation>Timeline ({count})</translation>
    </message>
    <message>
        <source>Open items ({count}, {overdue} overdue)</source>
        <translation>Open items ({count}, {overdue} overdue)</translation>
    </message>
    <message>
        <source>Open items ({count})</source>
        <translation>Open items ({count})</translation>
    </message>
    <message>
        <source>Draws ({count})</source>
        <translation>Draws ({count})</translation>
    </message>
    <message>
        <source>Double notification and commitments ({count})</source>
        <translation>Double notification and commitments ({count})</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Set a new password for %1. The old one stops working, and a lock-out is lifted.</source>
        <translation>Set a new password for %1. The old one stops working, and a lock-out is lifted.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message>
        <source>A password has at least %n characters.</source>
        <translation>A password has at least %n characters.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished">The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Period</source>
        <translation type="unfinished">Period</translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished">This year</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
</context>
<context>
    <name>PermitDialog</name>
    <message>
        <source>Permit code</source>
        <translation type="unfinished">Permit code</translation>
    </message>
    <message>
        <source>Permit name</source>
        <translation type="unfinished">Permit name</translation>
    </message>
    <message>
        <source>Approving department</source>
        <translation>Approving department</translation>
    </message>
    <message>
        <source>Words in a business scope</source>
        <translation type="unfinished">Words in a business scope</translation>
    </message>
    <message>
        <source>separated by |</source>
        <translation>separated by |</translation>
    </message>
    <message>
        <source>A registration whose business scope names this permit is pushed to its approving department; unmapped permits go to the shared queue.</source>
        <translation>A registration whose business scope names this permit is pushed to its approving department; unmapped permits go to the shared queue.</translation>
    </message>
    <message>
        <source>Edit permit</source>
        <translation>Edit permit</translation>
    </message>
    <message>
        <source>New permit</source>
        <translation>New permit</translation>
    </message>
</context>
<context>
    <name>PermitsTab</name>
    <message>
        <source>Permit code</source>
        <translation type="unfinished">Permit code</translation>
    </message>
    <message>
        <source>Permit name</source>
        <translation type="unfinished">Permit name</translation>
    </message>
    <message>
        <source>Approving department</source>
        <translation>Approving department</translation>
    </message>
    <message>
        <source>Words in a business scope</source>
        <translation type="unfinished">Words in a business scope</translation>
    </message>
    <message>
        <source>A registration whose business scope names a permit is pushed to the department that approves it (double notification); unmapped permits go to the shared queue.</source>
        <translation>A registration whose business scope names a permit is pushed to the department that approves it (double notification); unmapped permits go to the shared queue.</translation>
    </message>
    <message>
        <source>New permit…</source>
        <translation>New permit…</translation>
    </message>
    <message>
        <source>Permit %1 saved.</source>
        <translation>Permit %1 saved.</translation>
    </message>
    <message>
        <source>Delete permit</source>
        <translation>Delete permit</translation>
    </message>
    <message>
        <source>Delete the mapping of permit %1? Its registrations then go to the shared queue.</source>
        <translation>Delete the mapping of permit %1? Its registrations then go to the shared queue.</translation>
    </message>
    <message>
        <source>Permit %1 deleted.</source>
        <translation>Permit %1 deleted.</translation>
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
    <name>PlanDialog</name>
    <message>
        <source>New inspection plan</source>
        <translation>New inspection plan</translation>
    </message>
    <message>
        <source>e.g. %1 joint double-random inspections</source>
        <translation>e.g. %1 joint double-random inspections</translation>
    </message>
    <message>
        <source>Sampling ratio per credit-risk class (%)</source>
        <translation>Sampling ratio per credit-risk class (%)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation type="unfinished">Class %1</translation>
    </message>
    <message>
        <source>The local table by default (A ≤ 5%, B 5–20%, C 21–60%, D 61–100%). A batch's ratios must lie in these bands and rise with the risk; no class is exempt.</source>
        <translation>The local table by default (A ≤ 5%, B 5–20%, C 21–60%, D 61–100%). A batch's ratios must lie in these bands and rise with the risk; no class is exempt.</translation>
    </message>
    <message>
        <source>“Check” warns when a batch asks more visits of its inspectors in its window than this.</source>
        <translation>“Check” warns when a batch asks more visits of its inspectors in its window than this.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished">Create</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Visits per inspector per working day</source>
        <translation>Visits per inspector per working day</translation>
    </message>
    <message>
        <source>Class %1: “from” is above “to”.</source>
        <translation>Class %1: “from” is above “to”.</translation>
    </message>
    <message>
        <source>The bands must not fall as the risk rises (A ≤ B ≤ C ≤ D).</source>
        <translation>The bands must not fall as the risk rises (A ≤ B ≤ C ≤ D).</translation>
    </message>
    <message>
        <source>No class is exempt: every band must allow drawing some entities.</source>
        <translation>No class is exempt: every band must allow drawing some entities.</translation>
    </message>
</context>
<context>
    <name>PlanEditing</name>
    <message>
        <source>Plan “%1” created.</source>
        <translation type="unfinished">Plan “%1” created.</translation>
    </message>
    <message>
        <source>Plan not created</source>
        <translation type="unfinished">Plan not created</translation>
    </message>
    <message>
        <source>Batch “%1” created; check it before locking.</source>
        <translation type="unfinished">Batch “%1” created; check it before locking.</translation>
    </message>
    <message>
        <source>Batch “%1” saved.</source>
        <translation type="unfinished">Batch “%1” saved.</translation>
    </message>
    <message>
        <source>Batch not saved</source>
        <translation type="unfinished">Batch not saved</translation>
    </message>
    <message>
        <source>Discard the plan “%1” and its %2 draft batches?</source>
        <translation type="unfinished">Discard the plan “%1” and its %2 draft batches?</translation>
    </message>
    <message>
        <source>Plan discarded.</source>
        <translation type="unfinished">Plan discarded.</translation>
    </message>
    <message>
        <source>Plan not discarded</source>
        <translation type="unfinished">Plan not discarded</translation>
    </message>
    <message>
        <source>Batch discarded.</source>
        <translation type="unfinished">Batch discarded.</translation>
    </message>
    <message>
        <source>Batch not discarded</source>
        <translation type="unfinished">Batch not discarded</translation>
    </message>
    <message>
        <source>Departments not loaded</source>
        <translation type="unfinished">Departments not loaded</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <source>Plan / batch</source>
        <translation>Plan / batch</translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <source>Drawn / pool</source>
        <translation>Drawn / pool</translation>
    </message>
</context>
<context>
    <name>Provisional</name>
    <message>
        <source> (provisional)</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <source>Dates marked “%1”: %2.</source>
        <translation>Dates marked “%1”: %2.</translation>
    </message>
</context>
<context>
    <name>PushCardScene</name>
    <message>
        <source>Pushed to the wall</source>
        <translation>Pushed to the wall</translation>
    </message>
    <message>
        <source>Nothing pushed yet</source>
        <translation>Nothing pushed yet</translation>
    </message>
    <message>
        <source>%1 (no longer in the database)</source>
        <translation>%1 (no longer in the database)</translation>
    </message>
    <message>
        <source>%1 · pushed at %2</source>
        <translation>%1 · pushed at %2</translation>
    </message>
</context>
<context>
    <name>PushesPage</name>
    <message>
        <source>Pushes not loaded</source>
        <translation>Pushes not loaded</translation>
    </message>
    <message>
        <source>Claimed: %1.</source>
        <translation>Claimed: %1.</translation>
    </message>
    <message>
        <source>Push not claimed</source>
        <translation>Push not claimed</translation>
    </message>
    <message>
        <source>Returned to the shared queue: %1.</source>
        <translation>Returned to the shared queue: %1.</translation>
    </message>
    <message>
        <source>Push not returned</source>
        <translation>Push not returned</translation>
    </message>
    <message>
        <source>Choose the department you act for…</source>
        <translation>Choose the department you act for…</translation>
    </message>
    <message>
        <source>The claim is overdue (5 working days from the push)</source>
        <translation>The claim is overdue (5 working days from the push)</translation>
    </message>
    <message>
        <source>Sent to a department, to claim: choose the department above</source>
        <translation>Sent to a department, to claim: choose the department above</translation>
    </message>
    <message>
        <source>Sent to the department, to claim (%1)</source>
        <translation>Sent to the department, to claim (%1)</translation>
    </message>
    <message>
        <source>Shared queue: returned or unmatched (%1)</source>
        <translation>Shared queue: returned or unmatched (%1)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Return with a reason…</source>
        <translation>Return with a reason…</translation>
    </message>
    <message>
        <source>Claim for the department</source>
        <translation>Claim for the department</translation>
    </message>
    <message>
        <source>Sent to the department, to claim</source>
        <translation>Sent to the department, to claim</translation>
    </message>
    <message>
        <source>Shared queue: returned or unmatched</source>
        <translation>Shared queue: returned or unmatched</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished">Entity</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation type="unfinished">USCC</translation>
    </message>
    <message>
        <source>Permit</source>
        <translation>Permit</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Pushed</translation>
    </message>
    <message>
        <source>Claim by</source>
        <translation>Claim by</translation>
    </message>
    <message>
        <source>Returned because</source>
        <translation>Returned because</translation>
    </message>
</context>
<context>
    <name>RankingsScene</name>
    <message>
        <source>Overdue clues: who and where</source>
        <translation>Overdue clues: who and where</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>By department</translation>
    </message>
    <message>
        <source>By town</source>
        <translation>By town</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Return the push: %1</source>
        <translation>Return the push: %1</translation>
    </message>
    <message>
        <source>Why this permit is not approved by the department</source>
        <translation>Why this permit is not approved by the department</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>The push goes to the shared queue, where another department can claim it.</source>
        <translation>The push goes to the shared queue, where another department can claim it.</translation>
    </message>
    <message>
        <source>Say why: a return needs a reason.</source>
        <translation>Say why: a return needs a reason.</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>see this clue</source>
        <translation>see this clue</translation>
    </message>
    <message>
        <source>register or add to this clue</source>
        <translation>register or add to this clue</translation>
    </message>
    <message>
        <source>route, close or reopen clues</source>
        <translation>route, close or reopen clues</translation>
    </message>
    <message>
        <source>handle this clue</source>
        <translation>handle this clue</translation>
    </message>
    <message>
        <source>file or decide this case</source>
        <translation>file or decide this case</translation>
    </message>
    <message>
        <source>extend or pause this case</source>
        <translation>extend or pause this case</translation>
    </message>
    <message>
        <source>see these pushes</source>
        <translation>see these pushes</translation>
    </message>
    <message>
        <source>claim or return this push</source>
        <translation>claim or return this push</translation>
    </message>
    <message>
        <source>verify this commitment</source>
        <translation>verify this commitment</translation>
    </message>
    <message>
        <source>change the routing rules</source>
        <translation>change the routing rules</translation>
    </message>
    <message>
        <source>see market entities</source>
        <translation>see market entities</translation>
    </message>
    <message>
        <source>tag market entities</source>
        <translation>tag market entities</translation>
    </message>
    <message>
        <source>move a market entity</source>
        <translation>move a market entity</translation>
    </message>
    <message>
        <source>create tags</source>
        <translation>create tags</translation>
    </message>
    <message>
        <source>see risk classes</source>
        <translation>see risk classes</translation>
    </message>
    <message>
        <source>see this draw</source>
        <translation>see this draw</translation>
    </message>
    <message>
        <source>plan draws</source>
        <translation>plan draws</translation>
    </message>
    <message>
        <source>lock, draw or publish batches</source>
        <translation>lock, draw or publish batches</translation>
    </message>
    <message>
        <source>record results of this inspection</source>
        <translation>record results of this inspection</translation>
    </message>
    <message>
        <source>push views to the wall</source>
        <translation>push views to the wall</translation>
    </message>
    <message>
        <source>see the efficiency watch</source>
        <translation>see the efficiency watch</translation>
    </message>
    <message>
        <source>do this</source>
        <translation>do this</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation type="unfinished">manage users</translation>
    </message>
    <message>
        <source>act under this name</source>
        <translation>act under this name</translation>
    </message>
    <message>
        <source>score the city or move credit listings</source>
        <translation>score the city or move credit listings</translation>
    </message>
    <message>
        <source>repair this credit record</source>
        <translation>repair this credit record</translation>
    </message>
    <message>
        <source>change the credit rules</source>
        <translation>change the credit rules</translation>
    </message>
    <message>
        <source>export data</source>
        <translation>export data</translation>
    </message>
    <message>
        <source>import data</source>
        <translation>import data</translation>
    </message>
    <message>
        <source>take in this feed</source>
        <translation>take in this feed</translation>
    </message>
    <message>
        <source>set up the data feeds</source>
        <translation>set up the data feeds</translation>
    </message>
    <message>
        <source>change the city's boundaries</source>
        <translation>change the city's boundaries</translation>
    </message>
    <message>
        <source>produce the leadership report</source>
        <translation>produce the leadership report</translation>
    </message>
    <message>
        <source>see early warnings</source>
        <translation>see early warnings</translation>
    </message>
    <message>
        <source>review early warnings</source>
        <translation>review early warnings</translation>
    </message>
    <message>
        <source>train the warning model</source>
        <translation>train the warning model</translation>
    </message>
    <message>
        <source>It belongs to another department.</source>
        <translation>It belongs to another department.</translation>
    </message>
    <message>
        <source>Your department takes no part in it.</source>
        <translation>Your department takes no part in it.</translation>
    </message>
    <message>
        <source>It is outside your town's grid.</source>
        <translation>It is outside your town's grid.</translation>
    </message>
    <message>
        <source>You are not allowed to {permission}.</source>
        <translation>You are not allowed to {permission}.</translation>
    </message>
    <message>
        <source>{actor} is no active user or system account.</source>
        <translation>{actor} is no active user or system account.</translation>
    </message>
    <message>
        <source>{refusal} {why}</source>
        <translation>{refusal} {why}</translation>
    </message>
</context>
<context>
    <name>ResultPublishing</name>
    <message>
        <source>None of the selected visits has an unpublished result.</source>
        <translation>None of the selected visits has an unpublished result.</translation>
    </message>
    <message>
        <source>This batch has no unpublished results.</source>
        <translation>This batch has no unpublished results.</translation>
    </message>
    <message numerus="yes">
        <source>Publish %n result(s)? The results notice is written to %1, and each result is recorded as published today and shown on its entity's timeline.</source>
        <translation>
            <numerusform>Publish %n result? The results notice is written to %1, and the result is recorded as published today and shown on its entity's timeline.</numerusform>
            <numerusform>Publish %n results? The results notice is written to %1, and each result is recorded as published today and shown on its entity's timeline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected visit(s) have no unpublished result and are left out.</source>
        <translation>
            <numerusform>%n selected visit has no unpublished result and is left out.</numerusform>
            <numerusform>%n selected visits have no unpublished result and are left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing the results…</source>
        <translation>Publishing the results…</translation>
    </message>
    <message>
        <source>Results not published</source>
        <translation>Results not published</translation>
    </message>
    <message>
        <source>Publication of results not loaded</source>
        <translation>Publication of results not loaded</translation>
    </message>
    <message numerus="yes">
        <source>Published %n result(s); the notice is in %1.</source>
        <translation>
            <numerusform>Published %n result; the notice is in %1.</numerusform>
            <numerusform>Published %n results; the notice is in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>The task could not be loaded.</source>
        <translation>The task could not be loaded.</translation>
    </message>
    <message>
        <source>You are not signed in: the results are shown read-only.</source>
        <translation>You are not signed in: the results are shown read-only.</translation>
    </message>
    <message>
        <source>This task was completed on %1; its results can no longer be changed.</source>
        <translation>This task was completed on %1; its results can no longer be changed.</translation>
    </message>
    <message>
        <source>This task was cancelled; results can no longer be recorded.</source>
        <translation>This task was cancelled; results can no longer be recorded.</translation>
    </message>
    <message>
        <source>Nothing to save: no result was changed.</source>
        <translation>Nothing to save: no result was changed.</translation>
    </message>
    <message>
        <source>Choose Pass, Fail or Not applicable for item %1, or clear its note.</source>
        <translation>Choose Pass, Fail or Not applicable for item %1, or clear its note.</translation>
    </message>
    <message>
        <source>Item %1 failed: say in its note what was wrong. Nothing was saved.</source>
        <translation>Item %1 failed: say in its note what was wrong. Nothing was saved.</translation>
    </message>
    <message>
        <source>Unsaved results</source>
        <translation>Unsaved results</translation>
    </message>
    <message numerus="yes">
        <source>%n changed result(s) not saved. Discard them?</source>
        <translation>
            <numerusform>%n changed result is not saved. Discard it?</numerusform>
            <numerusform>%n changed results are not saved. Discard them?</numerusform>
        </translation>
    </message>
    <message>
        <source>The task could not be loaded</source>
        <translation>The task could not be loaded</translation>
    </message>
    <message>
        <source>The rest was not saved.</source>
        <translation>The rest was not saved.</translation>
    </message>
    <message>
        <source>The results could not all be saved</source>
        <translation>The results could not all be saved</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) saved.</source>
        <translation>
            <numerusform>%n result saved.</numerusform>
            <numerusform>%n results saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clue(s) opened: %1.</source>
        <translation>
            <numerusform>%n clue opened: %1.</numerusform>
            <numerusform>%n clues opened: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The task is complete.</source>
        <translation>The task is complete.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still without a result.</source>
        <translation>
            <numerusform>%n item still without a result.</numerusform>
            <numerusform>%n items still without a result.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading task JC%1…</source>
        <translation>Loading task JC%1…</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished">Planned</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished">In progress</translation>
    </message>
    <message>
        <source>Done on %1</source>
        <translation>Done on %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished">Cancelled</translation>
    </message>
    <message>
        <source>%1 of %2 items recorded</source>
        <translation>%1 of %2 items recorded</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>USCC</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished">Address</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Inspection results of task JC%1</source>
        <translation>Inspection results of task JC%1</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished">Outcome</translation>
    </message>
    <message>
        <source>Note (required for a failed item)</source>
        <translation>Note (required for a failed item)</translation>
    </message>
    <message>
        <source>Clue</source>
        <translation>Clue</translation>
    </message>
    <message>
        <source>Save results</source>
        <translation>Save results</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>What was found</translation>
    </message>
    <message>
        <source>Open a clue</source>
        <translation>Open a clue</translation>
    </message>
    <message>
        <source>Opens a clue for the matter's department (failed items only)</source>
        <translation>Opens a clue for the matter's department (failed items only)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Inspection planner</source>
        <translation>Inspection planner</translation>
    </message>
    <message>
        <source>Efficiency monitor</source>
        <translation>Efficiency monitor</translation>
    </message>
    <message>
        <source>Department user</source>
        <translation>Department user</translation>
    </message>
    <message>
        <source>Town grid officer</source>
        <translation>Town grid officer</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>New routing rule</source>
        <translation>New routing rule</translation>
    </message>
    <message>
        <source>Edit routing rule</source>
        <translation>Edit routing rule</translation>
    </message>
    <message>
        <source>Any matter</source>
        <translation>Any matter</translation>
    </message>
    <message>
        <source>Any industry</source>
        <translation>Any industry</translation>
    </message>
    <message>
        <source>Any town</source>
        <translation>Any town</translation>
    </message>
    <message>
        <source>Choose a department…</source>
        <translation>Choose a department…</translation>
    </message>
    <message>
        <source>Why (optional), e.g. the division of duties it follows</source>
        <translation>Why (optional), e.g. the division of duties it follows</translation>
    </message>
    <message>
        <source>Clues matching every field given go to the department. The rule matching the most fields wins.</source>
        <translation>Clues matching every field given go to the department. The rule matching the most fields wins.</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished">Matter</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished">Industry</translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished">Town</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Name a matter, an industry or a town: a rule for every clue would route all of them.</source>
        <translation>Name a matter, an industry or a town: a rule for every clue would route all of them.</translation>
    </message>
    <message>
        <source>Choose the department.</source>
        <translation>Choose the department.</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>Score and classes</source>
        <translation>Score and classes</translation>
    </message>
    <message>
        <source>Credit records</source>
        <translation>Credit records</translation>
    </message>
    <message>
        <source>Base score</source>
        <translation>Base score</translation>
    </message>
    <message>
        <source>Weights halve every</source>
        <translation>Weights halve every</translation>
    </message>
    <message>
        <source>Lowest score of A, B, C</source>
        <translation>Lowest score of A, B, C</translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"> days</translation>
    </message>
    <message>
        <source>Every entity starts from this score; its records add or take points.</source>
        <translation>Every entity starts from this score; its records add or take points.</translation>
    </message>
    <message>
        <source>A record's points halve with every such span of its age.</source>
        <translation>A record's points halve with every such span of its age.</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished">Points</translation>
    </message>
    <message>
        <source>Counts for</source>
        <translation>Counts for</translation>
    </message>
    <message>
        <source>Holds the class at</source>
        <translation>Holds the class at</translation>
    </message>
    <message>
        <source>until taken off</source>
        <translation>until taken off</translation>
    </message>
    <message>
        <source>no floor</source>
        <translation>no floor</translation>
    </message>
    <message>
        <source>While such a record is in force the class is at best this one.</source>
        <translation>While such a record is in force the class is at best this one.</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Rules not loaded</source>
        <translation>Rules not loaded</translation>
    </message>
    <message>
        <source>Routing rule saved; new clues follow it.</source>
        <translation>Routing rule saved; new clues follow it.</translation>
    </message>
    <message>
        <source>Rule not saved</source>
        <translation>Rule not saved</translation>
    </message>
    <message>
        <source>Delete the rule “%1”? New clues it matched follow the other rules.</source>
        <translation>Delete the rule “%1”? New clues it matched follow the other rules.</translation>
    </message>
    <message>
        <source>Routing rule deleted.</source>
        <translation>Routing rule deleted.</translation>
    </message>
    <message>
        <source>Rule not deleted</source>
        <translation>Rule not deleted</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>A new clue goes to the department of the rule matching most of its matter, industry and town; without a matching rule, to the matter's own department; without a matter, the center routes it by hand.</source>
        <translation>A new clue goes to the department of the rule matching most of its matter, industry and town; without a matching rule, to the matter's own department; without a matter, the center routes it by hand.</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished">Matter</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished">Industry</translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished">Town</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Add rule…</source>
        <translation>Add rule…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished">Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Colour theme</translation>
    </message>
    <message>
        <source>User name of the last sign-in</source>
        <translation>User name of the last sign-in</translation>
    </message>
    <message>
        <source>Main window position and size</source>
        <translation>Main window position and size</translation>
    </message>
    <message>
        <source>Main window toolbars and panels</source>
        <translation>Main window toolbars and panels</translation>
    </message>
    <message>
        <source>Workspace shown last</source>
        <translation>Workspace shown last</translation>
    </message>
    <message>
        <source>Map tile server address (empty: schematic base map)</source>
        <translation>Map tile server address (empty: schematic base map)</translation>
    </message>
    <message>
        <source>Coordinate system of the map tiles</source>
        <translation>Coordinate system of the map tiles</translation>
    </message>
    <message>
        <source>Map tile attribution</source>
        <translation>Map tile attribution</translation>
    </message>
    <message>
        <source>Kind of map tile server (XYZ template or WMTS)</source>
        <translation>Kind of map tile server (XYZ template or WMTS)</translation>
    </message>
    <message>
        <source>Map tile server subdomains ({s})</source>
        <translation>Map tile server subdomains ({s})</translation>
    </message>
    <message>
        <source>WMTS layer of the base map</source>
        <translation>WMTS layer of the base map</translation>
    </message>
    <message>
        <source>WMTS tile matrix set of the base map</source>
        <translation>WMTS tile matrix set of the base map</translation>
    </message>
    <message>
        <source>WMTS image format of the base map</source>
        <translation>WMTS image format of the base map</translation>
    </message>
    <message>
        <source>Map label overlay address (empty: none)</source>
        <translation>Map label overlay address (empty: none)</translation>
    </message>
    <message>
        <source>Kind of map label overlay server</source>
        <translation>Kind of map label overlay server</translation>
    </message>
    <message>
        <source>Map label overlay subdomains ({s})</source>
        <translation>Map label overlay subdomains ({s})</translation>
    </message>
    <message>
        <source>WMTS layer of the label overlay</source>
        <translation>WMTS layer of the label overlay</translation>
    </message>
    <message>
        <source>WMTS tile matrix set of the label overlay</source>
        <translation>WMTS tile matrix set of the label overlay</translation>
    </message>
    <message>
        <source>WMTS image format of the label overlay</source>
        <translation>WMTS image format of the label overlay</translation>
    </message>
    <message>
        <source>Efficiency ranking: clocks a unit needs to be ranked</source>
        <translation>Efficiency ranking: clocks a unit needs to be ranked</translation>
    </message>
    <message>
        <source>Screen of the draw ceremony's full screen (empty: a secondary one)</source>
        <translation>Screen of the draw ceremony's full screen (empty: a secondary one)</translation>
    </message>
    <message>
        <source>Wall: the playlist's scenes, in order, separated by commas (empty: every scene)</source>
        <translation>Wall: the playlist's scenes, in order, separated by commas (empty: every scene)</translation>
    </message>
    <message>
        <source>Wall: seconds each scene of the playlist shows</source>
        <translation>Wall: seconds each scene of the playlist shows</translation>
    </message>
    <message>
        <source>Wall: seconds a push shows before the playlist resumes</source>
        <translation>Wall: seconds a push shows before the playlist resumes</translation>
    </message>
    <message>
        <source>Wall: the pinned scene (empty: none)</source>
        <translation>Wall: the pinned scene (empty: none)</translation>
    </message>
    <message>
        <source>Screen of the wall window (empty: a secondary one)</source>
        <translation>Screen of the wall window (empty: a secondary one)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>&amp;Next item</source>
        <translation>&amp;Next item</translation>
    </message>
    <message>
        <source>&amp;Previous item</source>
        <translation>&amp;Previous item</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>Sign in — Tongguan</source>
        <translation>Sign in — Tongguan</translation>
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
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>e.g. operator</source>
        <translation>e.g. operator</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Database: {label}</source>
        <translation>Database: {label}</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>Demo accounts</translation>
    </message>
    <message>
        <source>This is a demonstration database. Click an account to fill it in.</source>
        <translation>This is a demonstration database. Click an account to fill it in.</translation>
    </message>
    <message>
        <source>{role}:  {username} / {password}</source>
        <translation>{role}:  {username} / {password}</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again in {detail} min, or ask an administrator to unlock the account.</source>
        <translation>Too many failed sign-ins. Try again in {detail} min, or ask an administrator to unlock the account.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation>Cannot reach the database: {detail}</translation>
    </message>
    <message>
        <source>Sign-in failed: {detail}</source>
        <translation>Sign-in failed: {detail}</translation>
    </message>
</context>
<context>
    <name>SuggestionsPage</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Loading…</translation>
    </message>
    <message>
        <source>The suggestions could not be worked out.</source>
        <translation>The suggestions could not be worked out.</translation>
    </message>
    <message>
        <source>Joint batches would save %1 visit(s) in all; choose one to draft it for %2.</source>
        <translation>Joint batches would save %1 visit(s) in all; choose one to draft it for %2.</translation>
    </message>
    <message>
        <source>No departments visited the same entities separately this year.</source>
        <translation>No departments visited the same entities separately this year.</translation>
    </message>
    <message>
        <source>Your role does not plan draw batches.</source>
        <translation>Your role does not plan draw batches.</translation>
    </message>
    <message>
        <source>Create a draft joint batch for %1 in %2's plan? It visits %3 entities once instead of %4 separate visits; nothing is drawn until the batch is reviewed.</source>
        <translation>Create a draft joint batch for %1 in %2's plan? It visits %3 entities once instead of %4 separate visits; nothing is drawn until the batch is reviewed.</translation>
    </message>
    <message>
        <source>Create joint batch</source>
        <translation>Create joint batch</translation>
    </message>
    <message>
        <source>Draft joint batch #%1 created; review it in Double-random draws.</source>
        <translation>Draft joint batch #%1 created; review it in Double-random draws.</translation>
    </message>
    <message>
        <source>History of year</source>
        <translation>History of year</translation>
    </message>
    <message>
        <source>Departments (lead first)</source>
        <translation>Departments (lead first)</translation>
    </message>
    <message>
        <source>Shared entities</source>
        <translation>Shared entities</translation>
    </message>
    <message>
        <source>Visits now</source>
        <translation>Visits now</translation>
    </message>
    <message>
        <source>Joint visits</source>
        <translation>Joint visits</translation>
    </message>
    <message>
        <source>Visits saved</source>
        <translation>Visits saved</translation>
    </message>
    <message>
        <source>Shared matters</source>
        <translation>Shared matters</translation>
    </message>
    <message>
        <source>Create the suggested joint batch as a draft…</source>
        <translation>Create the suggested joint batch as a draft…</translation>
    </message>
    <message>
        <source>Open the batch</source>
        <translation>Open the batch</translation>
    </message>
</context>
<context>
    <name>TagMultiSelect</name>
    <message>
        <source>Any tags</source>
        <translation>Any tags</translation>
    </message>
    <message>
        <source>{count} tags</source>
        <translation>{count} tags</translation>
    </message>
    <message>
        <source>Entities carrying every chosen tag</source>
        <translation>Entities carrying every chosen tag</translation>
    </message>
</context>
<context>
    <name>TagPickerDialog</name>
    <message>
        <source>Add tags</source>
        <translation>Add tags</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>Remove tags</translation>
    </message>
    <message>
        <source>Tags for {name}</source>
        <translation>Tags for {name}</translation>
    </message>
    <message>
        <source>Tags for {count} selected entities</source>
        <translation>Tags for {count} selected entities</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>Filter tags</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>New tag…</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
</context>
<context>
    <name>TaggingFlow</name>
    <message>
        <source>Tags not changed</source>
        <translation>Tags not changed</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>Undo failed</translation>
    </message>
    <message>
        <source>Add {tags} to {count} entities?</source>
        <translation>Add {tags} to {count} entities?</translation>
    </message>
    <message>
        <source>Remove {tags} from {count} entities?</source>
        <translation>Remove {tags} from {count} entities?</translation>
    </message>
    <message>
        <source>Change tags of several entities</source>
        <translation>Change tags of several entities</translation>
    </message>
    <message>
        <source>Every change is recorded in the audit log and can be undone right afterwards.</source>
        <translation>Every change is recorded in the audit log and can be undone right afterwards.</translation>
    </message>
    <message>
        <source>Nothing changed: the entities already had (or lacked) {tags}.</source>
        <translation>Nothing changed: the entities already had (or lacked) {tags}.</translation>
    </message>
    <message>
        <source>Added {tags} to {count} entities.</source>
        <translation>Added {tags} to {count} entities.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Removed {tags} from {count} entities.</source>
        <translation>Removed {tags} from {count} entities.</translation>
    </message>
    <message>
        <source>Undone: {count} entities are as they were.</source>
        <translation>Undone: {count} entities are as they were.</translation>
    </message>
    <message>
        <source>Created the tag “{name}”.</source>
        <translation>Created the tag “{name}”.</translation>
    </message>
    <message>
        <source>Moved {name} to {lat:.6f}, {lng:.6f} (WGS-84).</source>
        <translation>Moved {name} to {lat:.6f}, {lng:.6f} (WGS-84).</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TileDialog</name>
    <message>
        <source>Base map</source>
        <translation>Base map</translation>
    </message>
    <message>
        <source>WGS-84 (Tianditu, most intranet caches)</source>
        <translation>WGS-84 (Tianditu, most intranet caches)</translation>
    </message>
    <message>
        <source>GCJ-02 (AutoNavi/Tencent-style tiles)</source>
        <translation>GCJ-02 (AutoNavi/Tencent-style tiles)</translation>
    </message>
    <message>
        <source>Label overlay (注记)</source>
        <translation>Label overlay (注记)</translation>
    </message>
    <message>
        <source>Drawn above the regions, in the base map's coordinates. Leave the address empty for none.</source>
        <translation>Drawn above the regions, in the base map's coordinates. Leave the address empty for none.</translation>
    </message>
    <message>
        <source>Leave the address empty to use the schematic base map (no tile server). WMTS needs a Web Mercator tile matrix set (GoogleMapsCompatible; Tianditu: w).</source>
        <translation>Leave the address empty to use the schematic base map (no tile server). WMTS needs a Web Mercator tile matrix set (GoogleMapsCompatible; Tianditu: w).</translation>
    </message>
    <message>
        <source>Coordinates of the tiles</source>
        <translation>Coordinates of the tiles</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>All ({count})</source>
        <translation>All ({count})</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} records, newest first</source>
        <translation>Showing {shown} of {total} records, newest first</translation>
    </message>
</context>
<context>
    <name>TransitionsPanel</name>
    <message>
        <source>Move to the serious-violation list</source>
        <translation>Move to the serious-violation list</translation>
    </message>
    <message>
        <source>Move %1 entities from the abnormal-operation list to the serious-violation list? They have been listed for three years. Each move is audited and their classes are recomputed.</source>
        <translation>Move %1 entities from the abnormal-operation list to the serious-violation list? They have been listed for three years. Each move is audited and their classes are recomputed.</translation>
    </message>
    <message>
        <source>Moving %1 listings…</source>
        <translation>Moving %1 listings…</translation>
    </message>
    <message>
        <source>%1 entities moved to the serious-violation list; %2 classes changed.</source>
        <translation>%1 entities moved to the serious-violation list; %2 classes changed.</translation>
    </message>
    <message>
        <source>Rescore the city</source>
        <translation>Rescore the city</translation>
    </message>
    <message>
        <source>Recompute every entity's score and class with the active rule set? Classes that change are written at once and drive the next draws.</source>
        <translation>Recompute every entity's score and class with the active rule set? Classes that change are written at once and drive the next draws.</translation>
    </message>
    <message>
        <source>Rescoring the city…</source>
        <translation>Rescoring the city…</translation>
    </message>
    <message>
        <source>Rule set v%1: %2 entities changed class.</source>
        <translation>Rule set v%1: %2 entities changed class.</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Due now</translation>
    </message>
    <message>
        <source>%1 abnormal listings reach three years by %2; %3 of them are due now.</source>
        <translation>%1 abnormal listings reach three years by %2; %3 of them are due now.</translation>
    </message>
    <message>
        <source>The first %1 are listed.</source>
        <translation>The first %1 are listed.</translation>
    </message>
    <message>
        <source>Coming within</source>
        <translation>Coming within</translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"> days</translation>
    </message>
    <message>
        <source>Move those due now…</source>
        <translation>Move those due now…</translation>
    </message>
    <message>
        <source>Rescore the city…</source>
        <translation>Rescore the city…</translation>
    </message>
    <message>
        <source>Double-click an entity to open its panorama.</source>
        <translation>Double-click an entity to open its panorama.</translation>
    </message>
    <message>
        <source>Scores follow every new record by themselves; rescore the whole city after an import that bypassed them.</source>
        <translation>Scores follow every new record by themselves; rescore the whole city after an import that bypassed them.</translation>
    </message>
    <message>
        <source>Moves on</source>
        <translation>Moves on</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation type="unfinished">Credit code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>Listed on</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <source>Done on time, % (by week due)</source>
        <translation>Done on time, % (by week due)</translation>
    </message>
    <message>
        <source>Clocks that went overdue</source>
        <translation>Clocks that went overdue</translation>
    </message>
</context>
<context>
    <name>TrendsScene</name>
    <message>
        <source>Clues over the last 30 days</source>
        <translation>Clues over the last 30 days</translation>
    </message>
    <message>
        <source>Today: %1 new, %2 closed, %3 overdue</source>
        <translation>Today: %1 new, %2 closed, %3 overdue</translation>
    </message>
    <message>
        <source>New clues</source>
        <translation>New clues</translation>
    </message>
    <message>
        <source>Closed clues</source>
        <translation>Closed clues</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished">Overdue</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished">User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished">Role</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished">Password</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>A system account runs imports and command-line jobs under its own name. It has no password and can never sign in at the console.</source>
        <translation>A system account runs imports and command-line jobs under its own name. It has no password and can never sign in at the console.</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>New system account</source>
        <translation>New system account</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>A department user needs a department.</source>
        <translation>A department user needs a department.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Sign in as an administrator to manage users.</source>
        <translation>Sign in as an administrator to manage users.</translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation>User %1 created.</translation>
    </message>
    <message>
        <source>System account %1 created.</source>
        <translation>System account %1 created.</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 saved.</translation>
    </message>
    <message>
        <source>New password set for %1.</source>
        <translation>New password set for %1.</translation>
    </message>
    <message>
        <source>%1 unlocked.</source>
        <translation>%1 unlocked.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Deactivate %1? The account can no longer sign in or act; its history stays.</source>
        <translation>Deactivate %1? The account can no longer sign in or act; its history stays.</translation>
    </message>
    <message>
        <source>%1 deactivated.</source>
        <translation>%1 deactivated.</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>locked until %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>system account</source>
        <translation>system account</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Each person signs in with their own account; the role decides what they may do. System accounts run imports and command-line jobs and never sign in. Every change here is written to the audit log.</source>
        <translation>Each person signs in with their own account; the role decides what they may do. System accounts run imports and command-line jobs and never sign in. Every change here is written to the audit log.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished">User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished">Role</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Department</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>New system account…</source>
        <translation>New system account…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished">Edit…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deactivate…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Record verification: %1</source>
        <translation>Record verification: %1</translation>
    </message>
    <message>
        <source>Fulfilled: the commitment was kept</source>
        <translation>Fulfilled: the commitment was kept</translation>
    </message>
    <message>
        <source>Not fulfilled: the commitment was broken</source>
        <translation>Not fulfilled: the commitment was broken</translation>
    </message>
    <message>
        <source>A credit record is written on the entity.</source>
        <translation>A credit record is written on the entity.</translation>
    </message>
    <message>
        <source>Also file a case (the decision is then due within 90 days)</source>
        <translation>Also file a case (the decision is then due within 90 days)</translation>
    </message>
    <message>
        <source>What the check found on site and in the papers</source>
        <translation>What the check found on site and in the papers</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished">Entity</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished">Matter</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>Check against</source>
        <translation>Check against</translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished">Due</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished">Record</translation>
    </message>
    <message>
        <source>Say whether the commitment was kept.</source>
        <translation>Say whether the commitment was kept.</translation>
    </message>
    <message>
        <source>Say what the verification found.</source>
        <translation>Say what the verification found.</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Filter by entity, USCC, place or inspector</source>
        <translation type="unfinished">Filter by entity, USCC, place or inspector</translation>
    </message>
    <message>
        <source>Record results…</source>
        <translation type="unfinished">Record results…</translation>
    </message>
    <message>
        <source>Open panorama</source>
        <translation type="unfinished">Open panorama</translation>
    </message>
    <message>
        <source>Publish results</source>
        <translation>Publish results</translation>
    </message>
    <message>
        <source>Publish the results of the selected visits…</source>
        <translation>Publish the results of the selected visits…</translation>
    </message>
    <message>
        <source>Publish every unpublished result of the batch…</source>
        <translation>Publish every unpublished result of the batch…</translation>
    </message>
</context>
<context>
    <name>WallBoard</name>
    <message>
        <source>Pushed: %1</source>
        <translation>Pushed: %1</translation>
    </message>
    <message>
        <source>Reconnecting to the database…</source>
        <translation>Reconnecting to the database…</translation>
    </message>
    <message>
        <source>Figures not updated: %1</source>
        <translation>Figures not updated: %1</translation>
    </message>
    <message>
        <source>Market Supervision Command Center</source>
        <translation>Market Supervision Command Center</translation>
    </message>
</context>
<context>
    <name>WallPage</name>
    <message>
        <source>The wall shows the whole city's figures: it is controlled by the center (leader, operator on duty, monitor).</source>
        <translation>The wall shows the whole city's figures: it is controlled by the center (leader, operator on duty, monitor).</translation>
    </message>
    <message>
        <source>Sign in to control the wall.</source>
        <translation>Sign in to control the wall.</translation>
    </message>
    <message>
        <source>All screens, as one wall</source>
        <translation>All screens, as one wall</translation>
    </message>
    <message>
        <source>Playlist</source>
        <translation>Playlist</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>Scenes</translation>
    </message>
    <message>
        <source>Tick the scenes the wall rotates through; double-click one to show it now.</source>
        <translation>Tick the scenes the wall rotates through; double-click one to show it now.</translation>
    </message>
    <message>
        <source>Seconds per scene</source>
        <translation>Seconds per scene</translation>
    </message>
    <message>
        <source>Seconds a push stays</source>
        <translation>Seconds a push stays</translation>
    </message>
    <message>
        <source>Pinned scene</source>
        <translation>Pinned scene</translation>
    </message>
    <message>
        <source>Open the wall window…</source>
        <translation>Open the wall window…</translation>
    </message>
    <message>
        <source>Pushed to the wall (double-click to show again)</source>
        <translation>Pushed to the wall (double-click to show again)</translation>
    </message>
    <message>
        <source>None: rotate</source>
        <translation>None: rotate</translation>
    </message>
</context>
<context>
    <name>WallScenes</name>
    <message>
        <source>As of %1</source>
        <translation>As of %1</translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message>
        <source>Tongguan wall</source>
        <translation>Tongguan wall</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Kept in view</source>
        <translation>Kept in view</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <source>Made a clue</source>
        <translation>Made a clue</translation>
    </message>
    <message>
        <source>Warnings not loaded</source>
        <translation>Warnings not loaded</translation>
    </message>
    <message>
        <source>Decision not recorded</source>
        <translation type="unfinished">Decision not recorded</translation>
    </message>
    <message>
        <source>Choose a warning to see why the model raised it.</source>
        <translation>Choose a warning to see why the model raised it.</translation>
    </message>
    <message>
        <source>%1 (%2): score %3, %4</source>
        <translation>%1 (%2): score %3, %4</translation>
    </message>
    <message>
        <source>clue %1</source>
        <translation>clue %1</translation>
    </message>
    <message>
        <source>No model run yet: the leader runs `tongguan warning train`.</source>
        <translation>No model run yet: the leader runs `tongguan warning train`.</translation>
    </message>
    <message>
        <source>Model %1 (trained %2): of the top %3 in the held-out year, %4 found a problem; random ranking %5, class ranking %6. It ranks for attention and never replaces the random draw.</source>
        <translation>Model %1 (trained %2): of the top %3 in the held-out year, %4 found a problem; random ranking %5, class ranking %6. It ranks for attention and never replaces the random draw.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished">No.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished">Entity</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Each factor's weight in the score, against the average entity: red raises it, green lowers it.</source>
        <translation>Each factor's weight in the score, against the average entity: red raises it, green lowers it.</translation>
    </message>
    <message>
        <source>Note on the decision (optional)</source>
        <translation>Note on the decision (optional)</translation>
    </message>
    <message>
        <source>Keep in view</source>
        <translation>Keep in view</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Make a clue</source>
        <translation>Make a clue</translation>
    </message>
</context>
<context>
    <name>WarningsScene</name>
    <message>
        <source>Thematic warnings</source>
        <translation>Thematic warnings</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 warnings</translation>
    </message>
    <message>
        <source>Complaint clusters this week</source>
        <translation>Complaint clusters this week</translation>
    </message>
    <message>
        <source>Closely watched entities' licences expiring</source>
        <translation>Closely watched entities' licences expiring</translation>
    </message>
    <message>
        <source>No thematic warnings today</source>
        <translation>No thematic warnings today</translation>
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
        <source>Shows the city's supervision overview on the command center's video wall.</source>
        <translation>Shows the city's supervision overview on the command center's video wall.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Creates users and system accounts, sets their role and department, unlocks and deactivates.</source>
        <translation>Creates users and system accounts, sets their role and department, unlocks and deactivates.</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>Imports department files of every kind (checked row by row) and exports them.</source>
        <translation>Imports department files of every kind (checked row by row) and exports them.</translation>
    </message>
    <message>
        <source>Feeds &amp; mappings</source>
        <translation type="unfinished">Feeds &amp; mappings</translation>
    </message>
    <message>
        <source>Maps permits to approving departments, keeps the commitment catalogue, maps other systems' service codes to our matters and makes their API keys.</source>
        <translation>Maps permits to approving departments, keeps the commitment catalogue, maps other systems' service codes to our matters and makes their API keys.</translation>
    </message>
    <message>
        <source>Credit rules</source>
        <translation>Credit rules</translation>
    </message>
    <message>
        <source>Sets how credit records make classes A-D, previews what a change moves, and moves listings due to the serious-violation list.</source>
        <translation>Sets how credit records make classes A-D, previews what a change moves, and moves listings due to the serious-violation list.</translation>
    </message>
</context>
<context>
    <name>_ServerForm</name>
    <message>
        <source>XYZ template ({z}/{x}/{y})</source>
        <translation>XYZ template ({z}/{x}/{y})</translation>
    </message>
    <message>
        <source>WMTS service</source>
        <translation>WMTS service</translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished">Address</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <source>Subdomains</source>
        <translation>Subdomains</translation>
    </message>
    <message>
        <source>WMTS layer</source>
        <translation>WMTS layer</translation>
    </message>
    <message>
        <source>Tile matrix set</source>
        <translation>Tile matrix set</translation>
    </message>
    <message>
        <source>Image format</source>
        <translation>Image format</translation>
    </message>
</context>
</TS>
