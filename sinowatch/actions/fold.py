"""Folding reports into actions: which real-world act does an extracted event describe?

Pure logic, no I/O: :func:`fold` takes the new reports (events with their article's date and
language) and the candidate actions the warehouse found for them (``sinowatch.warehouse.actions``
looks them up on the (type, target, week) index), and says which action each report joins or
starts. The warehouse writes the result in the same transaction as the events.

A report joins an action when
  * the type is the same, and at least one target is shared (the index guarantees both);
  * it falls within ``window`` of a report already in the action, and within ``span`` of its
    first report (an action does not drift across months of coverage);
  * the actors agree: the same id, one of them unknown, or two bodies of the same government
    (``bis`` and ``us-gov``);
  * the language-independent evidence does not contradict: two different Federal Register
    citations or document numbers are two acts.
Successive acts of one type on one firm weeks apart (docs/views.md, rules S1 and S2): a report does
not join the action its own article names as a past act (a background mention of the same type
and firm that shares a number or an official id with that action: "the previous 45-day
extension"), nor, when its evidence says the act is a repetition ("once more", "再延长"), an
action last reported more than :data:`REPEAT_GAP` earlier.
Among the actions that fit, the best score wins (target overlap, exact actor, shared numbers and
ids, closeness in time), ties to the earliest action, then the smallest id: the same reports in
the same order always fold the same way. A report that fits none starts an action whose id is
derived from the report itself.

A status change (proposed -> enacted -> reversed) stays on the same action: the status is part of
the action's history, never a reason to start another. ``background`` mentions (a past act named
as context) join an enacted or reversed action that fits, never a mere proposal, and never move
its status.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

#: gap to the nearest report of an action (chosen on the dev split of the labelled articles: 14, 21 and
#: 30 days all kept precision at 1.000 there; 30 folded a late report 27 days after the first)
WINDOW = timedelta(days=30)
SPAN = timedelta(days=45)
#: a proposal may take months to be enacted: an action seen only as proposed waits this long
PROPOSAL_SPAN = timedelta(days=180)
#: types whose acts are short-lived: the gap and the span of one action (chosen on the dev split:
#: 1, 2 and 3 days measured the same; 7 days for model and chip launches changed nothing)
TYPE_WINDOW: dict[str, timedelta] = {"market_move": timedelta(days=1)}
#: how far back a ``background`` mention ("which was added to the Entity List in 2019") may reach
LOOKBACK = timedelta(days=3 * 365)
#: a report that says its act is a repetition does not join an action last reported longer ago
#: than this (rule S2 of docs/views.md: the act it repeats)
REPEAT_GAP = timedelta(days=7)
_REPEAT = re.compile(r"\bagain\b|\bonce more\b|\banother\b|\banew\b|\bfresh\b|\bnew round\b"
                     r"|再次|再度|又一次|再延|新一轮", re.IGNORECASE)
#: the order of a lifecycle: a later status replaces an earlier one; reversed -> enacted again is allowed
_RANK = {"proposed": 1, "enacted": 2, "reversed": 3}

#: country-level governments (watchlist ids) and the country they stand for
GOVERNMENTS: dict[str, str] = {"us-gov": "US", "cn-gov": "CN", "nl-gov": "NL", "jp-gov": "JP", "kr-gov": "KR",
                               "tw-gov": "TW", "eu": "EU"}

_FR_CITATION = re.compile(r"\b(\d{2,3})\s*FR\s*(\d{3,6})\b")
_DOC_NUMBER = re.compile(r"\b(20\d\d-\d{4,6})\b")
_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(%|percent|per cent|％)?")
_EN_COUNT = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_EN_COUNT_RE = re.compile(r"\b(" + "|".join(_EN_COUNT) + r")\b", re.I)
_ZH_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_ZH_COUNT_RE = re.compile(r"([一二两三四五六七八九十]{1,3})(?:家|个|名|款|项|所|条)")


def _zh_number(s: str) -> int | None:
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        return (_ZH_DIGIT.get(a, 1) if a else 1) * 10 + (_ZH_DIGIT.get(b, 0) if b else 0)
    return _ZH_DIGIT.get(s) if len(s) == 1 else None


@dataclass(frozen=True)
class Signals:
    """Language-independent evidence of one sentence: official ids and the numbers it states."""

    ids: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()

    def __or__(self, other: Signals) -> Signals:
        return Signals(self.ids | other.ids, self.numbers | other.numbers)


@functools.lru_cache(maxsize=65536)
def signals(text: str) -> Signals:
    """Federal Register citations ("90 FR 12345") and document numbers ("2025-12345"), and the
    numbers stated in ``text`` ("six units", "六家", "25%", "1,000"), normalised so that the English
    and the Chinese report of one act share them. Years are left out (every report has one)."""
    ids = {f"{a} FR {b}" for a, b in _FR_CITATION.findall(text)} | {f"doc:{d}" for d in _DOC_NUMBER.findall(text)}
    numbers: set[str] = set()
    scrubbed = _FR_CITATION.sub(" ", _DOC_NUMBER.sub(" ", text))
    for num, pct in _NUMBER.findall(scrubbed):
        value = num.replace(",", "")
        if not pct and re.fullmatch(r"(19|20)\d\d", value):
            continue  # a year
        numbers.add(value + ("%" if pct else ""))
    numbers.update(str(_EN_COUNT[w.lower()]) for w in _EN_COUNT_RE.findall(scrubbed))
    for zh in _ZH_COUNT_RE.findall(scrubbed):
        n = _zh_number(zh)
        if n is not None:
            numbers.add(str(n))
    return Signals(frozenset(ids), frozenset(numbers))


@dataclass(frozen=True)
class Report:
    """One event to fold: its row key, what it says and when it was published."""

    article_key: str
    seq: int
    type: str
    targets: tuple[str, ...]
    published: datetime
    status: str | None = None
    actor: str | None = None
    language: str | None = None
    sentence: str = ""
    title: str = ""

    @property
    def signals(self) -> Signals:
        return signals(self.sentence)


@dataclass
class Action:
    """An action as the fold sees it (the warehouse row plus what the fold needs)."""

    action_id: str
    type: str
    targets: set[str]
    first_seen: datetime
    last_seen: datetime
    status: str | None = None
    actor: str | None = None
    seen: list[datetime] = field(default_factory=list)  # publication times of its reports
    enacted_at: datetime | None = None  # first enacted/reversed report: the span runs from there
    signals: Signals = field(default_factory=Signals)
    sentences: list[str] = field(default_factory=list)  # evidence of its reports (for an embedding)
    new: bool = False


@dataclass(frozen=True)
class Join:
    """The fold's answer for one report."""

    report: Report
    action_id: str
    score: float  # 1.0 for the report that started the action
    started: bool
    status_change: str | None  # the action's new status when this report changed it


def week_of(d: datetime | date) -> date:
    """Monday of the ISO week of ``d`` (the index's time key)."""
    day = d.date() if isinstance(d, datetime) else d
    return day - timedelta(days=day.weekday())


def index_range(report: Report, window: timedelta = WINDOW) -> tuple[date, date]:
    """The first and last week whose actions the report may join: around its date; for a
    ``background`` mention also the years before it, for an enactment the proposals before it."""
    back = {"background": LOOKBACK, "enacted": PROPOSAL_SPAN, "reversed": PROPOSAL_SPAN}.get(report.status or "", window)
    return week_of(report.published - max(back, window)), week_of(report.published + window)


def action_id_for(report: Report) -> str:
    """The id of the action a report starts: derived from the report, so a rerun gives the same id."""
    h = hashlib.sha1(f"{report.type}\n{report.article_key}\n{report.seq}".encode()).hexdigest()
    return f"act-{h[:12]}"


def actors_agree(a: str | None, b: str | None, country: Mapping[str, str]) -> bool:
    """Same actor, either unknown, or two bodies of one government (by the watchlist's country)."""
    if not a or not b or a == b:
        return True
    ca = country.get(a) or GOVERNMENTS.get(a)
    cb = country.get(b) or GOVERNMENTS.get(b)
    return ca is not None and ca == cb


def says_repeat(sentence: str) -> bool:
    """Whether a report's evidence says its act repeats an earlier one ("once more", "再延长")."""
    return bool(_REPEAT.search(sentence or ""))


def fit(report: Report, action: Action, sig: Signals, country: Mapping[str, str], *,
        window: timedelta = WINDOW, span: timedelta = SPAN) -> float | None:
    """How well ``report`` fits ``action`` (higher is better), or None when it cannot join it."""
    if report.type != action.type:
        return None
    short = TYPE_WINDOW.get(report.type)
    if short is not None:  # a day's share move is that day's act: the next day's is another
        window, span = min(window, short), min(span, short)
    shared = action.targets.intersection(report.targets)
    if not shared:
        return None
    t = report.published
    if report.status == "background" and action.status == "proposed":
        return None  # a past act named as context happened: it is not a proposal still waiting
    if report.status != "background" and action.status == "background":
        return None  # an action known only from mentions in passing is a past act, not today's news
    if report.status == "background" and action.status in _RANK:  # a past act named as context
        if t < action.first_seen - window or t > action.first_seen + LOOKBACK:
            return None
        gap = min(abs(t - action.first_seen), window)
    else:
        waiting = action.status == "proposed" and report.status in ("enacted", "reversed")
        reach = max(span, PROPOSAL_SPAN) if waiting else span
        anchor = action.enacted_at or action.first_seen
        if t < action.first_seen - window or t > anchor + reach:
            return None
        gap = min((abs(t - s) for s in action.seen), default=abs(t - action.first_seen))
        if gap > (reach if waiting else window):
            return None
        if says_repeat(report.sentence) and \
                t - max(action.seen, default=action.first_seen) > REPEAT_GAP:
            return None  # a repetition of the act this action reports is another act (S2)
        gap = min(gap, window)
    if not actors_agree(report.actor, action.actor, country):
        return None
    if sig.ids and action.signals.ids and not (sig.ids & action.signals.ids):
        return None  # two different official documents: two acts
    jaccard = len(shared) / len(action.targets | set(report.targets))
    score = 0.5 * jaccard
    score += 0.15 if report.actor and report.actor == action.actor else 0.0
    score += 0.2 if sig.ids & action.signals.ids else 0.0
    if sig.numbers and action.signals.numbers:
        score += 0.1 if sig.numbers & action.signals.numbers else -0.1
    score += 0.05 * (1.0 - gap / window)
    return round(score, 6)


def next_status(current: str | None, new: str | None) -> str | None:
    """The action's status after a report with status ``new``; background never moves it."""
    if new not in _RANK:
        return current if current is not None or new is None else new
    if current not in _RANK:
        return new
    # a later stage of the lifecycle replaces an earlier one; a re-enactment after a reversal too
    if _RANK[new] > _RANK[current] or (current == "reversed" and new == "enacted"):
        return new
    return current


Similarity = Callable[[str, Sequence[str]], float]


def named_as_past(rep: Report, backgrounds: Iterable[Report],
                  found_for: Callable[[Report], Mapping[str, Action]],
                  best_of: Callable[[Report, Mapping[str, Action]], tuple[float, datetime, str] | None],
                  pool: Mapping[str, Action]) -> set[str]:
    """Rule S1 of docs/views.md: the actions that ``rep``'s own article names as past acts of the
    same type on a shared firm. A background mention names the action it fits best when it shares
    a number or an official id with it ("the previous 45-day extension"); the article's news is
    another act and does not join it."""
    named: set[str] = set()
    for bg in backgrounds:
        if bg.type != rep.type or not set(bg.targets) & set(rep.targets):
            continue
        best = best_of(bg, found_for(bg))
        if best is None:
            continue
        sig, theirs = bg.signals, pool[best[2]].signals
        if sig.ids & theirs.ids or sig.numbers & theirs.numbers:
            named.add(best[2])
    return named


def fold(reports: Iterable[Report], candidates: Callable[[Report], Sequence[Action]],
         country: Mapping[str, str] | None = None, *, window: timedelta = WINDOW,
         span: timedelta = SPAN, similarity: Similarity | None = None,
         min_similarity: float | None = None) -> tuple[list[Join], dict[str, Action]]:
    """Fold ``reports`` (in publication order, then article key and seq) into actions.

    ``candidates(report)`` gives the stored actions that may fit (from the index); actions started
    by earlier reports of the same call are added to the pool here. With ``similarity`` (a
    multilingual embedding: the report's evidence against the action's), the closest fitting
    action wins, and with ``min_similarity`` an action whose evidence is further than that is
    not joined. Returns one :class:`Join` per report, and every action touched (stored or new)
    by id, updated."""
    country = country or {}
    pool: dict[str, Action] = {}
    by_key: dict[tuple[str, str], set[str]] = {}
    joins: list[Join] = []
    # an article's background mentions come after its own news: "the licences granted today
    # reverse the ban of April" names the April act, never the one this article reports
    reported: dict[str, set[str]] = {}
    ordered = sorted(reports, key=lambda r: (r.published, r.article_key, r.status == "background", r.seq))
    backgrounds: dict[str, list[Report]] = {}
    for r in ordered:
        if r.status == "background" and r.targets:
            backgrounds.setdefault(r.article_key, []).append(r)

    def found_for(rep: Report) -> dict[str, Action]:
        found: dict[str, Action] = {}
        for act in candidates(rep):
            found.setdefault(act.action_id, pool.setdefault(act.action_id, act))
        for t in rep.targets:
            for aid in by_key.get((rep.type, t), ()):
                found[aid] = pool[aid]
        if rep.status == "background":
            for aid in reported.get(rep.article_key, ()):
                found.pop(aid, None)
        return found

    def best_of(rep: Report, found: Mapping[str, Action]) -> tuple[float, datetime, str] | None:
        sig = rep.signals
        best: tuple[float, datetime, str] | None = None
        for act in found.values():
            s = fit(rep, act, sig, country, window=window, span=span)
            if s is not None and similarity is not None and act.sentences and rep.sentence:
                sim = similarity(rep.sentence, act.sentences)
                s = None if min_similarity is not None and sim < min_similarity else s + sim
            if s is not None and (best is None or (-s, act.first_seen, act.action_id) < (-best[0], best[1], best[2])):
                best = (s, act.first_seen, act.action_id)
        return best

    for rep in ordered:
        if not rep.targets:
            continue
        found = found_for(rep)
        if rep.status != "background":
            for aid in named_as_past(rep, backgrounds.get(rep.article_key, ()), found_for, best_of, pool):
                found.pop(aid, None)
        sig = rep.signals
        best = best_of(rep, found)
        if best is None:
            act = Action(action_id=action_id_for(rep), type=rep.type, targets=set(rep.targets),
                         first_seen=rep.published, last_seen=rep.published, actor=rep.actor, new=True)
            pool[act.action_id] = act
            score, started = 1.0, True
        else:
            act = pool[best[2]]
            score, started = best[0], False
        before = act.status
        act.status = next_status(act.status, rep.status)
        act.targets.update(rep.targets)
        act.actor = act.actor or rep.actor
        if rep.status != "background":  # a mention in passing does not stretch the action's window
            act.seen.append(rep.published)
        if rep.status in ("enacted", "reversed") and (act.enacted_at is None or rep.published < act.enacted_at):
            act.enacted_at = rep.published
        act.first_seen = min(act.first_seen, rep.published)
        act.last_seen = max(act.last_seen, rep.published)
        act.signals = act.signals | sig
        if rep.sentence:
            act.sentences.append(rep.sentence)
        for t in rep.targets:
            by_key.setdefault((rep.type, t), set()).add(act.action_id)
        if rep.status != "background":
            reported.setdefault(rep.article_key, set()).add(act.action_id)
        changed = act.status if (started and act.status) or act.status != before else None
        joins.append(Join(rep, act.action_id, score, started, changed))
    return joins, pool
