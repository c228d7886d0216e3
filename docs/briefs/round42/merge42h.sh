#!/bin/bash
# merge holdout40 from $H (default /work/h40) into $MAIN without printing its contents; TARGETED = the writer's
# count of actions on watched firms, RECS = the floor of records of its actions
set -eu
MAIN=${MAIN:-/work/main}; H=${H:-/work/h40}; TARGETED=${TARGETED:?}; RECS=${RECS:-5}
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
sub("extractors/evaluate_articles.py", '"holdout38", "holdout39")\n', '"holdout38", "holdout39", "holdout40")\n')
sub("extractors/evaluate_articles.py", "SEALED: tuple[str, ...] = ()", 'SEALED: tuple[str, ...] = ("holdout40",)')
sub("sinowatch/cli_extract.py", "holdout38, holdout39 (spent: errors listed; a new round writes a new sealed holdout)",
    "holdout38, holdout39 (spent: errors listed), holdout40 (this round's sealed set; once scored it is spent)")
sub("sinowatch/cli_actions.py", "test, holdout..holdout39", "test, holdout..holdout40")
sub("tests/extractors/test_event_articles.py", '"holdout38", "holdout39"}', '"holdout38", "holdout39", "holdout40"}')
sub("tests/extractors/test_event_articles.py", "|test|holdout39|", "|test|holdout40|holdout39|")
sub("tests/extractors/test_event_articles.py", '("holdout39", "h39", 0)])',
    '("holdout39", "h39", 0),\n'
    "                                                      # round 42's writer's count of actions on watched firms (its final message)\n"
    f'                                                      ("holdout40", "h40", {T})])')
sub("tests/extractors/test_event_articles.py", "The holdout10 to holdout39 splits (rounds 12-41,", "The holdout10 to holdout40 splits (rounds 12-42,")
if R != 5:
    sub("tests/extractors/test_event_articles.py", '"holdout35": 0}.get(split, 5)', f'"holdout35": 0, "holdout40": {R}}}.get(split, 5)')
sub("README.md", "\\|...\\|holdout39\\|validation", "\\|...\\|holdout40\\|validation")
sub("README.md", "holdout\\|...\\|holdout39`", "holdout\\|...\\|holdout40`")
PY
echo merged holdout40
