"""The event classifier's labelled sentences: the hand-written sources, the build, the split.

Sources (``corpus/src/*.txt``, written for this project) hold one sentence per line under a group
header naming the real-world event (or the generic theme) it was written from::

    @group us-h20-licences-2025
    export_control/reversed | Washington told Nvidia it would grant licences to ship the H20 to China.
    none | Nvidia's H20 is a cut-down version of the H100.

A line is ``labels[/status] | text``; ``labels`` is ``none`` or a comma-separated list of
:data:`~sinowatch.records.EVENT_TYPES`. ``build()`` adds the seeded templated minority
(:mod:`.templates`), assigns ids, decides the split and writes ``corpus/sentences.jsonl`` (the shared
format: id, text, lang, labels, status, group, split).

Split: by ``group`` (one real-world event never sits on both sides), ``val`` when
``sha1("events:" + group) % 100 < VAL_PERCENT``, else ``train``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sinowatch.records import EVENT_TYPES

DATA_DIR = Path(__file__).with_name("corpus")
SRC_DIR = DATA_DIR / "src"
SENTENCES = DATA_DIR / "sentences.jsonl"
STATUSES = ("proposed", "enacted", "reversed", "background")
VAL_PERCENT = 20
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    lang: str
    labels: tuple[str, ...]
    status: str | None
    group: str
    split: str

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "text": self.text, "lang": self.lang, "labels": list(self.labels),
                "status": self.status, "group": self.group, "split": self.split}


def lang_of(text: str) -> str:
    """'zh' when at least a fifth of the characters are Han, else 'en'."""
    return "zh" if len(_HAN.findall(text)) * 5 >= len(text.replace(" ", "")) else "en"


def split_of(group: str) -> str:
    """The split of a group: a stable function of its id."""
    h = int(hashlib.sha1(f"events:{group}".encode()).hexdigest()[:8], 16) % 100
    return "val" if h < VAL_PERCENT else "train"


def parse_line(line: str, where: str) -> tuple[tuple[str, ...], str | None, str]:
    """``labels[/status] | text`` -> (labels, status, text); ValueError naming ``where`` if malformed."""
    head, sep, text = line.partition("|")
    if not sep or not text.strip():
        raise ValueError(f"{where}: expected 'labels[/status] | text', got {line[:60]!r}")
    head, _, status = head.strip().partition("/")
    labels = () if head.strip() == "none" else tuple(x.strip() for x in head.split(","))
    bad = [x for x in labels if x not in EVENT_TYPES]
    if bad:
        raise ValueError(f"{where}: unknown event type(s) {bad} (use {', '.join(EVENT_TYPES)} or none)")
    st = status.strip() or None
    if st is not None and st not in STATUSES:
        raise ValueError(f"{where}: unknown status {st!r} (use {', '.join(STATUSES)})")
    return labels, st, text.strip()


def read_sources(src_dir: Path = SRC_DIR) -> list[tuple[str, tuple[str, ...], str | None, str]]:
    """(group, labels, status, text) for every source line, in file then line order."""
    rows: list[tuple[str, tuple[str, ...], str | None, str]] = []
    for path in sorted(src_dir.glob("*.txt")):
        group: str | None = None
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@group"):
                group = line.split(None, 1)[1].strip()
                continue
            where = f"{path.name}:{n}"
            if group is None:
                raise ValueError(f"{where}: sentence before any '@group' header")
            labels, status, text = parse_line(line, where)
            rows.append((group, labels, status, text))
    return rows


#: the evaluation articles (``tests/data/events/articles.jsonl``) whose sentences join the training data
#: (:func:`article_sentences`): ``dev`` and the holdouts spent at the end of rounds 1-13 (holdout12, spent in round 14, joins with the next retraining). Never ``test``
#: (never used for anything), ``val``..``val30`` (validation or, since round 29, development splits) nor a sealed holdout.
ARTICLES = Path(__file__).resolve().parents[2] / "tests" / "data" / "events" / "articles.jsonl"
ARTICLE_SPLITS = ("dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7",
                  "holdout8", "holdout9", "holdout10", "holdout11")
#: names that only the evaluation test storylines are about (the DeepSeek-R1 sell-off, the Geneva truce,
#: graphite controls, the A800/H800 update, the Affiliates Rule, Samsung Galaxy AI, the 15th Five-Year Plan,
#: Kunlun / Moore Threads launches): no training sentence may name one (tests/models/test_events_data.py);
#: an article sentence naming one is left out, although no test article is read
TEST_STORY_TERMS = ("deepseek", "深度求索", "geneva", "日内瓦", "graphite", "石墨", "a800", "affiliates rule",
                     "galaxy", "十五五", "15th five-year", "p800", "kunlun", "昆仑", "moore threads", "摩尔线程")
#: English sentence ends: ., ! or ? (and a closing quote) before a space and a capital, a digit or a
#: quote, unless the word before is an abbreviation ("U.S. Commerce", "Co. Ltd", "Jan. 5")
_EN_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘A-Z0-9])")
_ABBREV = re.compile(r"(\b[A-Z]\.)+$|\b(Inc|Co|Corp|Ltd|Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
                     r"Nov|Dec|vs|etc|approx|Gov|Sen|Rep|Gen)\.$")
_ZH_END = re.compile(r"(?<=[。！？])[”’」』]?")


def split_sentences(text: str) -> list[str]:
    """The sentences of an article body: paragraphs, cut after 。！？ and after an English sentence end."""
    out: list[str] = []
    for para in re.split(r"\n+", text):
        pieces: list[str] = []
        for chunk in (c for c in _ZH_END.split(para) if c.strip()):
            start = 0
            for m in _EN_END.finditer(chunk):
                if _ABBREV.search(chunk[start:m.start()].rstrip("\"”’'")):
                    continue
                pieces.append(chunk[start:m.start()])
                start = m.end()
            pieces.append(chunk[start:])
        out += [p.strip() for p in pieces if p.strip()]
    return out


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def article_sentences(path: Path = ARTICLES, splits: Iterable[str] = ARTICLE_SPLITS) -> list[tuple[str, tuple[str, ...], str | None, str]]:
    """Training rows from the evaluation articles of ``splits``, as ``(group, labels, status, text)``:
    the title and every body sentence that holds (or lies within) a gold event's evidence, labelled with
    the types of the gold events it holds and the status of the first; every sentence of an article
    without events (a hard negative) as ``none``. Other sentences of an article with events are left
    out: the gold names one evidence per event, so a sentence restating an event is not a negative.
    Group: ``art-<storyline>`` (one storyline never sits on both sides of the split)."""
    if not path.is_file():
        return []
    keep = set(splits)
    rows: list[tuple[str, tuple[str, ...], str | None, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        art = json.loads(line)
        if art["split"] not in keep:
            continue
        group = f"art-{art['story']}"
        evidence = [(ev, _flat(ev["evidence"])) for ev in art["events"]]
        for sent in [art["title"].strip(), *split_sentences(art["text"])]:
            if any(t in sent.lower() for t in TEST_STORY_TERMS):
                continue
            flat = _flat(sent)
            held = [ev for ev, said in evidence if said in flat or flat in said]
            if held:
                rows.append((group, tuple(dict.fromkeys(ev["type"] for ev in held)), held[0]["status"], sent))
            elif not art["events"]:
                rows.append((group, (), None, sent))
    return rows


def build(src_dir: Path = SRC_DIR, out: Path | None = SENTENCES, *, templated: bool = True,
          articles: bool = True) -> list[Sentence]:
    """All sentences (hand-written, templated, then the evaluation articles' of :data:`ARTICLE_SPLITS`),
    de-duplicated by text; written to ``out``."""
    from sinowatch.models.events.templates import generate

    rows = read_sources(src_dir)
    if templated:
        rows += generate(seed=0)
    if articles:
        rows += article_sentences()
    seen: set[str] = set()
    out_rows: list[Sentence] = []
    for group, labels, status, text in rows:
        key = re.sub(r"\s+", " ", text.lower())
        if key in seen:
            continue
        seen.add(key)
        out_rows.append(Sentence(id=f"ev-{len(out_rows) + 1:05d}", text=text, lang=lang_of(text),
                                 labels=tuple(dict.fromkeys(labels)), status=status, group=group,
                                 split=split_of(group)))
    if out is not None:
        out.write_text("".join(json.dumps(s.as_dict(), ensure_ascii=False) + "\n" for s in out_rows),
                       encoding="utf-8")
    return out_rows


def load(path: Path = SENTENCES) -> list[Sentence]:
    """The built sentences (``sentences.jsonl``)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(Sentence(id=d["id"], text=d["text"], lang=d["lang"], labels=tuple(d["labels"]),
                                status=d.get("status"), group=d["group"], split=d["split"]))
    return out


def summary(rows: Iterable[Sentence]) -> dict[str, dict[str, int]]:
    """Counts per split: rows, zh rows, none rows and rows per type."""
    out: dict[str, dict[str, int]] = {}
    for s in rows:
        c = out.setdefault(s.split, {"rows": 0, "zh": 0, "none": 0, **{t: 0 for t in EVENT_TYPES}})
        c["rows"] += 1
        c["zh"] += s.lang == "zh"
        c["none"] += not s.labels
        for t in s.labels:
            c[t] += 1
    return out


def without_groups(rows: Iterable[Sentence], groups: Iterable[str]) -> list[Sentence]:
    """``rows`` without the sentences of ``groups``; an unknown group name is an error (a typo would
    otherwise leave everything in)."""
    rows = list(rows)
    drop = set(groups)
    unknown = drop - {s.group for s in rows}
    if unknown:
        raise ValueError(f"no sentences in the groups {', '.join(sorted(unknown))}: check the names")
    return [s for s in rows if s.group not in drop]


def write(rows: Iterable[Sentence], path: Path) -> Path:
    """``rows`` as JSON lines at ``path`` (the ``sentences.jsonl`` format)."""
    path.write_text("".join(json.dumps(s.as_dict(), ensure_ascii=False) + "\n" for s in rows), encoding="utf-8")
    return path
