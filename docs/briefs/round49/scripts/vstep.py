"""V of SHIPPED_RULE against SHIPPED_RULE with one switch on: usage vstep.py FIELD"""
import dataclasses, sys
from sinowatch.models.sentiment.eval_events import choose
from sinowatch.models.sentiment.policy import SHIPPED_RULE
new = dataclasses.replace(SHIPPED_RULE, **{sys.argv[1]: True})
r = choose("../shared/data/sentiment", grid=[SHIPPED_RULE, new], baseline=SHIPPED_RULE)
for k, v in r.items():
    print(k, v)
