#!/bin/bash
# merge holdout45 from $H (default /work/h45) into $MAIN without printing its contents; TARGETED = the writer's
# count of actions on watched firms, RECS = the floor of records of its actions
set -eu
MAIN=${MAIN:-/work/main}; H=${H:-/work/h45}; TARGETED=${TARGETED:?}; RECS=${RECS:-5}; TWHY=${TWHY:-}; WHY=${WHY:-}
cd "$MAIN"
cat $H/ev/articles.jsonl >> tests/data/events/articles.jsonl
cat $H/ev/records.jsonl >> tests/data/actions/records.jsonl
{ echo; cat $H/ev/STORIES.md; } >> tests/data/events/STORIES.md
{ echo; cat $H/ev/README_events.md; } >> tests/data/events/README.md
{ echo; cat $H/ev/README_actions.md; } >> tests/data/actions/README.md
TARGETED=$TARGETED RECS=$RECS TWHY="$TWHY" WHY="$WHY" python3 - <<'PY'
import os
T, R = int(os.environ["TARGETED"]), int(os.environ["RECS"])
def sub(path, old, new, count=1):
    s = open(path, encoding="utf-8").read()
    assert s.count(old) == count, (path, old, s.count(old))
    s = s.replace(old, new)
    open(path, "w", encoding="utf-8").write(s)
sub("extractors/evaluate_articles.py", '"holdout43", "holdout44")\n', '"holdout43", "holdout44", "holdout45")\n')
sub("extractors/evaluate_articles.py", "SEALED: tuple[str, ...] = ()", 'SEALED: tuple[str, ...] = ("holdout45",)')
sub("sinowatch/cli_extract.py", "holdout43, holdout44 (spent: errors listed; a new round writes a new sealed holdout)",
    "holdout43, holdout44 (spent: errors listed), holdout45 (this round's sealed set; once scored it is spent)")
sub("sinowatch/cli_actions.py", "test, holdout..holdout44", "test, holdout..holdout45")
sub("tests/extractors/test_event_articles.py", '"holdout43", "holdout44"}', '"holdout43", "holdout44", "holdout45"}')
sub("tests/extractors/test_event_articles.py", "|test|holdout44|", "|test|holdout45|holdout44|")
sub("tests/extractors/test_event_articles.py", '("holdout44", "h44", 2)])',
    '("holdout44", "h44", 2),\n'
    f"                                                      # round 47's count of actions on watched firms ({os.environ['TWHY'] or 'its writer' + chr(39) + 's count'})\n"
    f'                                                      ("holdout45", "h45", {T})])')
sub("tests/extractors/test_event_articles.py", "The holdout10 to holdout44 splits (rounds 12-46,", "The holdout10 to holdout45 splits (rounds 12-47,")
if R != 5:
    sub("tests/extractors/test_event_articles.py", '"holdout43": 4}.get(split, 5)', f'"holdout43": 4, "holdout45": {R}}}.get(split, 5)')
    sub("tests/extractors/test_event_articles.py", "    # document or screening-list entry, and it invented none (its final message): all its records are decoys\n",
        "    # document or screening-list entry, and it invented none (its final message): all its records are decoys\n"
        f"    # round 47's writer {os.environ['WHY']} (its final message)\n")
sub("README.md", "\\|...\\|holdout44\\|validation", "\\|...\\|holdout45\\|validation")
sub("README.md", "holdout\\|...\\|holdout44`", "holdout\\|...\\|holdout45`")
PY
echo merged holdout45
