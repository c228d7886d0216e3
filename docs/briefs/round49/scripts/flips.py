"""pairs of spent beat files where the layer changes the model's label: usage flips.py FILE..."""
import sys
from pathlib import Path
from sinowatch.models.sentiment.eval_events import pipeline_extractor, contexts, adjusted
from sinowatch.models.sentiment.data import load_domain
from sinowatch.models.sentiment.policy import SHIPPED_RULE
from sinowatch.models.sentiment.runtime import SentimentModel
model = SentimentModel.load(None)
ex = pipeline_extractor()
for f in sys.argv[1:]:
    rows = load_domain(Path(f), "x")
    sents = model.score([(e.target, e.text) for e in rows])
    ctx = contexts(rows, ex)
    adj = adjusted(sents, ctx, SHIPPED_RULE)
    good = bad = 0
    for e, s, a, c in zip(rows, sents, adj, ctx):
        if s.label != a.label:
            ok = "GAIN" if a.label == e.label else ("LOSS" if s.label == e.label else "BOTH-WRONG")
            good += ok == "GAIN"; bad += ok == "LOSS"
            print(f"{ok:10} gold={e.label} model={s.label} layer={a.label} target={e.target} ents={c[0]} evs={[ (v.type, str(v.status)) for v in c[1]]}\n    {e.text[:300]}")
    print(f, "gain", good, "loss", bad)
