from sinowatch.models.sentiment.eval_events import choose
from sinowatch.models.sentiment.policy import SHIPPED_RULE
from sinowatch.extractors.pipeline import EXTRACTOR_VERSION
r = choose("../shared/data/sentiment", grid=[SHIPPED_RULE], baseline=SHIPPED_RULE)
print(EXTRACTOR_VERSION, SHIPPED_RULE.tag, r["baseline"])
print("alone", r["model_only"])
