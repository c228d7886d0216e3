"""scan.py REGEX [TYPE]: sentences of readable splits (dev, development, spent) matching REGEX, with the gold events
whose evidence lies in the sentence (type/status). Validation and sealed splits are never read."""
import json, re, sys
from sinowatch.extractors.evaluate_articles import load_articles, DEVELOPMENT_SPLITS, SPENT
rx = re.compile(sys.argv[1], re.I)
T = sys.argv[2] if len(sys.argv) > 2 else None
ok = set(DEVELOPMENT_SPLITS) | set(SPENT) | {"dev"}
n = hit = 0
for r in load_articles():
    if r["split"] not in ok:
        continue
    text = r["title"] + "\n" + r["text"]
    for s in re.split(r"(?<=[.!?。！？；])\s*|\n", text):
        if not s or not rx.search(s):
            continue
        gold = [f'{e["type"]}/{e["status"]}' for e in r["events"] if e.get("evidence") and (e["evidence"][:40] in s or s[:60] in e["evidence"])]
        n += 1
        if T and any(g.startswith(T + "/") for g in gold):
            hit += 1
        print(r["id"], r["split"], gold, "|", s[:200])
print(f"{n} sentences; with gold {T}: {hit}")
