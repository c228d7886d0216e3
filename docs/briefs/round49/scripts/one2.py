"""usage: one2.py ART_ID... | one2.py -t LANG 'sentence' : predicted events (type, status, actor, targets, trigger)"""
import json, sys
from sinowatch.extractors.pipeline import Extractor
from sinowatch.config import Config
from sinowatch.scoring import load_event_model
from sinowatch.records import Document
cfg = Config()
ex = Extractor.load(cfg.extraction, event_model=load_event_model(cfg))
if sys.argv[1] == "-t":
    lang = sys.argv[2]
    docs = [Document(id=f"s{i}", title="", text=t, lang=lang, published="2025-06-01") for i, t in enumerate(sys.argv[3:])]
    gold = {}
else:
    rows = {r["id"]: r for r in map(json.loads, open("tests/data/events/articles.jsonl"))}
    docs = [Document(id=a, title=rows[a]["title"], text=rows[a]["text"], lang=rows[a]["lang"], published=rows[a].get("published")) for a in sys.argv[1:]]
    gold = {a: rows[a].get("events") for a in sys.argv[1:]}
for d, e in zip(docs, ex.extract(docs)):
    print("==", d.id, d.published, d.title)
    for g in gold.get(d.id) or []:
        print("  GOLD", {k: v for k, v in g.items() if k in ("type", "status", "actor", "targets", "sentence", "evidence")})
    for ev in e.events:
        print("  PRED", ev.type, ev.status, ev.actor, sorted(ev.targets), getattr(ev, "trigger", ""), "|", ev.sentence[:200])
