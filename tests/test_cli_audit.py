"""``tongguan audit verify``: exit 0 intact, 1 broken (naming the entry and why), 2 unreadable."""
import json
import sqlite3

from core.db.database import Database
from core.db.migrate import upgrade
from tests.core.audit.tamper import write_entries
from tests.test_cli import tongguan


def test_audit_verify_exit_codes_and_the_first_broken_entry(tmp_path):
    path = tmp_path / "city.sqlite"
    db = Database.open(str(path))
    upgrade(db.engine)
    write_entries(db, 4, actor="zhang")
    db.dispose()
    ok = tongguan("audit", "verify", "--db", str(path))
    assert ok.returncode == 0 and "4 audit entries" in ok.stdout and "head: seq 4" in ok.stdout

    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET after = '{\"n\": 99}' WHERE seq = 2")
    con.commit()
    entry_id = con.execute("SELECT id FROM audit_log WHERE seq = 2").fetchone()[0]
    con.close()
    broken = tongguan("audit", "verify", "--db", str(path))
    assert broken.returncode == 1
    assert f"entry id {entry_id}, seq 2" in broken.stdout and "actor zhang, action test.write" in broken.stdout
    assert "hash mismatch" in broken.stdout
    js = json.loads(tongguan("audit", "verify", "--db", str(path), "--json").stdout)
    assert js["ok"] is False and js["entries"] == 1
    assert {k: js["broken"][k] for k in ("id", "seq", "actor", "reason")} == {
        "id": entry_id, "seq": 2, "actor": "zhang", "reason": "hash_mismatch"}

    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    err = tongguan("audit", "verify", "--db", str(empty))
    assert err.returncode == 2 and "cannot read the audit log" in err.stderr and "Traceback" not in err.stderr
