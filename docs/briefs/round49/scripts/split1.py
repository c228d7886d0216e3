"""figures of one split only (no errors): usage split1.py SPLIT"""
import sys
from sinowatch.extractors.evaluate_articles import load_articles, score_article, ArticleScore
from sinowatch.extractors.pipeline import Extractor
from sinowatch.config import Config
from sinowatch.scoring import load_event_model
from sinowatch.records import Document
rows = [r for r in load_articles() if r["split"] == sys.argv[1]]
ex = Extractor.load(Config().extraction, event_model=load_event_model(Config()))
docs = [Document(id=r["id"], title=r["title"], text=r["text"], lang=r["lang"], published=r.get("published")) for r in rows]
s = ArticleScore()
for row, e in zip(rows, ex.extract(docs)):
    score_article(s, row, e)
c = s.per_type["investigation"]
print(sys.argv[1], f"F1 {s.events.f1:.4f} investigation {c.tp}/{c.fp}/{c.fn}")
