#!/bin/bash
# merge holdout43 from $H (default /work/h43) into $MAIN without printing its contents; TARGETED = the writer's
# count of actions on watched firms, RECS = the floor of records of its actions
set -eu
MAIN=${MAIN:-/work/main}; H=${H:-/work/h43}; TARGETED=${TARGETED:?}; RECS=${RECS:-5}
cd "$MAIN"
cat $H/ev/articles.jsonl >> tests/data/events/articles.jsonl
cat $H/ev/records.jsonl >> tests/data/actions/records.jsonl
{ echo; cat $H/ev/STORIES.md; } >> tests/data/events/STORIES.md
{ echo; cat $H/ev/README_events.md; } >> tests/data/events/README.md
{ echo; cat $H/ev/README_actions.md; } >> tests/data/actions/README.md
TARGETED=$TARGETED RECS=$RECS python3 - <<'PY'
import os
T, R = int(os.environ["TARGETED"]), int(os.environ["RECS"])
def sub(path, old, new, count=1):
    s = open(path, encoding="utf-8").read()
    assert s.count(old) == count, (path, old, s.count(old))
    s = s.replace(old, new)
    open(path, "w", encoding="utf-8").write(s)
sub("extractors/evaluate_articles.py", '"holdout41", "holdout42")\n', '"holdout41", "holdout42", "holdout43")\n')
sub("extractors/evaluate_articles.py", "SEALED: tuple[str, ...] = ()", 'SEALED: tuple[str, ...] = ("holdout43",)')
sub("sinowatch/cli_extract.py", "holdout41, holdout42 (spent: errors listed; a new round writes a new sealed holdout)",
    "holdout41, holdout42 (spent: errors listed), holdout43 (this round's sealed set; once scored it is spent)")
sub("sinowatch/cli_actions.py", "test, holdout..holdout42", "test, holdout..holdout43")
sub("tests/extractors/test_event_articles.py", '"holdout41", "holdout42"}', '"holdout41", "holdout42", "holdout43"}')
sub("tests/extractors/test_event_articles.py", "|test|holdout42|", "|test|holdout43|holdout42|")
sub("tests/extractors/test_event_articles.py", '("holdout42", "h42", 2)])',
    '("holdout42", "h42", 2),\n'
    "                                                      # round 45's count of actions on watched firms (its writer's count)\n"
    f'                                                      ("holdout43", "h43", {T})])')
sub("tests/extractors/test_event_articles.py", "The holdout10 to holdout42 splits (rounds 12-44,", "The holdout10 to holdout43 splits (rounds 12-45,")
if R != 5:
    sub("tests/extractors/test_event_articles.py", '"holdout35": 0}.get(split, 5)', f'"holdout35": 0, "holdout43": {R}}}.get(split, 5)')
sub("README.md", "\\|...\\|holdout42\\|validation", "\\|...\\|holdout43\\|validation")
sub("README.md", "holdout\\|...\\|holdout42`", "holdout\\|...\\|holdout43`")
PY
echo merged holdout43
