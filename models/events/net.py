"""What both training and the runtime need: the base model's path, the tokenizer, batch encoding
(on :mod:`sinowatch.models.encoder`, shared with the sentiment model) and the network. Torch and transformers are imported inside the functions that use them, so the
runtime (ONNX) imports this module without them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.encoder import base_model_path, batch_tokenizer, pad_batch

from sinowatch.records import EVENT_TYPES

__all__ = ["base_model_path", "build_net", "encode", "load_tokenizer", "tokenizer_from_json"]


def tokenizer_from_json(text: str, max_length: int) -> Any:
    """A fast ``tokenizers.Tokenizer`` with truncation set; padding is done per batch."""
    from tokenizers import Tokenizer

    return batch_tokenizer(Tokenizer.from_str(text), max_length)


def load_tokenizer(folder: str | Path, max_length: int) -> Any:
    return tokenizer_from_json((Path(folder) / "tokenizer.json").read_text(encoding="utf-8"), max_length)


def encode(tok: Any, texts: Sequence[str]) -> dict[str, Any]:
    """Tokenise single sentences, padded to the longest in the batch; int64 numpy arrays."""
    return pad_batch(tok.encode_batch(list(texts)))


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
