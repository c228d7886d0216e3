import json, sys
sys.path.insert(0, "/work/main")
from sinowatch.extractors.evaluate_articles import load_articles, VALIDATION_SPLITS
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
split = {r["id"]: r["split"] for r in load_articles()}
ch = [k for k in a if a[k] != b.get(k)]
val = [k for k in ch if split[k] in VALIDATION_SPLITS]
print("changed", len(ch), "validation (count only)", len(val), "other:", " ".join(f"{k}({split[k]})" for k in ch if k not in val))
