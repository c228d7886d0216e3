#!/bin/bash
# merge val25 from $V (default /work/v44) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v44}
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
sub("extractors/evaluate_articles.py", '"val23", "val24")\n', '"val23", "val24", "val25")\n')
sub("sinowatch/cli_extract.py", "val23 and val24 (choose conf", "val23, val24 and val25 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val24,", "validation (val6..val25,")
sub("sinowatch/cli_actions.py", "val23 or val24 (choose)", "val23, val24 or val25 (choose)")
sub("tests/extractors/test_event_articles.py", '"val23", "val24", "test",', '"val23", "val24", "val25", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val24|", "(dev|val25|val24|")
sub("tests/extractors/test_event_articles.py", '("val23", "v23"), ("val24", "v24")]', '("val23", "v23"), ("val24", "v24"), ("val25", "v25")]')
sub("tests/extractors/test_event_articles.py", "The second to twenty-fourth validation splits (rounds 12-15 and 25-43,",
    "The second to twenty-fifth validation splits (rounds 12-15 and 25-44,")
sub("tests/extractors/test_eval_articles.py", "val23, val24, test, holdout", "val23, val24, val25, test, holdout")
sub("models/events/data.py", "``val``..``val24``", "``val``..``val25``")
sub("README.md", "val24\\|test\\|holdout\\|", "val24\\|val25\\|test\\|holdout\\|", count=2)
import os
R = int(os.environ.get("RECS", "5"))
if R != 5:
    sub("tests/extractors/test_event_articles.py", '{"val21": 1}.get(split, 5)', f'{{"val21": 1, "val25": {R}}}.get(split, 5)')
PY
echo merged val25
