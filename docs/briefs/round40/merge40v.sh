#!/bin/bash
# merge val21 from $V (default /work/v40) into $MAIN (default /work/main) without printing its contents
set -eu
MAIN=${MAIN:-/work/main}; V=${V:-/work/v40}
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
sub("extractors/evaluate_articles.py", '"val19", "val20")\n', '"val19", "val20", "val21")\n')
sub("sinowatch/cli_extract.py", "val19 and val20 (choose conf", "val19, val20 and val21 (choose conf")
sub("sinowatch/cli_extract.py", "validation (val6..val20,", "validation (val6..val21,")
sub("sinowatch/cli_actions.py", "val19 or val20 (choose)", "val19, val20 or val21 (choose)")
sub("tests/extractors/test_event_articles.py", '"val19", "val20", "test",', '"val19", "val20", "val21", "test",')
sub("tests/extractors/test_event_articles.py", "(dev|val20|", "(dev|val21|val20|")
sub("tests/extractors/test_event_articles.py", '("val19", "v19"), ("val20", "v20")]', '("val19", "v19"), ("val20", "v20"), ("val21", "v21")]')
sub("tests/extractors/test_event_articles.py", "The second to twentieth validation splits (rounds 12-15 and 25-39,",
    "The second to twenty-first validation splits (rounds 12-15 and 25-40,")
sub("tests/extractors/test_eval_articles.py", "val19, val20, test, holdout", "val19, val20, val21, test, holdout")
sub("models/events/data.py", "``val``..``val20``", "``val``..``val21``")
sub("README.md", "val20\\|test\\|holdout\\|", "val20\\|val21\\|test\\|holdout\\|", count=2)
PY
echo merged val21
