#!/usr/bin/env python3
"""The SQLite trial of issue 20 (decision 84): the same derived store as `<log>.snapshot`, as an SQLite
database with indexes, built from a generated log, and the questions the app's first frame and a wijk's
history ask of it, timed in a fresh process. Python's own sqlite3 (the same SQLite library GRDB wraps);
the time is SQLite's, the Python around it is a few rows a question except where whole id lists are read.

  python3 scripts/sqlite-trial.py .bench/log-1000000.jsonl [--today 2326-01-01] [--wijk "Oud Delfgauw"]

Prints: build time and size; then, in a new process, open + first-frame questions and a wijk's history,
with the peak memory (VmHWM) of that process.
"""
import argparse, json, os, sqlite3, subprocess, sys, time

TABLES = {
    "signal.recorded": "signals", "action.created": "actions", "decision.taken": "decisions",
    "participation.set": "participation", "initiative.recorded": "initiatives", "note.added": "notes",
}


def build(log, db):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    for t in set(TABLES.values()):
        # One row per record: what lists order and filter by as columns, the record itself as its JSON.
        con.execute(f"CREATE TABLE {t} (id TEXT PRIMARY KEY, seq INTEGER, kern TEXT, wijk TEXT, day TEXT, "
                    f"meeting TEXT, status TEXT, withdrawn INTEGER DEFAULT 0, body TEXT)")
    status = {}
    rows = {t: [] for t in set(TABLES.values())}
    with open(log, "rb") as f:
        for line in f:
            e = json.loads(line)
            t = TABLES.get(e.get("type"))
            if t:
                day = e.get("date") or e.get("due")
                rows[t].append((e.get("id"), e.get("seq"), e.get("kern"), e.get("wijk"), day, e.get("meeting"),
                                "open" if t == "actions" else None, line.decode()))
            elif e.get("type") == "action.status_changed":
                status[e["ref"]] = e["status"]
    for t, r in rows.items():
        con.executemany(f"INSERT OR REPLACE INTO {t} (id, seq, kern, wijk, day, meeting, status, body) VALUES (?,?,?,?,?,?,?,?)", r)
    con.executemany("UPDATE actions SET status = ? WHERE id = ?", [(s, i) for i, s in status.items()])
    for t in set(TABLES.values()):
        con.execute(f"CREATE INDEX {t}_order ON {t} (day, seq)")
        con.execute(f"CREATE INDEX {t}_wijk ON {t} (wijk, day, seq)")
    con.commit()
    con.close()


def questions(db, today, wijk):
    """What the first frame and a wijk's history ask, in this (new) process."""
    out = {}
    t0 = time.monotonic()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    # Counts in the pane titles, and a screenful of each pane in its order.
    counts = [con.execute(f"SELECT count(*) FROM {t} WHERE withdrawn = 0").fetchone()[0] for t in ("signals", "actions", "participation")]
    signals = con.execute("SELECT id, body FROM signals WHERE withdrawn = 0 ORDER BY day DESC, seq DESC LIMIT 19").fetchall()
    actions = con.execute(
        "SELECT id, body FROM actions WHERE withdrawn = 0 ORDER BY "
        "CASE WHEN status IN ('open','bezig') AND day < ? THEN 0 WHEN status IN ('open','bezig') THEN 1 "
        "WHEN status = 'gereed' THEN 2 ELSE 3 END, day, seq LIMIT 19", (today,)).fetchall()
    participation = con.execute("SELECT id, body FROM participation WHERE withdrawn = 0 ORDER BY seq LIMIT 19").fetchall()
    out["first frame (counts + a screenful of 3 panes)"] = time.monotonic() - t0
    # The app's panes keep every row's id in order (to move through them): the whole lists.
    t1 = time.monotonic()
    ids = con.execute("SELECT id FROM signals WHERE withdrawn = 0 ORDER BY day DESC, seq DESC").fetchall()
    ids += con.execute("SELECT id FROM actions WHERE withdrawn = 0 ORDER BY "
                       "CASE WHEN status IN ('open','bezig') AND day < ? THEN 0 WHEN status IN ('open','bezig') THEN 1 "
                       "WHEN status = 'gereed' THEN 2 ELSE 3 END, day, seq", (today,)).fetchall()
    out["every id of the signals and actions panes in order"] = time.monotonic() - t1
    # A wijk's history: all its records in time order (count), and the first screenful.
    t2 = time.monotonic()
    n = 0
    for t in ("decisions", "notes", "actions", "signals", "initiatives", "participation"):
        n += con.execute(f"SELECT count(*) FROM {t} WHERE wijk = ?", (wijk,)).fetchone()[0]
    first = con.execute(" UNION ALL ".join(f"SELECT day, seq, body FROM {t} WHERE wijk = ?" for t in
                                           ("decisions", "notes", "actions", "signals", "initiatives", "participation"))
                        + " ORDER BY day, seq LIMIT 40", (wijk,) * 6).fetchall()
    out[f"history of {wijk} ({n} entries: count + first screenful)"] = time.monotonic() - t2
    assert len(signals) == 19 and len(actions) == 19 and len(participation) == 19 and len(first) == 40 and counts[0] > 0
    with open("/proc/self/status") as f:
        hwm = next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024
    return out, hwm, len(ids)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("log")
    p.add_argument("--today", default="2326-01-01")
    p.add_argument("--wijk", default="Oud Delfgauw")
    p.add_argument("--ask", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    db = a.log + ".sqlite-trial"
    if a.ask:
        out, hwm, n = questions(db, a.today, a.wijk)
        for k, v in out.items():
            print(f"  {k}: {v * 1000:.1f} ms")
        print(f"  ({n} ids) peak memory of this process (VmHWM, Python included): {hwm:.1f} MB")
        return
    t0 = time.monotonic()
    build(a.log, db)
    print(f"SQLite store built from the log in {time.monotonic() - t0:.1f} s; {os.path.getsize(db) / 1048576:.0f} MB "
          f"(log {os.path.getsize(a.log) / 1048576:.0f} MB)")
    subprocess.run(["cat", db], stdout=subprocess.DEVNULL)   # warm, as the snapshot is in the other figures
    base = subprocess.run([sys.executable, "-c", "import sqlite3; f=open('/proc/self/status'); "
                           "print(next(int(l.split()[1]) for l in f if l.startswith('VmHWM'))/1024)"],
                          capture_output=True, text=True).stdout.strip()
    print(f"Python with sqlite3 alone: {float(base):.1f} MB")
    for run in range(3):
        print(f"run {run + 1}, a new process:")
        t = time.monotonic()
        subprocess.run([sys.executable, __file__, a.log, "--today", a.today, "--wijk", a.wijk, "--ask"], check=True)
        print(f"  whole process: {(time.monotonic() - t) * 1000:.0f} ms")
    os.remove(db)


if __name__ == "__main__":
    main()
