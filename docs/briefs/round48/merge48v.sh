#!/bin/bash
# merge val29 from $V (default /work/v48) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v48}
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
sub("extractors/evaluate_articles.py", '"val27", "val28")\n', '"val27", "val28", "val29")\n')
sub("sinowatch/cli_extract.py", "val27 and val28 (choose conf", "val27, val28 and val29 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val28,", "validation (val6..val29,")
sub("sinowatch/cli_actions.py", "val27 or val28 (choose)", "val27, val28 or val29 (choose)")
sub("tests/extractors/test_event_articles.py", '"val27", "val28", "test",', '"val27", "val28", "val29", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val28|", "(dev|val29|val28|")
sub("tests/extractors/test_event_articles.py", '("val27", "v27"), ("val28", "v28")]', '("val27", "v27"), ("val28", "v28"), ("val29", "v29")]')
sub("tests/extractors/test_event_articles.py", "The second to twenty-eighth validation splits (rounds 12-15 and 25-47,",
    "The second to twenty-ninth validation splits (rounds 12-15 and 25-48,")
sub("tests/extractors/test_eval_articles.py", "val27, val28, test, holdout", "val27, val28, val29, test, holdout")
sub("models/events/data.py", "``val``..``val28``", "``val``..``val29``")
sub("README.md", "val28\\|test\\|holdout\\|", "val28\\|val29\\|test\\|holdout\\|", count=2)
import os
R = int(os.environ.get("RECS", "5"))
if R != 5:
    why = os.environ["WHY"]
    sub("tests/extractors/test_event_articles.py", '"val28": 4}.get(split, 5)', f'"val28": 4, "val29": {R}}}.get(split, 5)')
    sub("tests/extractors/test_event_articles.py", "    # round 47's val28 writer found official records of only four of its actions and invented none (its final message)\n",
        "    # round 47's val28 writer found official records of only four of its actions and invented none (its final message)\n"
        f"    # round 48's val29 writer {why} (its final message)\n")
PY
echo merged val29
