#!/bin/bash
# merge holdout41 from $H (default /work/h41) into $MAIN without printing its contents; TARGETED = the writer's
# count of actions on watched firms, RECS = the floor of records of its actions
set -eu
MAIN=${MAIN:-/work/main}; H=${H:-/work/h41}; TARGETED=${TARGETED:?}; RECS=${RECS:-5}
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
sub("extractors/evaluate_articles.py", '"holdout39", "holdout40")\n', '"holdout39", "holdout40", "holdout41")\n')
sub("extractors/evaluate_articles.py", "SEALED: tuple[str, ...] = ()", 'SEALED: tuple[str, ...] = ("holdout41",)')
sub("sinowatch/cli_extract.py", "holdout39, holdout40 (spent: errors listed; a new round writes a new sealed holdout)",
    "holdout39, holdout40 (spent: errors listed), holdout41 (this round's sealed set; once scored it is spent)")
sub("sinowatch/cli_actions.py", "test, holdout..holdout40", "test, holdout..holdout41")
sub("tests/extractors/test_event_articles.py", '"holdout39", "holdout40"}', '"holdout39", "holdout40", "holdout41"}')
sub("tests/extractors/test_event_articles.py", "|test|holdout40|", "|test|holdout41|holdout40|")
sub("tests/extractors/test_event_articles.py", '("holdout40", "h40", 5)])',
    '("holdout40", "h40", 5),\n'
    "                                                      # round 43's writer's count of actions on watched firms (its final message)\n"
    f'                                                      ("holdout41", "h41", {T})])')
sub("tests/extractors/test_event_articles.py", "The holdout10 to holdout40 splits (rounds 12-42,", "The holdout10 to holdout41 splits (rounds 12-43,")
if R != 5:
    sub("tests/extractors/test_event_articles.py", '"holdout35": 0}.get(split, 5)', f'"holdout35": 0, "holdout41": {R}}}.get(split, 5)')
sub("README.md", "\\|...\\|holdout40\\|validation", "\\|...\\|holdout41\\|validation")
sub("README.md", "holdout\\|...\\|holdout40`", "holdout\\|...\\|holdout41`")
PY
echo merged holdout41
