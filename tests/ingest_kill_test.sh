#!/usr/bin/env bash
# Fault injection for `thaw ingest`: kill -9 at random moments, re-run to completion, and check
# that the store holds exactly what one clean run stores: no lost, half-written or duplicated
# documents, the same events, the same near-duplicate links. Runs on SQLite, and on PostgreSQL
# too when THAW_TEST_PG names a server.
# Usage: ingest_kill_test.sh PATH/TO/thaw PROJECT_SOURCE_DIR [KILLS]
set -u
thaw=$1
src=$2
kills=${3:-6}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
check() {  # check NAME CONDITION-EXIT-CODE [FILE TO SHOW ON FAILURE]
  if [ "$2" -ne 0 ]; then
    echo "FAIL: $1"; fails=$((fails + 1))
    [ -n "${3:-}" ] && [ -f "$3" ] && head -c 3000 "$3" | sed 's/^/  | /'
  else
    echo "ok: $1"
  fi
}

# A corpus of 2400 raw-text documents built from the demo's sentences: four to seven random
# sentences each, some republished by a second outlet with a dateline (near-duplicates) and a
# few repeated verbatim (skipped as already stored).
python3 - "$src/examples/demo/corpus.jsonl" "$tmp/corpus.jsonl" <<'PY'
import json, random, re, sys
random.seed(7)
sents = []
for line in open(sys.argv[1]):
    doc = json.loads(line)
    sents += [s for s in re.split(r'(?<=[.!?])\s+', doc["text"]) if len(s.split()) > 4]
out = open(sys.argv[2], "w")
docs = []
for i in range(2400):
    if i % 9 == 5 and docs:
        d = dict(random.choice(docs))
        d["id"] = "dup-%d" % i
        d["url"] = "http://other.example/%d" % i
        d["text"] = "SEOUL (Other Agency) - " + d["text"]
    elif i % 50 == 7 and docs:
        d = random.choice(docs)  # verbatim repeat
    else:
        d = {"id": "doc-%d" % i, "date": "2013-%02d-%02d" % (1 + i % 12, 1 + i % 28),
             "url": "http://wire.example/%d" % i, "text": " ".join(random.sample(sents, random.randint(4, 7)))}
    docs.append(d)
    out.write(json.dumps(d) + "\n")
PY

# The reference: one clean run into SQLite.
clean="$tmp/clean.db"
start=$(date +%s.%N)
"$thaw" ingest "$tmp/corpus.jsonl" --db "$clean" --batch 25 -q 2>"$tmp/err"
check "clean ingest exits 0" $? "$tmp/err"
# Each kill lands in the first 20% of a clean run's time, so that every killed run still had
# work to do: while models load, while coding, or mid-commit.
window=$(python3 -c "import time; print(max(0.5, 0.2 * (time.time() - $start)))")
echo "clean run: $(python3 -c "import time; print(round(time.time() - $start, 2))") s"

run_backend() {  # run_backend NAME KILLED-DB: kill, resume, compare with the clean run
  local name=$1 killed=$2
  for k in $(seq 1 "$kills"); do
    "$thaw" ingest "$tmp/corpus.jsonl" --db "$killed" --batch 25 -q 2>/dev/null &
    pid=$!
    # A random moment: model loading, coding, or mid-commit.
    at=$(python3 -c "import random; print(round(random.uniform(0.1, $window), 2))")
    sleep "$at"
    if kill -9 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null
      stored=""
      [ -f "$killed" ] && stored=", $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM documents').fetchone()[0])" "$killed") documents stored"
      echo "$name: killed run $k at $at s$stored"
    else
      wait "$pid" 2>/dev/null
      echo "$name: run $k finished before its kill at $at s"
    fi
  done
  "$thaw" ingest "$tmp/corpus.jsonl" --db "$killed" --batch 25 -q 2>"$tmp/err"
  check "$name: resumed ingest exits 0" $? "$tmp/err"
  "$thaw" ingest "$tmp/corpus.jsonl" --db "$killed" --batch 25 2>"$tmp/again"
  grep -q " 0 stored " "$tmp/again"; check "$name: a third run stores nothing" $? "$tmp/again"
  "$thaw" export --db "$clean" --format jsonl --include-duplicates >"$tmp/clean.jsonl" 2>/dev/null
  "$thaw" export --db "$killed" --format jsonl --include-duplicates >"$tmp/killed.jsonl" 2>/dev/null
  [ -s "$tmp/clean.jsonl" ]; check "$name: the clean store has events" $?
  diff "$tmp/clean.jsonl" "$tmp/killed.jsonl" >"$tmp/diff"
  check "$name: killed-and-resumed store exports the same events" $? "$tmp/diff"
  "$thaw" export --db "$killed" --format phoenix-tsv >"$tmp/killed.tsv" 2>/dev/null
  "$thaw" export --db "$clean" --format phoenix-tsv >"$tmp/clean.tsv" 2>/dev/null
  diff "$tmp/clean.tsv" "$tmp/killed.tsv" >"$tmp/diff"
  check "$name: same counted events (near-duplicates once)" $? "$tmp/diff"
  echo "$name: $(wc -l <"$tmp/clean.jsonl") events stored, $(($(wc -l <"$tmp/clean.tsv") - 1)) counted"
}

# SQLite: also compare the documents table row by row and check each document is whole.
run_backend sqlite "$tmp/killed.db"
python3 - "$tmp/clean.db" "$tmp/killed.db" <<'PY'
import sqlite3, sys
def docs(path):
    c = sqlite3.connect(path)
    rows = c.execute("SELECT id, content_hash, doc_key, duplicate_of, n_sentences, n_events FROM documents ORDER BY id").fetchall()
    bad = c.execute("""SELECT COUNT(*) FROM documents d WHERE n_events != (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id)
                       OR n_sentences != (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id)""").fetchone()[0]
    orphans = c.execute("SELECT COUNT(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    agg = c.execute("SELECT SUM(n_events) FROM dyad_day").fetchone()[0]
    counted = c.execute("SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.duplicate_of IS NULL").fetchone()[0]
    return rows, bad, orphans, agg, counted
a, b = docs(sys.argv[1]), docs(sys.argv[2])
ok = a[0] == b[0] and a[1:3] == (0, 0) and b[1:3] == (0, 0) and a[3] == a[4] and b[3] == b[4]
print("documents: %d clean, %d resumed; %d near-duplicates; half-written %d; orphan events %d; aggregates %s = counted %s"
      % (len(a[0]), len(b[0]), sum(1 for r in b[0] if r[3]), b[1], b[2], b[3], b[4]))
sys.exit(0 if ok and len(a[0]) > 2000 else 1)
PY
check "sqlite: same documents, each whole, aggregates match the events" $?

if [ -n "${THAW_TEST_PG:-}" ] && command -v psql >/dev/null; then
  export PGOPTIONS="--client-min-messages=warning"
  schema="kill_test_$$"
  psql "$THAW_TEST_PG" -qc "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" >/dev/null
  sep='?'; case "$THAW_TEST_PG" in *\?*) sep='&';; esac
  pg="$THAW_TEST_PG${sep}options=-csearch_path%3D$schema"
  # The PostgreSQL store is killed and resumed; its exports must equal the SQLite clean run's.
  run_backend postgresql "$pg"
  psql "$THAW_TEST_PG" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
else
  echo "skip: PostgreSQL kill test (set THAW_TEST_PG=postgresql://... to run it)"
fi

echo "ingest_kill_test: $fails failures"
[ "$fails" -eq 0 ]
