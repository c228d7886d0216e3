#!/bin/bash
# merge val24 from $V (default /work/v43) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v43}
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
sub("extractors/evaluate_articles.py", '"val22", "val23")\n', '"val22", "val23", "val24")\n')
sub("sinowatch/cli_extract.py", "val22 and val23 (choose conf", "val22, val23 and val24 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val23,", "validation (val6..val24,")
sub("sinowatch/cli_actions.py", "val22 or val23 (choose)", "val22, val23 or val24 (choose)")
sub("tests/extractors/test_event_articles.py", '"val22", "val23", "test",', '"val22", "val23", "val24", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val23|", "(dev|val24|val23|")
sub("tests/extractors/test_event_articles.py", '("val22", "v22"), ("val23", "v23")]', '("val22", "v22"), ("val23", "v23"), ("val24", "v24")]')
sub("tests/extractors/test_event_articles.py", "The second to twenty-third validation splits (rounds 12-15 and 25-42,",
    "The second to twenty-fourth validation splits (rounds 12-15 and 25-43,")
sub("tests/extractors/test_eval_articles.py", "val22, val23, test, holdout", "val22, val23, val24, test, holdout")
sub("models/events/data.py", "``val``..``val23``", "``val``..``val24``")
sub("README.md", "val23\\|test\\|holdout\\|", "val23\\|val24\\|test\\|holdout\\|", count=2)
import os
R = int(os.environ.get("RECS", "5"))
if R != 5:
    sub("tests/extractors/test_event_articles.py", '{"val21": 1}.get(split, 5)', f'{{"val21": 1, "val24": {R}}}.get(split, 5)')
PY
echo merged val24
