#!/bin/bash
# merge val30 from $V (default /work/v49) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v49}
cd "$MAIN"
cat $V/articles.jsonl >> tests/data/events/articles.jsonl
cat $V/records.jsonl >> tests/data/actions/records.jsonl
{ echo; cat $V/STORIES.md; } >> tests/data/events/STORIES.md
{ echo; cat $V/README_events.md; } >> tests/data/events/README.md
{ echo; cat $V/README_actions.md; } >> tests/data/actions/README.md
python3 - <<'PY'
def sub(path, old, new, count=1):
    s = open(path, encoding="utf-8").read()
    assert s.count(old) == count, (path, old, s.count(old))
    s = s.replace(old, new)
    open(path, "w", encoding="utf-8").write(s)
sub("extractors/evaluate_articles.py", '"val28", "val29")\n', '"val28", "val29", "val30")\n')
sub("sinowatch/cli_extract.py", "val28 and val29 (choose conf", "val28, val29 and val30 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val29,", "validation (val6..val30,")
sub("sinowatch/cli_actions.py", "val28 or val29 (choose)", "val28, val29 or val30 (choose)")
sub("tests/extractors/test_event_articles.py", '"val28", "val29", "test",', '"val28", "val29", "val30", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val29|", "(dev|val30|val29|")
sub("tests/extractors/test_event_articles.py", '("val28", "v28"), ("val29", "v29")]', '("val28", "v28"), ("val29", "v29"), ("val30", "v30")]')
sub("tests/extractors/test_event_articles.py", "The second to twenty-ninth validation splits (rounds 12-15 and 25-48,",
    "The second to thirtieth validation splits (rounds 12-15 and 25-49,")
sub("tests/extractors/test_eval_articles.py", "val28, val29, test, holdout", "val28, val29, val30, test, holdout")
sub("models/events/data.py", "``val``..``val29``", "``val``..``val30``")
sub("README.md", "val29\\|test\\|holdout\\|", "val29\\|val30\\|test\\|holdout\\|", count=2)
import os
R = int(os.environ.get("RECS", "5"))
if R != 5:
    why = os.environ["WHY"]
    sub("tests/extractors/test_event_articles.py", '"val28": 4}.get(split, 5)', f'"val28": 4, "val30": {R}}}.get(split, 5)')
    sub("tests/extractors/test_event_articles.py", "    # round 47's val28 writer found official records of only four of its actions and invented none (its final message)\n",
        "    # round 47's val28 writer found official records of only four of its actions and invented none (its final message)\n"
        f"    # round 49's val30 writer {why} (its final message)\n")
PY
echo merged val30
