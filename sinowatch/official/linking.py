"""Which action an official record documents: the agreement rules. Pure, no I/O.

A record (a Federal Register document, or a screening-list addition group) may join an action
only when they agree on everything a compliance analyst checks first:

0. **source**: a Federal Register document is the Bureau of Industry and Security's (its
   ``agencies`` include BIS: :func:`is_bis_document`). Other agencies' documents that name a firm
   (a FAR procurement ban by DoD, GSA and NASA, an FCC equipment rule, a Defense Department 1260H
   notice) are other kinds of act: they are stored and never linked, like additions to lists that
   are not BIS's; nor is a correction of an earlier document ("...; Correction"), which is not an
   act of its own;
1. **type**: the action's event type is the record's (a BIS Entity List rule or addition is
   ``entity_list``; any other BIS rule ``export_control``; additions to lists that are not BIS's,
   such as OFAC's SDN or the Treasury's NS-CMIC list, have no event type of the taxonomy and are
   never linked: :data:`LIST_TYPES`);
2. **targets**: they share at least one resolved firm (the record's firms come from its listed
   names, ``sinowatch.official.names``);
3. **date**: the act is dated within :data:`RECORD_GAP` of the record's date (its first
   enacted report, else its first report: a rule published days after the news, or news of a
   listing that appears in the list first);
4. **actor**: a body of the record's government (BIS, Commerce, the US government) or unknown;
5. **no contradiction**: an action that already holds a record with another Federal Register
   citation documents another rule;
6. **content** (``sinowatch.official.acts``): the act the record documents is the act the reports
   describe: the same kind (an addition, a removal, a licence extension, an authorization, new
   controls; an extension never joins a designation, a removal never an addition) and status (a
   proposed rule joins only an action seen proposed; a final rule never an action known only from
   mentions in passing); a revision of entries, or a record whose kind its text does not state,
   joins only by its citation;
7. **close in time, or corroborated**: an act dated more than :data:`FEW_DAYS` from the record
   (up to :data:`RECORD_GAP`) needs a report that states the record's citation, document number,
   publication or effective date.

A record whose citation agrees (rule a below) needs neither 6 nor 7: the reports name the document.

Among the actions that agree, the best is chosen by these rules, in order (:func:`rank`):

a. the citation agrees: the action holds a record with the same citation, or a report's
   evidence states the citation or the document number;
b. the most shared firms;
c. the fewest firms of the action that the record does not name;
d. an action seen enacted (or reversed) before one only proposed or mentioned in the background;
e. the act date closest to the record's date (in whole days).

When the two best are equal on all five, the evidence is ambiguous: the record is linked to
neither (and starts no action of its own), and ``sinowatch official`` says so.

**A record that names no watched firm** (a rule on a class of items for a country, a designation
of firms outside the watchlist) has no firm to agree on, so rule 2 cannot hold; such a BIS
document joins an action of its type only by :func:`choose_unnamed`, stricter in every other
respect (rule 2'):

- the action's actor is stated and is a US body (rule 4 without "or unknown");
- an ``entity_list`` record joins only an action that names no watched firm either (an action on a
  watched firm is another designation); an ``export_control`` rule may join an action whose
  targets are the controlled items' makers (a rule on chips names no chip maker);
- a record whose text states destinations none of which is China (mainland, Hong Kong or Macau:
  "under the destination of Russia") documents no act of this beat;
- rules 5, 6 and 7 as above, and the action holds no other record;
- exactly one action agrees: the one whose report states the citation or document number, else
  the only one left; two or more agreeing equally is ambiguous, and nothing is linked;
- and the other way round: when two such records choose the
  same action (:func:`unique_record`), the one whose citation a report states wins, else the one
  whose title's subject words (:func:`subject_words`: "polysilicon", "gallium", "quantum") the reports state strictly
  more; else neither joins.

A record that agrees with no action starts one only when it is a recent screening-list addition
of a watched firm (:func:`starts_action`) and no action agrees with it on everything but rule 7 (a
record published two weeks after an announcement the news reported is that act, uncorroborated:
it is left unlinked rather than made a second action that would alert twice); a designation is
news even when no outlet reported it. Any
other record (a Federal Register rule, an extension, a removal) is stored and left unlinked, and a
Federal Register document is tried again on later runs while news may still arrive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sinowatch.actions.fold import signals
from sinowatch.official.acts import CSL_ADDITION, RecordAct, content_agrees, date_stated, news_kinds

#: how far the act (its first enacted report) may lie from the record's date, either way. On the
#: labelled records of dev, test and holdout the gap was -1 to 5 days (news first, then the rule or
#: the list); 14 days leaves a margin without reaching the next rule on the same firm (the Huawei
#: licence extensions came 4 to 13 weeks apart). Before 2026-12-01 the fold's 45 / 30 days were
#: used, and a BIS rule 25 days before a different act on the same firm joined it (holdout3).
RECORD_GAP = timedelta(days=14)
#: how far the act may lie from the record without a report stating the record's citation,
#: document number or date (rule 7): dev's gaps are -1 to 5 days (a rule is published days after
#: the announcement the news reports)
FEW_DAYS = timedelta(days=7)

#: Federal Register agencies (slugs, or names when a page gives no slug) whose documents are acts
#: of the taxonomy's export_control / entity_list types
RECORD_AGENCIES = frozenset({"industry-and-security-bureau", "industry and security bureau",
                             "bureau of industry and security"})


def is_bis_document(agencies: Sequence[str]) -> bool:
    """Whether a Federal Register document is BIS's (rule 0): one of its agencies is BIS. A
    document without agencies is not (the feed asks for the field)."""
    return any(" ".join(a.split()).lower() in RECORD_AGENCIES for a in agencies)


#: screening-list codes whose additions are acts of a type of the taxonomy (BIS's lists)
LIST_TYPES: dict[str, str] = {"EL": "entity_list", "MEU": "entity_list", "UVL": "entity_list"}


def citation_keys(citation: str | None) -> frozenset[str]:
    """The Federal Register citations a record's citation field states, in the form the fold's
    signals use ("90 FR 12345"); a screening-list notice may state two ("83 FR 54519, 84 FR
    22963"). A field that states none is kept whole, spaces normalised."""
    if not citation or not citation.strip():
        return frozenset()
    ids = frozenset(i for i in signals(citation).ids if not i.startswith("doc:"))
    return ids or frozenset({" ".join(citation.split())})


@dataclass(frozen=True)
class Candidate:
    """An action the warehouse found for a record (same type, a shared firm, in the window)."""

    action_id: str
    actor: str | None
    targets: tuple[str, ...]
    act_date: datetime
    status: str | None = None
    citations: frozenset[str] = frozenset()  # citation_keys of the records already linked to it
    evidence: tuple[str, ...] = ()  # evidence sentences of its reports
    event_type: str = ""
    statuses: frozenset[str] = frozenset()  # the action's status and its reports' statuses


@dataclass(frozen=True)
class Choice:
    action_id: str | None  # None: no agreeing action (start one) or ambiguous (link none)
    ambiguous: tuple[str, ...] = ()  # the tied actions, when the evidence is ambiguous
    excluded: tuple[str, ...] = ()  # actions left out because they document another rule
    #: actions that agree on everything but time: their act lies more than FEW_DAYS from the record
    #: and no report corroborates it (the record neither joins them nor starts a duplicate)
    uncorroborated: tuple[str, ...] = ()

    @property
    def is_ambiguous(self) -> bool:
        return bool(self.ambiguous)


def citation_agrees(c: Candidate, citation: str | None, document_number: str | None = None) -> bool:
    """Rule a: the action holds a record with the same citation, or a report's evidence states
    the citation or the document number."""
    keys = citation_keys(citation)
    stated: set[str] = set()
    for sentence in c.evidence:
        stated |= signals(sentence or "").ids
    return bool(keys & (c.citations | stated)) or bool(document_number and f"doc:{document_number}" in stated)


def corroborated(c: Candidate, *, when: date, act: RecordAct, citation: str | None,
                 document_number: str | None = None, effective: date | None = None) -> bool | None:
    """Rules 6 and 7: True when the content agrees and the act is close in time or a report
    states the record's date, or the citation agrees, which settles both; None when the content
    agrees but the act is further than :data:`FEW_DAYS` with nothing to corroborate it; else False."""
    if citation_agrees(c, citation, document_number):
        return True
    if not content_agrees(act, c.event_type, news_kinds(c.evidence), c.statuses):
        return False
    if abs((c.act_date.date() - when).days) <= FEW_DAYS.days or date_stated(c.evidence, when, effective):
        return True
    return None


def starts_action(act: RecordAct, kind: str, *, when: date, today: date) -> bool:
    """Whether a record that joins no action starts one: a screening-list addition whose start
    date (``when``) is recent, within :data:`RECORD_GAP` of the snapshot (``today``). An entry
    that appears in a diff with a start date months back is an old listing the list shows anew
    (a revised entry re-keyed, a feed catching up), not today's designation."""
    return kind == "screening_list" and act == CSL_ADDITION and (today - when).days <= RECORD_GAP.days


def rank(c: Candidate, *, targets: Sequence[str], when: date, citation: str | None,
         document_number: str | None = None) -> tuple[int, int, int, int, int]:
    """The sort key of rules a-e (smaller is better)."""
    agree = citation_agrees(c, citation, document_number)
    mine = set(targets)
    theirs = set(c.targets)
    enacted = c.status in ("enacted", "reversed")
    return (0 if agree else 1, -len(mine & theirs), len(theirs - mine), 0 if enacted else 1,
            abs((c.act_date.date() - when).days))


def _screen(candidates: Iterable[Candidate], *, when: date, citation: str | None, document_number: str | None,
            act: RecordAct | None, effective: date | None,
            uncited_excluded: bool) -> tuple[list[Candidate], list[str], list[str]]:
    """Rules 5-7 over the candidates a chooser admitted: (those that agree, the ids excluded because
    they hold a record with another citation, the ids that agree on everything but time). An action
    that holds a record excludes a record without a citation too when ``uncited_excluded``. Without
    ``act``, rules 6 and 7 are not applied."""
    keys = citation_keys(citation)
    fit: list[Candidate] = []
    excluded: list[str] = []
    unsure: list[str] = []
    for c in candidates:
        if c.citations and (keys or uncited_excluded) and not keys & c.citations:
            excluded.append(c.action_id)  # documented by another record already
            continue
        if act is not None:
            ok = corroborated(c, when=when, act=act, citation=citation, document_number=document_number,
                              effective=effective)
            if ok is None:
                unsure.append(c.action_id)
            if not ok:
                continue
        fit.append(c)
    return fit, excluded, unsure


def choose(candidates: Iterable[Candidate], *, targets: Sequence[str], when: date, citation: str | None,
           actors: set[str | None], document_number: str | None = None, act: RecordAct | None = None,
           effective: date | None = None) -> Choice:
    """The action a record joins by the module's rules (type, shared firm and window are the
    candidates' own conditions). Without ``act`` (the record's content, ``sinowatch.official.acts``)
    rules 6 and 7 are not applied: the stage always passes it."""
    fit, excluded, unsure = _screen(
        (c for c in candidates if c.actor in actors and set(c.targets) & set(targets)), when=when,
        citation=citation, document_number=document_number, act=act, effective=effective,
        uncited_excluded=False)
    if not fit:
        return Choice(None, excluded=tuple(excluded), uncorroborated=tuple(sorted(unsure)))
    ranked = sorted(fit, key=lambda c: (rank(c, targets=targets, when=when, citation=citation,
                                             document_number=document_number), c.action_id))
    best = rank(ranked[0], targets=targets, when=when, citation=citation, document_number=document_number)
    tied = [c.action_id for c in ranked
            if rank(c, targets=targets, when=when, citation=citation, document_number=document_number) == best]
    if len(tied) > 1:
        return Choice(None, ambiguous=tuple(tied), excluded=tuple(excluded))
    return Choice(ranked[0].action_id, excluded=tuple(excluded))


#: the beat's destinations: a record that states destinations and none of these is of another beat
_CHINA = re.compile(r"\b(?:China|Chinese|PRC|Hong Kong|Macau|Macao)\b|中国|中华人民共和国|香港|澳门")
_DESTINATION = re.compile(r"\bdestinations?\s+of\s+((?:(?!\.\s)[^;:]){1,200})", re.I)


def other_destination(text: str) -> bool:
    """Whether a record's title or abstract states destinations ("under the destinations of Russia
    and Belarus") none of which is China, Hong Kong or Macau."""
    stated = _DESTINATION.findall(text or "")
    return bool(stated) and not any(_CHINA.search(d) for d in stated)


#: words of Federal Register titles and abstracts that say what kind of document it is, not what it
#: is about (they never make a record's subject)
_BOILERPLATE = frozenset("""
    notice request public comments comment section national security investigation investigations imports
    import export exports administration regulations regulation controls control additional implementation
    certain items entity entities addition additions revision revisions existing entries entry rule rules
    final interim amendments amendment clarifications corrections updates update bureau industry commerce
    department federal register china chinese people's republic destination destinations license licenses
    licence licences requirements requirement under advanced technology technologies""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{4,}")


def subject_words(text: str) -> frozenset[str]:
    """A record's subject: the words of five or more letters of its title that are not Federal
    Register boilerplate ("Section 232 National Security Investigation of Imports of Polysilicon
    and its Derivatives" -> {"polysilicon", "derivatives"})."""
    return frozenset(w.lower() for w in _WORD.findall(text or "") if w.lower() not in _BOILERPLATE)


def subject_overlap(subject: frozenset[str], evidence: Iterable[str]) -> int:
    """How many of a record's subject words the reports' evidence states."""
    said = " ".join(evidence).lower()
    return sum(1 for w in subject if re.search(rf"\b{re.escape(w)}", said))


def choose_unnamed(candidates: Iterable[Candidate], *, event_type: str, when: date, citation: str | None,
                   actors: set[str | None], act: RecordAct, document_number: str | None = None,
                   effective: date | None = None) -> Choice:
    """The action a record that names no watched firm joins (rule 2' of the module): the only
    agreeing action of a stated US actor, or the only one whose report states its citation."""
    fit, excluded, unsure = _screen(
        # a stated US actor; a designation of a watched firm is another act
        (c for c in candidates if c.actor is not None and c.actor in actors
         and not (event_type == "entity_list" and c.targets)),
        when=when, citation=citation, document_number=document_number, act=act, effective=effective,
        uncited_excluded=True)
    stated = [c for c in fit if citation_agrees(c, citation, document_number)]
    pick = stated or fit
    if len(pick) == 1:
        return Choice(pick[0].action_id, excluded=tuple(excluded))
    if len(pick) > 1:
        return Choice(None, ambiguous=tuple(sorted(c.action_id for c in pick)), excluded=tuple(excluded))
    return Choice(None, excluded=tuple(excluded), uncorroborated=tuple(sorted(unsure)))


def unique_record(records: Sequence[tuple[str | None, str | None, str]], c: Candidate) -> int | None:
    """Which of several records that name no watched firm and chose the same action ``c`` joins it
    (their (citation, document number, title)): the only one whose citation or document number a
    report states, else the only one whose subject words the reports state most; None when that
    does not single one out."""
    if len(records) == 1:
        return 0
    stated = [i for i, (cit, num, _) in enumerate(records) if citation_agrees(c, cit, num)]
    if stated:
        return stated[0] if len(stated) == 1 else None
    scores = [subject_overlap(subject_words(title), c.evidence) for _, _, title in records]
    top = max(scores)
    return scores.index(top) if top > 0 and scores.count(top) == 1 else None
