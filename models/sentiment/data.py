"""Loaders for the sentiment training/evaluation data and the seeded, leak-free splits.

Every example is an :class:`Example` ``(target, text, label, source)``: ``target`` is the entity the
label is about (the surface text found in ``text``), or :data:`SENTENCE_TARGET` for sentence-level
data (Financial PhraseBank), whose label is about the sentence as a whole.

Splits are decided by a hash of the normalised *text* (not of the row), so one SEntFiN headline with
three entities, or one PhraseBank sentence present at several agreement levels, always lands in one
split: ``train`` (80 %), ``validation`` (10 %) or ``test`` (10 %). The seed is mixed into the hash;
the published figures use seed 0.

Data sets (under ``DIR``, normally ``../shared/data/sentiment``):

* ``sentfin/SEntFiN_dataset_1.csv``: ``Title`` + ``Decisions`` (JSON dict entity -> label).
* ``financial_phrasebank/Sentences_<level>.txt``: ``sentence@label``, ISO-8859-1.
* ``fiqa_semeval/SemEval2017Task5Headlines.json``: ``company``, ``title``, ``sentiment`` in [-1, 1],
  mapped to three labels with :data:`SEMEVAL_NEUTRAL_BAND`: score > 0.1 positive, < -0.1 negative,
  else neutral (161 of 1,142 headlines are neutral under this band).

Project files (labelled by ``GUIDELINE.md``): ``domain_train.jsonl`` and ``domain_train_beat.jsonl``
(training; ``headline | lead`` texts from real events, each row naming its ``event``), and the
test-only ``tests/data/sentiment_domain.jsonl`` and ``tests/data/sentiment_beat.jsonl`` (the beat
set: real 2019-2026 events, none of them in any training file).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LABELS: tuple[str, ...] = ("negative", "neutral", "positive")  # model output order
LABEL2ID = {lab: i for i, lab in enumerate(LABELS)}
SENTENCE_TARGET = "overall"  # the target segment for sentence-level examples and titles
SEMEVAL_NEUTRAL_BAND = 0.1
SPLITS = ("train", "validation", "test")
MARK_OPEN, MARK_CLOSE = "<t>", "</t>"
DOMAIN_TRAIN = Path(__file__).with_name("domain_train.jsonl")
#: headline + lead-sentence pairs written from real events of the beat (see GUIDELINE.md); each row
#: names its event, and no event here is in the beat test set (tests/data/sentiment_beat.jsonl)
DOMAIN_TRAIN_BEAT = Path(__file__).with_name("domain_train_beat.jsonl")
#: more beat training pairs (round 6; policy and Chinese heavy), from events in no test file
DOMAIN_TRAIN_BEAT6 = Path(__file__).with_name("domain_train_beat6.jsonl")


def _sealed_beat_file(n: int) -> Path:
    """The beat pair file of the sealed set ``holdout{n}`` (``tests/data/sentiment_beat_holdout{n}.jsonl``)."""
    return Path(__file__).resolve().parents[2] / "tests" / "data" / f"sentiment_beat_holdout{n}.jsonl"


#: the sealed beat sets scored once in rounds 1-10 and spent since (each written by a data writer from
#: events in no other file); training rows since round 11 (MODEL_CARD.md), never the sealed holdout9
SPENT_BEAT_FILES = tuple(_sealed_beat_file(n) for n in (2, 4, 5, 6, 7, 8))
#: spent sealed beat sets that only the Chinese-route model (``train sentiment --zh-base``) adds to its domain
#: rows (round 16's rule and outcome, MODEL_CARD.md: holdout9-13, 1,115 pairs; round 18's: holdout14 and holdout15 too);
#: the English model keeps the files above
ZH_EXTRA_BEAT_FILES: tuple[Path, ...] = tuple(_sealed_beat_file(n) for n in (9, 10, 11, 12, 13, 14, 15))
#: the domain training files of the shipped recipe (round 11: with round 6's pairs and the spent beat sets)
DOMAIN_TRAIN_FILES = (DOMAIN_TRAIN, DOMAIN_TRAIN_BEAT, DOMAIN_TRAIN_BEAT6, *SPENT_BEAT_FILES)
#: spent sealed beat sets the English model adds to its domain rows since round 28 (its rule and outcome, MODEL_CARD.md:
#: holdout9-25, 3,793 pairs on 880 events); the held-out domain texts of ``V`` stay the split of DOMAIN_TRAIN_FILES (the
#: split hashes each text, so a text keeps its side whatever files join)
EN_EXTRA_BEAT_FILES: tuple[Path, ...] = tuple(_sealed_beat_file(n) for n in range(9, 26))
#: the English model's domain training files (``train sentiment`` with the MiniLM base and no --domain-file)
EN_DOMAIN_TRAIN_FILES = (*DOMAIN_TRAIN_FILES, *EN_EXTRA_BEAT_FILES)
#: beat validation pairs (``V_beat``: headline | lead pairs from real events in no training or test
#: file, never trained on): round 5's, round 6's from another writer, round 9's, round 10's, round 20's, round 21's and round 22's
#: written for classes validation lacked (MODEL_CARD.md)
VALIDATION_BEAT_FILES = (
    Path(__file__).with_name("validation_beat.jsonl"),
    Path(__file__).with_name("validation_beat6.jsonl"),
    Path(__file__).with_name("validation_beat9.jsonl"),
    Path(__file__).with_name("validation_beat10.jsonl"),
    Path(__file__).with_name("validation_beat20.jsonl"),
    Path(__file__).with_name("validation_beat21.jsonl"),
    Path(__file__).with_name("validation_beat22.jsonl"),
    Path(__file__).with_name("validation_beat23.jsonl"),
    Path(__file__).with_name("validation_beat24.jsonl"),
    Path(__file__).with_name("validation_beat26.jsonl"),
)
#: how a headline and the target's sentence are joined into one context (training and runtime)
HEADLINE_SEP = " | "
#: recorded in an artefact's config.json when it was trained on headline | sentence contexts; the
#: pipeline (aggregate.py) then scores body mentions in ``headline | sentence`` (older artefacts:
#: the sentence alone)
CONTEXT = "headline | sentence"


@dataclass(frozen=True)
class Example:
    target: str
    text: str
    label: str
    source: str
    #: the watchlist id the pair names (domain and beat files), beside the mention's text: the event
    #: layer's harness reads it when the extractor finds no mention of that text (not compared)
    entity: str | None = field(default=None, compare=False)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def split_of(text: str, seed: int = 0) -> str:
    """The split a text belongs to: a stable function of the normalised text and the seed."""
    h = int(hashlib.sha1(f"{seed}:{_norm(text)}".encode()).hexdigest()[:8], 16) % 100
    return "train" if h < 80 else "validation" if h < 90 else "test"


def mark_target(target: str, text: str) -> str:
    """Wrap every occurrence of ``target`` in ``text`` with ``<t> ... </t>`` (case-insensitive).

    Sentence-level targets and targets not found in the text leave the text unchanged; the
    target still goes in as the first segment of the pair.
    """
    if not target or target == SENTENCE_TARGET:
        return text
    pattern = re.compile(r"(?<!\w)" + re.escape(target) + r"(?!\w)", re.IGNORECASE)
    marked, n = pattern.subn(lambda m: f"{MARK_OPEN} {m.group(0)} {MARK_CLOSE}", text)
    if n == 0:  # e.g. "Tata Steel" in a title that says "Tata Steel's": fall back to substring
        i = text.lower().find(target.lower())
        if i >= 0:
            j = i + len(target)
            marked = f"{text[:i]}{MARK_OPEN} {text[i:j]} {MARK_CLOSE}{text[j:]}"
    return marked


def encode_pair(target: str, text: str) -> tuple[str, str]:
    """The model input for one example: (target, text with the target marked)."""
    return (target or SENTENCE_TARGET), mark_target(target, text)


def load_sentfin(data_dir: Path) -> list[Example]:
    path = Path(data_dir) / "sentfin" / "SEntFiN_dataset_1.csv"
    out: list[Example] = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            title = row["Title"].strip()
            for entity, label in json.loads(row["Decisions"]).items():
                if label in LABEL2ID:
                    out.append(Example(entity, title, label, "sentfin"))
    return out


def load_phrasebank(data_dir: Path, level: str = "75Agree") -> list[Example]:
    path = Path(data_dir) / "financial_phrasebank" / f"Sentences_{level}.txt"
    out: list[Example] = []
    for line in path.read_text(encoding="iso-8859-1").splitlines():
        sentence, sep, label = line.rpartition("@")
        if sep and label.strip() in LABEL2ID:
            out.append(Example(SENTENCE_TARGET, sentence.strip(), label.strip(), f"phrasebank_{level}"))
    return out


def semeval_label(score: float) -> str:
    if score > SEMEVAL_NEUTRAL_BAND:
        return "positive"
    if score < -SEMEVAL_NEUTRAL_BAND:
        return "negative"
    return "neutral"


def load_semeval(data_dir: Path) -> list[Example]:
    path = Path(data_dir) / "fiqa_semeval" / "SemEval2017Task5Headlines.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        Example(r["company"].strip(), r["title"].strip(), semeval_label(float(r["sentiment"])), "semeval")
        for r in rows
    ]


def with_headline(headline: str, sentence: str) -> str:
    """The context a mention is scored in: ``headline | sentence`` (the sentence alone when the
    headline is empty or is the sentence itself)."""
    headline, sentence = headline.strip(), sentence.strip()
    if not headline or headline == sentence:
        return sentence
    return f"{headline}{HEADLINE_SEP}{sentence}" if sentence else headline


def domain_example(row: dict[str, Any], source: str = "domain") -> Example:
    """One domain JSONL row as an Example; the target is the mention's surface text."""
    return Example(row.get("mention") or row["entity"], row["text"], row["label"], source, row.get("entity"))


def load_domain(path: Path, source: str = "domain") -> list[Example]:
    """Domain JSONL: ``{"text", "entity", "mention", "label"}``; the target is the mention's surface text."""
    return [domain_example(json.loads(line), source)
            for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


DOMAIN_VALIDATION_PERCENT = 15  # of the domain train texts, held out to choose epochs and stages


def _bucket(text: str, seed: int) -> int:
    return int(hashlib.sha1(f"domain-{seed}:{_norm(text)}".encode()).hexdigest()[:8], 16) % 100


def split(examples: Iterable[Example], which: str, seed: int = 0) -> list[Example]:
    return [e for e in examples if split_of(e.text, seed) == which]


def training_sets(
    data_dir: Path, seed: int = 0, domain_files: Sequence[Path] = DOMAIN_TRAIN_FILES
) -> dict[str, list[Example]]:
    """Train and validation examples from all three sets (+ the domain train files when present).

    ``validation_domain`` holds 15 % of the domain train texts (hashed, so a text labelled for two
    firms stays on one side); training picks its epoch and stage by the mean of the general and the
    domain validation accuracy. The domain *test* set (``tests/data``) is a separate file.

    PhraseBank trains on its 66Agree level (more data than 75Agree, less noise than 50Agree);
    because the split hashes the sentence, no 75Agree test sentence is ever trained on.
    """
    pools: list[Example] = (
        load_sentfin(data_dir) + load_phrasebank(data_dir, "66Agree") + load_semeval(data_dir)
    )
    sets = {s: split(pools, s, seed) for s in ("train", "validation")}
    sets["validation_domain"] = []
    for path in domain_files:
        if not path.exists():
            continue
        for e in load_domain(path, "domain_train"):
            held = _bucket(e.text, seed) < DOMAIN_VALIDATION_PERCENT
            sets["validation_domain" if held else "train"].append(e)
    return sets


def load_beat(path: Path) -> dict[str, list[Example]]:
    """The beat test set (headline | lead pairs from real events, see GUIDELINE.md), whole and in
    its two reported subsets: ``beat``, ``beat_policy`` (topic ``policy``) and ``beat_zh``
    (Chinese text)."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    examples = [(r, domain_example(r, "beat")) for r in rows]
    return {
        "beat": [e for _, e in examples],
        "beat_policy": [e for r, e in examples if r.get("topic") == "policy"],
        "beat_zh": [e for r, e in examples if r.get("lang") == "zh"],
    }


def test_sets(
    data_dir: Path, seed: int = 0, domain_test: Path | None = None, beat_test: Path | None = None
) -> dict[str, list[Example]]:
    """The held-out test splits the figures are reported on (+ the domain and beat sets when given)."""
    sets = {
        "sentfin": split(load_sentfin(data_dir), "test", seed),
        "phrasebank_75agree": split(load_phrasebank(data_dir, "75Agree"), "test", seed),
        "semeval2017": split(load_semeval(data_dir), "test", seed),
    }
    if domain_test is not None and Path(domain_test).exists():
        sets["domain"] = load_domain(domain_test)
    if beat_test is not None and Path(beat_test).exists():
        sets.update(load_beat(beat_test))
    return sets


def label_counts(examples: Sequence[Example]) -> dict[str, int]:
    return {lab: sum(e.label == lab for e in examples) for lab in LABELS}
