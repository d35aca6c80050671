#!/usr/bin/env python3
"""Scores `thaw code` on the demo corpus against examples/demo/expected.tsv.

Usage: scripts/demo_score.py [THAW_BINARY] [-v]
An emitted event matches an expected one in the same sentence when the source and target
countries (first three letters of the codes) agree ("dyad") and, for "strict", the CAMEO root
too. Prints precision and recall for both; -v lists unmatched events for judging by hand.
"""
import csv, json, os, subprocess, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
demo = os.path.join(root, "examples", "demo")
args = [a for a in sys.argv[1:] if a != "-v"]
verbose = "-v" in sys.argv
thaw = args[0] if args else os.path.join(root, "build", "thaw")
inputs = [os.path.join(demo, "corpus.jsonl"), os.path.join(demo, "raw")]

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
