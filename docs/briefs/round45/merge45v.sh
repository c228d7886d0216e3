#!/bin/bash
# merge val26 from $V (default /work/v45) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v45}
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
sub("extractors/evaluate_articles.py", '"val24", "val25")\n', '"val24", "val25", "val26")\n')
sub("sinowatch/cli_extract.py", "val24 and val25 (choose conf", "val24, val25 and val26 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val25,", "validation (val6..val26,")
sub("sinowatch/cli_actions.py", "val24 or val25 (choose)", "val24, val25 or val26 (choose)")
sub("tests/extractors/test_event_articles.py", '"val24", "val25", "test",', '"val24", "val25", "val26", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val25|", "(dev|val26|val25|")
sub("tests/extractors/test_event_articles.py", '("val24", "v24"), ("val25", "v25")]', '("val24", "v24"), ("val25", "v25"), ("val26", "v26")]')
sub("tests/extractors/test_event_articles.py", "The second to twenty-fifth validation splits (rounds 12-15 and 25-44,",
    "The second to twenty-sixth validation splits (rounds 12-15 and 25-45,")
sub("tests/extractors/test_eval_articles.py", "val24, val25, test, holdout", "val24, val25, val26, test, holdout")
sub("models/events/data.py", "``val``..``val25``", "``val``..``val26``")
sub("README.md", "val25\\|test\\|holdout\\|", "val25\\|val26\\|test\\|holdout\\|", count=2)
import os
R = int(os.environ.get("RECS", "5"))
if R != 5:
    sub("tests/extractors/test_event_articles.py", '{"val21": 1, "val25": 2}.get(split, 5)', f'{{"val21": 1, "val25": 2, "val26": {R}}}.get(split, 5)')
PY
echo merged val26
