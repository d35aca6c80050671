#!/usr/bin/env python3
"""Scores `thaw code` on the demo corpus against examples/demo/expected.tsv.

Usage: scripts/demo_score.py [THAW_BINARY] [-v] [--set DIR]
DIR (default examples/demo) holds corpus.jsonl, expected.tsv and optionally raw/.
An emitted event matches an expected one in the same sentence when the source and target
countries (first three letters of the codes) agree ("dyad") and, for "strict", the CAMEO root
too. Prints precision and recall for both; -v lists unmatched events for judging by hand.
"""
import csv, json, os, re, subprocess, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
demo = os.path.join(root, "examples", "demo")
argv = sys.argv[1:]
if "--set" in argv:
    at = argv.index("--set")
    if at + 1 >= len(argv):
        sys.exit("demo_score.py: --set needs a directory")
    demo = argv[at + 1]
    del argv[at:at + 2]
args = [a for a in argv if a != "-v"]
verbose = "-v" in argv
thaw = args[0] if args else os.path.join(root, "build", "thaw")
inputs = [os.path.join(demo, "corpus.jsonl")]
if os.path.isdir(os.path.join(demo, "raw")):
    inputs.append(os.path.join(demo, "raw"))

def norm(s):
    return " ".join(s.replace("\u2019", "'").split())

texts = {}
doc = None
for line in subprocess.run([thaw, "parse", *inputs], capture_output=True, text=True, check=True).stdout.splitlines():
    if line.startswith("# sent_id = "):
        sid = line[len("# sent_id = "):]
    elif line.startswith("# text = "):
        texts[sid] = norm(line[len("# text = "):])
events = [json.loads(l) for l in subprocess.run([thaw, "code", *inputs], capture_output=True, text=True,
                                                check=True).stdout.splitlines() if l.strip()]
expected = list(csv.DictReader(open(os.path.join(demo, "expected.tsv")), delimiter="\t"))
# thaw codes a JSON Lines document's text, not its title: rows coding a title are left out.
titles = {}
for line in open(os.path.join(demo, "corpus.jsonl")):
    if line.strip():
        d = json.loads(line)
        titles[d["id"]] = norm(d.get("title", ""))
in_title = [ex for ex in expected if titles.get(ex["doc_id"]) and titles[ex["doc_id"]].startswith(norm(ex["sentence_start"]))]
expected = [ex for ex in expected if ex not in in_title]
if in_title:
    print(f"({len(in_title)} expected events in titles left out)")
# A dateline is a sentence of its own in thaw: "SEOUL, Dec 5 (Reuters) - The ..." starts at "The".
dateline = re.compile(r"^[A-Z][A-Z .'-]*(, [^()]*)?\([A-Za-z]+\) ?[-\u2013\u2014] ")
for ex in expected:
    ex["sentence_start"] = dateline.sub("", norm(ex["sentence_start"]))

def doc_key(d):
    return d[:-4] if d.endswith(".txt") else d

def same_sentence(ev, ex):
    return doc_key(ev["doc_id"]) == ex["doc_id"] and texts.get(ev["sentence_id"], "").startswith(norm(ex["sentence_start"]))

def match(ev, ex, strict):
    if not same_sentence(ev, ex) or ev["source"][:3] != ex["source"][:3] or ev["target"][:3] != ex["target"][:3]:
        return False
    return not strict or ev["code"][:2] == ex["root"]

for strict in (False, True):
    ok = sum(1 for ev in events if any(match(ev, ex, strict) for ex in expected))
    found = sum(1 for ex in expected if any(match(ev, ex, strict) for ev in events))
    name = "strict" if strict else "dyad"
    print(f"{name}: emitted {len(events)}, matching {ok} (precision {ok / max(len(events), 1):.3f}); "
          f"expected {len(expected)}, found {found} (recall {found / max(len(expected), 1):.3f})")
if verbose:
    for ev in events:
        if any(match(ev, ex, False) for ex in expected) and not any(match(ev, ex, True) for ex in expected):
            roots = ",".join(ex["code"] for ex in expected if match(ev, ex, False))
            print("ROOT", ev["doc_id"], ev["source"], ev["target"], ev["code"], "expected", roots, "|", ev["verb"], "|",
                  texts.get(ev["sentence_id"], "?")[:120])
    for ev in events:
        if not any(match(ev, ex, False) for ex in expected):
            print("UNMATCHED", ev["doc_id"], ev["source"], ev["target"], ev["code"], "|", ev["source_text"], "|",
                  ev["verb"], "|", ev["target_text"], "|", texts.get(ev["sentence_id"], "?")[:150])
    for ex in expected:
        if not any(match(ev, ex, True) for ev in events):
            print("MISSED", ex["doc_id"], ex["source"], ex["target"], ex["code"], "|", ex["sentence_start"], "|", ex["note"])
