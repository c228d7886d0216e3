"""How often two annotators agree on the sealed beat sets' pairs, and how the model stands against each (#19).

    sinowatch eval-agreement [--labels FILE] [--model DIR] [--no-model]

Every sealed beat set (``tests/data/sentiment_beat_holdout*.jsonl``) was labelled by the one writer who wrote
it. A second annotator labelled a sample of their pairs blind (target, headline and lead only; the guideline and
the watchlist, nothing else; MODEL_CARD.md, "Issue #19, round 28"): ``sentiment_beat_crosslabel.json``. This module
reports the two labellings' raw agreement and Cohen's kappa, overall and on the policy and Chinese pairs, and the
shipped model's accuracy (with the event layer, as the pipeline scores) against each labelling and on the pairs
where the two agree. It chooses nothing and changes no model.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.errors import SinowatchError

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
CROSSLABEL = DATA_DIR / "sentiment_beat_crosslabel.json"
#: the files whose pairs the second annotator labelled (a sample of their pooled pairs, see the file's note)
BEAT_GLOB = "sentiment_beat_holdout*.jsonl"
LABELS = ("positive", "negative", "neutral")
#: the reported slices: every pair, policy news (``topic`` policy), Chinese and English pairs
SLICES = ("all", "policy", "zh", "en")


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two labellings of the same items: (observed - chance agreement) / (1 - chance).
    1.0 when both are one and the same constant labelling (no disagreement is possible to beat)."""
    if len(first) != len(second):
        raise ValueError(f"two labellings of different lengths ({len(first)} and {len(second)})")
    n = len(first)
    if not n:
        raise ValueError("no items to compare")
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    c1, c2 = Counter(first), Counter(second)
    chance = sum(c1[k] * c2[k] for k in c1) / (n * n)
    if chance == 1.0:
        return 1.0
    return (observed - chance) / (1.0 - chance)


def beat_rows(directory: Path = DATA_DIR, pattern: str = BEAT_GLOB) -> dict[str, dict[str, Any]]:
    """The labelled pairs of the sealed beat sets, by pair id (ids are unique across the files)."""
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(directory).glob(pattern)):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            if r["id"] in rows:
                raise SinowatchError(f"{path.name}:{i}: pair id {r['id']} also appears in another beat file")
            rows[r["id"]] = r
    return rows


def load_second(path: Path, rows: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """The second labelling, ``(pair id, label)`` in file order; a clear error for an unreadable file, an
    unknown or repeated id or a label outside positive / negative / neutral."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise SinowatchError(f"--labels {path}: cannot read it ({e})") from e
    except json.JSONDecodeError as e:
        raise SinowatchError(f"--labels {path}: not JSON ({e.msg} at line {e.lineno})") from e
    pairs = doc.get("pairs") if isinstance(doc, dict) else None
    if not isinstance(pairs, list) or not pairs:
        raise SinowatchError(f"--labels {path}: expected an object with a non-empty \"pairs\" list of {{id, label}}")
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for k, p in enumerate(pairs, 1):
        pid, label = p.get("id") if isinstance(p, dict) else None, p.get("label") if isinstance(p, dict) else None
        if pid not in rows:
            raise SinowatchError(f"--labels {path}: pair {k} ({pid!r}) is not in any {BEAT_GLOB} file")
        if pid in seen:
            raise SinowatchError(f"--labels {path}: pair {pid} is labelled twice")
        if label not in LABELS:
            raise SinowatchError(f"--labels {path}: pair {pid}: label {label!r} is not positive, negative or neutral")
        seen.add(pid)
        out.append((pid, label))
    return out


def _slice_of(row: dict[str, Any]) -> set[str]:
    return {"all", "zh" if row.get("lang") == "zh" else "en"} | ({"policy"} if row.get("topic") == "policy" else set())


def cross_agreement(second: Sequence[tuple[str, str]], rows: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per slice: pairs, pairs agreed, raw agreement and Cohen's kappa of the writers' labels and the second
    labelling, and the confusion (first label, second label) counts of the disagreements."""
    out: dict[str, dict[str, Any]] = {}
    for name in SLICES:
        ids = [(pid, lab) for pid, lab in second if name in _slice_of(rows[pid])]
        if not ids:
            continue
        first = [rows[pid]["label"] for pid, _ in ids]
        again = [lab for _, lab in ids]
        agree = sum(a == b for a, b in zip(first, again, strict=True))
        out[name] = {"n": len(ids), "agree": agree, "rate": round(agree / len(ids), 3),
                     "kappa": round(cohen_kappa(first, again), 3),
                     "disagreements": Counter(f"{a}->{b}" for a, b in zip(first, again, strict=True) if a != b)}
    return out


def model_agreement(second: Sequence[tuple[str, str]], rows: dict[str, dict[str, Any]], model_dir: Path | None = None,
                    *, policy_events: bool = True) -> dict[str, dict[str, Any]]:
    """Per slice: the model's labels (with the event layer unless ``policy_events`` is off) right against the
    writers' labels, against the second labelling, and on the pairs where the two agree."""
    from sinowatch.models.sentiment.data import domain_example
    from sinowatch.models.sentiment.eval_events import adjusted_labels, pipeline_extractor
    from sinowatch.models.sentiment.policy import SHIPPED_RULE
    from sinowatch.models.sentiment.runtime import SentimentModel

    chosen = [rows[pid] for pid, _ in second]
    examples = [domain_example(r, "beat") for r in chosen]
    model = SentimentModel.load(model_dir)
    labels = adjusted_labels(model, examples, pipeline_extractor() if policy_events else None,
                             SHIPPED_RULE if policy_events else None)
    out: dict[str, dict[str, Any]] = {}
    for name in SLICES:
        keep = [(r, lab, pred) for r, (_, lab), pred in zip(chosen, second, labels, strict=True) if name in _slice_of(r)]
        if not keep:
            continue
        agreed = [(r, pred) for r, lab, pred in keep if r["label"] == lab]
        out[name] = {"n": len(keep),
                     "right_first": sum(pred == r["label"] for r, _, pred in keep),
                     "right_second": sum(pred == lab for _, lab, pred in keep),
                     "n_agreed": len(agreed),
                     "right_agreed": sum(pred == r["label"] for r, pred in agreed)}
    return out
