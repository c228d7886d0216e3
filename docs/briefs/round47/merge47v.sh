#!/bin/bash
# merge val28 from $V (default /work/v47) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v47}
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
sub("extractors/evaluate_articles.py", '"val26", "val27")\n', '"val26", "val27", "val28")\n')
sub("sinowatch/cli_extract.py", "val26 and val27 (choose conf", "val26, val27 and val28 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val27,", "validation (val6..val28,")
sub("sinowatch/cli_actions.py", "val26 or val27 (choose)", "val26, val27 or val28 (choose)")
sub("tests/extractors/test_event_articles.py", '"val26", "val27", "test",', '"val26", "val27", "val28", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val27|", "(dev|val28|val27|")
sub("tests/extractors/test_event_articles.py", '("val26", "v26"), ("val27", "v27")]', '("val26", "v26"), ("val27", "v27"), ("val28", "v28")]')
sub("tests/extractors/test_event_articles.py", "The second to twenty-seventh validation splits (rounds 12-15 and 25-46,",
    "The second to twenty-eighth validation splits (rounds 12-15 and 25-47,")
sub("tests/extractors/test_eval_articles.py", "val26, val27, test, holdout", "val26, val27, val28, test, holdout")
sub("models/events/data.py", "``val``..``val27``", "``val``..``val28``")
sub("README.md", "val27\\|test\\|holdout\\|", "val27\\|val28\\|test\\|holdout\\|", count=2)
import os
R = int(os.environ.get("RECS", "5"))
if R != 5:
    why = os.environ["WHY"]
    sub("tests/extractors/test_event_articles.py", '"val26": 0}.get(split, 5)', f'"val26": 0, "val28": {R}}}.get(split, 5)')
    sub("tests/extractors/test_event_articles.py", "    # round 45's val26 writer found no official record of any of its actions and invented none (its final message)\n",
        "    # round 45's val26 writer found no official record of any of its actions and invented none (its final message)\n"
        f"    # round 47's val28 writer {why} (its final message)\n")
PY
echo merged val28
