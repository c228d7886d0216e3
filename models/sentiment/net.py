"""The sentiment net and its inputs, shared by the runtime and training: the tokenizer, the padded
batch arrays (with the target mask), the network and the fp32 checkpoint it loads from.

Training (:mod:`train`) builds on this module; the runtime (:mod:`runtime`) needs only this one,
never the training code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.encoder import batch_tokenizer, pad_batch
from sinowatch.models.sentiment.data import LABELS, MARK_CLOSE, MARK_OPEN


def load_tokenizer(path: str | Path, max_length: int) -> Any:
    """A fast ``tokenizers.Tokenizer`` with truncation set; padding is done per batch."""
    from tokenizers import Tokenizer

    return batch_tokenizer(Tokenizer.from_file(str(Path(path) / "tokenizer.json")), max_length)


_MARKED = re.compile(re.escape(MARK_OPEN) + r" .*? " + re.escape(MARK_CLOSE))


def batch_arrays(
    tok: Any, pairs: Sequence[tuple[str, str]], target_mask: bool = False
) -> dict[str, Any]:
    """Tokenise pairs and pad to the longest in the batch (dynamic padding); int64 numpy arrays.

    ``target_mask``: also return ``target_mask``, 1 on the word pieces of the marked target spans
    (``<t> ... </t>``, markers included) in the second segment; a pair with no marked span (a
    sentence-level target, or a target not found) gets its attention mask instead, so target pooling
    falls back to plain mean pooling.
    """
    import numpy as np

    encs = tok.encode_batch([list(p) for p in pairs])
    out = pad_batch(encs)
    n, width = out["input_ids"].shape
    mask = out["attention_mask"]
    if target_mask:
        tmask = np.zeros((n, width), dtype=np.int64)
        for i, (e, (_target, text)) in enumerate(zip(encs, pairs, strict=True)):
            spans = [(m.start(), m.end()) for m in _MARKED.finditer(text)]
            hit = False
            if spans:
                for j, (seq, (start, _end)) in enumerate(zip(e.sequence_ids, e.offsets, strict=True)):
                    if seq == 1 and any(a <= start < b for a, b in spans):
                        tmask[i, j] = 1
                        hit = True
            if not hit:
                tmask[i] = mask[i]
        out["target_mask"] = tmask
    return out


POOLINGS = ("mean", "mean+target")


def build_net(
    encoder_path: str, n_labels: int = len(LABELS), dropout: float = 0.1, pooling: str = "mean+target"
) -> Any:
    """Encoder + pooling + linear head.

    ``pooling="mean"``: masked mean over all word pieces. ``"mean+target"``: that mean concatenated
    with the mean over the marked target span (``target_mask``), so the head sees the sentence and
    what the sentence does to the target separately (two firms in one headline get different
    vectors even before fine-tuning).
    """
    import torch
    from transformers import AutoModel

    if pooling not in POOLINGS:
        raise ValueError(f"unknown pooling {pooling!r} (use one of {', '.join(POOLINGS)})")

    class SentimentNet(torch.nn.Module):
        """Encoder + pooling + linear head; returns class probabilities or logits."""

        def __init__(self) -> None:
            super().__init__()
            self.pooling = pooling
            self.encoder = AutoModel.from_pretrained(encoder_path)
            self.dropout = torch.nn.Dropout(dropout)
            width = self.encoder.config.hidden_size * (2 if pooling == "mean+target" else 1)
            self.head = torch.nn.Linear(width, n_labels)

        @staticmethod
        def _mean(h: Any, mask: Any) -> Any:
            m = mask.unsqueeze(-1).to(h.dtype)
            return (h * m).sum(1) / m.sum(1).clamp(min=1e-9)

        def forward(
            self,
            input_ids: Any,
            attention_mask: Any,
            token_type_ids: Any,
            target_mask: Any = None,
            probs: bool = False,
        ) -> Any:
            h = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            pooled = self._mean(h, attention_mask)
            if self.pooling == "mean+target":
                tm = attention_mask if target_mask is None else target_mask
                pooled = torch.cat([pooled, self._mean(h, tm)], dim=-1)
            logits = self.head(self.dropout(pooled))
            return torch.softmax(logits, -1) if probs else logits

    return SentimentNet()


def uses_target_mask(net_or_config: Any) -> bool:
    """Whether a net (or a checkpoint/artefact config) expects the ``target_mask`` input."""
    if isinstance(net_or_config, dict):
        return net_or_config.get("pooling") == "mean+target"
    return getattr(net_or_config, "pooling", "mean") == "mean+target"


def load_checkpoint(work_dir: Path) -> tuple[Any, dict[str, Any]]:
    import torch

    meta = json.loads((Path(work_dir) / "config.json").read_text())
    pooling = meta.get("pooling", "mean")
    pooling = pooling if pooling in POOLINGS else "mean"  # older records say "masked mean"
    net = build_net(str(Path(work_dir) / "encoder"), len(meta["labels"]), pooling=pooling)
    net.head.load_state_dict(torch.load(Path(work_dir) / "head.pt"))
    net.eval()
    return net, meta
