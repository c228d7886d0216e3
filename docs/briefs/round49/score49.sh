#!/bin/bash
# score the sealed holdout47 once on a clean clone DIR (already set up with make setup); PART = events or sentiment
set -u
cd "$1"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
git log --oneline -1
if [ "${2:-events}" = events ]; then
echo "== events, default config"
.venv/bin/sinowatch eval --articles tests/data/events/articles.jsonl --split holdout47
printf '[extraction]\nevent_classifier = false\n' > /tmp/rules_only49.toml
echo "== events, rules only"
SINOWATCH_CONFIG=/tmp/rules_only49.toml .venv/bin/sinowatch eval --articles tests/data/events/articles.jsonl --split holdout47
echo "== actions"
.venv/bin/sinowatch eval-actions --articles tests/data/events/articles.jsonl --split holdout47
else
echo "== sentiment"
.venv/bin/sinowatch eval-sentiment --data /work/shared/data/sentiment --beat tests/data/sentiment_beat_holdout47.jsonl --no-baselines --policy-events
fi
