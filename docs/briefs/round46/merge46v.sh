#!/bin/bash
# merge val27 from $V (default /work/v46) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v46}
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
sub("extractors/evaluate_articles.py", '"val25", "val26")\n', '"val25", "val26", "val27")\n')
sub("sinowatch/cli_extract.py", "val25 and val26 (choose conf", "val25, val26 and val27 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val26,", "validation (val6..val27,")
sub("sinowatch/cli_actions.py", "val25 or val26 (choose)", "val25, val26 or val27 (choose)")
sub("tests/extractors/test_event_articles.py", '"val25", "val26", "test",', '"val25", "val26", "val27", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val26|", "(dev|val27|val26|")
sub("tests/extractors/test_event_articles.py", '("val25", "v25"), ("val26", "v26")]', '("val25", "v25"), ("val26", "v26"), ("val27", "v27")]')
sub("tests/extractors/test_event_articles.py", "The second to twenty-sixth validation splits (rounds 12-15 and 25-45,",
    "The second to twenty-seventh validation splits (rounds 12-15 and 25-46,")
sub("tests/extractors/test_eval_articles.py", "val25, val26, test, holdout", "val25, val26, val27, test, holdout")
sub("models/events/data.py", "``val``..``val26``", "``val``..``val27``")
sub("README.md", "val26\\|test\\|holdout\\|", "val26\\|val27\\|test\\|holdout\\|", count=2)
import os
R = int(os.environ.get("RECS", "5"))
if R != 5:
    why = os.environ["WHY"]
    sub("tests/extractors/test_event_articles.py", '"val26": 0}.get(split, 5)', f'"val26": 0, "val27": {R}}}.get(split, 5)')
    sub("tests/extractors/test_event_articles.py", "    # round 45's val26 writer found no official record of any of its actions and invented none (its final message)\n",
        "    # round 45's val26 writer found no official record of any of its actions and invented none (its final message)\n"
        f"    # round 46's val27 writer {why} (its final message)\n")
PY
echo merged val27
