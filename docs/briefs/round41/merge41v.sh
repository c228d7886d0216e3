#!/bin/bash
# merge val22 from $V (default /work/v41) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v41}
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
sub("extractors/evaluate_articles.py", '"val20", "val21")\n', '"val20", "val21", "val22")\n')
sub("sinowatch/cli_extract.py", "val20 and val21 (choose conf", "val20, val21 and val22 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val21,", "validation (val6..val22,")
sub("sinowatch/cli_actions.py", "val20 or val21 (choose)", "val20, val21 or val22 (choose)")
sub("tests/extractors/test_event_articles.py", '"val20", "val21", "test",', '"val20", "val21", "val22", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val21|", "(dev|val22|val21|")
sub("tests/extractors/test_event_articles.py", '("val20", "v20"), ("val21", "v21")]', '("val20", "v20"), ("val21", "v21"), ("val22", "v22")]')
sub("tests/extractors/test_event_articles.py", "The second to twenty-first validation splits (rounds 12-15 and 25-40,",
    "The second to twenty-second validation splits (rounds 12-15 and 25-41,")
sub("tests/extractors/test_eval_articles.py", "val20, val21, test, holdout", "val20, val21, val22, test, holdout")
sub("models/events/data.py", "``val``..``val21``", "``val``..``val22``")
sub("README.md", "val21\\|test\\|holdout\\|", "val21\\|val22\\|test\\|holdout\\|", count=2)
import os
R = int(os.environ.get("RECS", "5"))
if R != 5:
    sub("tests/extractors/test_event_articles.py", '{"val21": 1}.get(split, 5)', f'{{"val21": 1, "val22": {R}}}.get(split, 5)')
PY
echo merged val22
