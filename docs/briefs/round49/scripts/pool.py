"""Pooled figures of the extractor on every readable group; dump of predictions. usage: pool.py OUT.json"""
import json, sys, time
from sinowatch.extractors.evaluate_articles import (load_articles, score_article, ArticleScore, VALIDATION_SPLITS,
    DEVELOPMENT_SPLITS, SPENT, SEALED)
from sinowatch.extractors.pipeline import Extractor
from sinowatch.config import Config
from sinowatch.scoring import load_event_model
from sinowatch.records import Document
t0 = time.time()
rows = load_articles()
groups = {"validation": VALIDATION_SPLITS, "val6-29": tuple(v for v in VALIDATION_SPLITS if v != "val30"),
          "val29": ("val29",), "val30": ("val30",), "development": DEVELOPMENT_SPLITS, "spent": SPENT, "dev": ("dev",)}
want = set().union(*groups.values()) - set(SEALED) - {"test"}
chosen = [r for r in rows if r["split"] in want]
cfg = Config()
ex = Extractor.load(cfg.extraction, event_model=load_event_model(cfg))
docs = [Document(id=r["id"], title=r["title"], text=r["text"], lang=r["lang"], published=r.get("published")) for r in chosen]
scores = {g: ArticleScore() for g in groups}
dump = {}
for row, e in zip(chosen, ex.extract(docs, batch_size=16), strict=True):
    for g, names in groups.items():
        if row["split"] in names:
            score_article(scores[g], row, e)
    dump[row["id"]] = sorted([ev.type, str(ev.status), str(ev.actor), sorted(ev.targets), ev.sentence] for ev in e.events)
print("extractor", ex.version, f"{time.time()-t0:.0f}s")
for g, s in scores.items():
    if not s.n:
        continue
    pt = s.per_type
    print(f"{g:<12} n={s.n:4d} F1 {s.events.f1:.4f} P {s.events.precision:.4f} R {s.events.recall:.4f} "
          f"EC {pt['export_control'].tp}/{pt['export_control'].fp}/{pt['export_control'].fn} "
          f"EL {pt['entity_list'].tp}/{pt['entity_list'].fp}/{pt['entity_list'].fn} "
          f"status {s.status.hit}/{s.status.n} actor {s.actor.hit}/{s.actor.n}")
    if g not in ("validation", "val6-29", "val29", "val30"):  # validation: pooled figures only, no errors by type
        print("   fp/fn by type: " + ", ".join(f"{t} {c.fp}/{c.fn}" for t, c in pt.items() if c.fp or c.fn))
json.dump(dump, open(sys.argv[1], "w"), ensure_ascii=False, sort_keys=True)
