"""Issue #19, round 5: ``train sentiment --zh-vocab`` (Han characters join the vocabulary)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SENTIMENT_DATA = ROOT.parent / "shared" / "data" / "sentiment"
needs_data = pytest.mark.skipif(not SENTIMENT_DATA.is_dir(), reason=f"shared data sets absent ({SENTIMENT_DATA})")


def test_zh_tokenizer_adds_training_characters_and_cuts_unknowns() -> None:
    from sinowatch.models.encoder import batch_tokenizer
    from sinowatch.models.sentiment.data import Example
    from sinowatch.models.sentiment.net import load_tokenizer
    from sinowatch.models.sentiment.train import base_model_path, unknown_rate, zh_tokenizer
    from tokenizers import Tokenizer

    rows = [Example("寒武纪", "寒武纪获得大额订单，股价涨停", "positive", "d")]
    text, added = zh_tokenizer(base_model_path(), rows)
    assert "寒" in added and "涨" in added
    base = load_tokenizer(base_model_path(), 128)
    extended = batch_tokenizer(Tokenizer.from_str(text), 128)
    assert extended.get_vocab_size() == base.get_vocab_size() + len(added)
    before, after = unknown_rate(base, rows), unknown_rate(extended, rows)
    assert before is not None and after is not None and after < before and after == 0.0
    # a character seen in no training row (nor the watchlist) stays unknown
    unseen = [Example("某", "齉齾", "neutral", "d")]
    assert unknown_rate(extended, unseen) == unknown_rate(base, unseen) > 0
    assert unknown_rate(extended, []) is None


@needs_data
@pytest.mark.slow
def test_training_with_zh_vocab_exports_a_model_that_reads_chinese(tmp_path: Path) -> None:
    from sinowatch.models.sentiment.dequant import checkpoint_from_artifact
    from sinowatch.models.sentiment.runtime import SentimentModel
    from sinowatch.models.sentiment.train import base_model_path, train

    rec = train(SENTIMENT_DATA, tmp_path / "art", epochs=1, max_rows=48, max_length=48, work_dir=tmp_path / "fp32",
                domain_epochs=1, soup=False, zh_vocab=True)
    assert rec["zh_vocab_added"] > 100  # the watchlist's Chinese names at least
    base_size = json.loads((Path(base_model_path()) / "tokenizer.json").read_text())["model"]["vocab"]
    vocab = json.loads((tmp_path / "art" / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    assert len(vocab) == len(base_size) + rec["zh_vocab_added"]
    model = SentimentModel.load(tmp_path / "art")
    (s,) = model.score([("寒武纪", "寒武纪被列入实体清单")])
    assert s.label in ("positive", "negative", "neutral")
    assert model._tok.encode("寒武纪").tokens.count("[UNK]") == 0
    # the int8 graph can be turned back into a checkpoint with the extended embeddings
    ck = checkpoint_from_artifact(tmp_path / "art", tmp_path / "deq")
    assert json.loads((ck / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"] == vocab
