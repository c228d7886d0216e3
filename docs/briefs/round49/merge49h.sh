#!/bin/bash
# merge holdout47 from $H (default /work/h47) into $MAIN without printing its contents; TARGETED = the writer's
# count of actions on watched firms, RECS = the floor of records of its actions
set -eu
MAIN=${MAIN:-/work/main}; H=${H:-/work/h47}; TARGETED=${TARGETED:?}; RECS=${RECS:-5}; TWHY=${TWHY:-}; WHY=${WHY:-}
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
sub("extractors/evaluate_articles.py", '"holdout45", "holdout46")\n', '"holdout45", "holdout46", "holdout47")\n')
sub("extractors/evaluate_articles.py", "SEALED: tuple[str, ...] = ()", 'SEALED: tuple[str, ...] = ("holdout47",)')
sub("sinowatch/cli_extract.py", "holdout45, holdout46 (spent: errors listed; a new round writes a new sealed holdout)",
    "holdout45, holdout46 (spent: errors listed), holdout47 (this round's sealed set; once scored it is spent)")
sub("sinowatch/cli_actions.py", "test, holdout..holdout46", "test, holdout..holdout47")
sub("tests/extractors/test_event_articles.py", '"holdout45", "holdout46"}', '"holdout45", "holdout46", "holdout47"}')
sub("tests/extractors/test_event_articles.py", "|test|holdout46|", "|test|holdout47|holdout46|")
sub("tests/extractors/test_event_articles.py", '("holdout46", "h46", 1)])',
    '("holdout46", "h46", 1),\n'
    f"                                                      # round 49's count of actions on watched firms ({os.environ['TWHY'] or 'its writer' + chr(39) + 's count'})\n"
    f'                                                      ("holdout47", "h47", {T})])')
sub("tests/extractors/test_event_articles.py", "The holdout10 to holdout46 splits (rounds 12-48,", "The holdout10 to holdout47 splits (rounds 12-49,")
if R != 5:
    sub("tests/extractors/test_event_articles.py", '"holdout43": 4}.get(split, 5)', f'"holdout43": 4, "holdout47": {R}}}.get(split, 5)')
    sub("tests/extractors/test_event_articles.py", "    # document or screening-list entry, and it invented none (its final message): all its records are decoys\n",
        "    # document or screening-list entry, and it invented none (its final message): all its records are decoys\n"
        f"    # round 49's writer {os.environ['WHY']} (its final message)\n")
sub("README.md", "\\|...\\|holdout46\\|validation", "\\|...\\|holdout47\\|validation")
sub("README.md", "holdout\\|...\\|holdout46`", "holdout\\|...\\|holdout47`")
PY
echo merged holdout47
