#!/bin/bash
# merge val23 from $V (default /work/v42) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v42}
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
sub("extractors/evaluate_articles.py", '"val21", "val22")\n', '"val21", "val22", "val23")\n')
sub("sinowatch/cli_extract.py", "val21 and val22 (choose conf", "val21, val22 and val23 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val22,", "validation (val6..val23,")
sub("sinowatch/cli_actions.py", "val21 or val22 (choose)", "val21, val22 or val23 (choose)")
sub("tests/extractors/test_event_articles.py", '"val21", "val22", "test",', '"val21", "val22", "val23", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val22|", "(dev|val23|val22|")
sub("tests/extractors/test_event_articles.py", '("val21", "v21"), ("val22", "v22")]', '("val21", "v21"), ("val22", "v22"), ("val23", "v23")]')
sub("tests/extractors/test_event_articles.py", "The second to twenty-second validation splits (rounds 12-15 and 25-41,",
    "The second to twenty-third validation splits (rounds 12-15 and 25-42,")
sub("tests/extractors/test_eval_articles.py", "val21, val22, test, holdout", "val21, val22, val23, test, holdout")
sub("models/events/data.py", "``val``..``val22``", "``val``..``val23``")
sub("README.md", "val22\\|test\\|holdout\\|", "val22\\|val23\\|test\\|holdout\\|", count=2)
import os
R = int(os.environ.get("RECS", "5"))
if R != 5:
    sub("tests/extractors/test_event_articles.py", '{"val21": 1}.get(split, 5)', f'{{"val21": 1, "val23": {R}}}.get(split, 5)')
PY
echo merged val23
