"""What act a record documents and what act the news reports: the content a link must agree on.
Pure, no I/O.

A record may join an action only when the act it documents is the act the reports describe, not
only the same firm in the same weeks (``sinowatch.official.linking``, rule 6). Both sides are read
into one small vocabulary of **kinds**:

- ``addition``: entities put on a list ("Additions to the Entity List"; "added ... to the Entity
  List", "列入实体清单");
- ``removal``: entities taken off a list ("Removal of Certain Entities"; "removed", "移出");
- ``revision``: an existing entry revised (addresses, aliases): a record kind only, news rarely
  reports it;
- ``extension``: a licence or authorization extended ("Temporary General License: Extension of
  Validity"; "extended the temporary licence by 90 days", "再延长90天");
- ``authorization``: a permission granted or a restriction eased ("Release of Technology ...",
  "authorize"; "allow", "began issuing licences", "允许", "放宽");
- ``controls``: new restrictions (licence requirements, controls on items, foreign direct product
  rules, a permission revoked; "require licences", "restrict", "revoke", "限制", "管制", "撤销").

- ``investigation``: an investigation opened (a Section 232 investigation's notice): a record kind
  that joins only an action of the ``investigation`` type.

A rule rescinded is a ``removal`` (an easing); an authorization revoked is ``controls``.

A record has one kind (its title decides; when the title says none, its abstract) and a flag for a
proposed rule. A report's evidence sentence has at most one kind (the first of extension, removal,
addition, authorization, controls that it states: "extended the licence that allows ..." is an
extension); an action's kinds are those of its reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

KINDS = ("addition", "removal", "revision", "extension", "authorization", "controls", "investigation")
#: kinds that ease a restriction (news reports them as a reversal)
EASING = frozenset({"removal", "extension", "authorization"})


@dataclass(frozen=True)
class RecordAct:
    """The act a record documents: its kind (one of :data:`KINDS`, or None when its text says
    none of them) and whether it is only proposed."""

    kind: str | None
    proposed: bool = False


#: record titles and abstracts (the Federal Register's vocabulary), in order of precedence
_RECORD: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("controls", re.compile(r"\bcommerce control list\b|\bforeign direct product\b|\brevo(?:cation|ke|kes|king|ked)\b",
                            re.I)),
    ("extension", re.compile(r"\bextension of validity\b|\bextend(?:s|ing|ed)?\b[^.;]{0,80}\bvalidity\b"
                             r"|\btemporary general licen[cs]e\b[^.;]{0,40}\bextend", re.I)),
    ("removal", re.compile(r"\bremov(?:al|als|e|es|ing|ed)\b|\brescission\b|\brescind", re.I)),
    ("addition", re.compile(r"\badd(?:ition|itions|s|ing|ed)?\b(?! of an address)", re.I)),
    ("revision", re.compile(r"\brevis(?:ion|ions|e|es|ing|ed)\b[^.;]{0,60}\b(?:entr(?:y|ies)|address|alias)", re.I)),
    ("authorization", re.compile(r"\brelease of\b|\bauthori[sz](?:e|es|ing|ed|ation)\b|\blicen[cs]e exception\b"
                                 r"|\bexempt", re.I)),
    ("controls", re.compile(r"\bcontrols?\b|\brestrict|\blicen[cs]e requirements?\b|\bforeign direct product\b"
                            r"|\bprohibit", re.I)),
    ("investigation", re.compile(r"\binvestigations?\b|\binquiry\b", re.I)),
)
_PROPOSED = re.compile(r"\bproposed rule\b|\bnotice of proposed\b|\badvance notice\b", re.I)


def record_act_fr(title: str, abstract: str | None, action: str | None = None,
                  doc_type: str | None = None) -> RecordAct:
    """The act of a Federal Register document: the kind its title states, else its abstract's;
    proposed when the API's type or action field says so."""
    proposed = bool((doc_type or "").strip().lower() in ("proposed rule", "prorule")
                    or _PROPOSED.search(action or "") or _PROPOSED.search(title))
    for text in (title, abstract or ""):
        for kind, pattern in _RECORD:
            if pattern.search(text):
                return RecordAct(kind, proposed)
    return RecordAct(None, proposed)


#: a screening-list addition group
CSL_ADDITION = RecordAct("addition")

#: report evidence (English and Chinese), in order of precedence within one sentence
_NEWS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("extension", re.compile(r"\bextend(?:s|ed|ing)?\b|\bextension\b|\breprieve\b|\bgrace period\b|\brenew(?:s|ed|al)?\b"
                             r"|延长|延期|展期|再延|续期", re.I)),
    ("removal", re.compile(r"\bremov(?:e|es|ed|ing|al)\b|\bdelist|\btaken off\b|\btook\b[^.]{0,40}\boff\b"
                           r"|\brescind|\brescission\b|\brepeal|移出|移除|剔除|撤出|废除", re.I)),
    ("addition", re.compile(r"\badd(?:s|ed|ing)?\b|\bblacklist|\bdesignat|\bplac(?:e|es|ed|ing)\b[^.]{0,60}\bon\b"
                            r"[^.]{0,30}\blist\b|列入|纳入|加入[^。]{0,10}清单|拉黑", re.I)),
    ("authorization", re.compile(r"\ballow|\blet(?:s|ting)?\b|\bpermit|\bauthori[sz]|\bgrant|\bapprov|\bissu(?:e|es|ed|ing)"
                                 r" licen[cs]es\b|\bcarve[sd]?[- ]out\b|\beas(?:e|es|ed|ing)\b|\bexempt|\bwaive"
                                 r"|\bresume\b|允许|批准|放宽|豁免|获准|发放[^。]{0,10}许可|开口子|松绑", re.I)),
    ("controls", re.compile(r"\brestrict|\brequir|\bban(?:s|ned|ning)?\b|\bcurb|\bcontrols?\b|\bcrack(?:s|ed)? down"
                            r"|\bcrackdown|\bprohibit|\bblock|\bhalt|\btighten|\brevo(?:ke|kes|ked|king|cation)\b"
                            r"|\brules?\b|限制|管制|禁止|须获得|需要获得|要求[^。]{0,10}许可|收紧|管控|撤销|吊销", re.I)),
)


def sentence_kind(sentence: str) -> str | None:
    """The kind one report's evidence states, or None."""
    for kind, pattern in _NEWS:
        if pattern.search(sentence or ""):
            return kind
    return None


def news_kinds(sentences: Iterable[str]) -> frozenset[str]:
    """The kinds an action's reports state."""
    return frozenset(k for k in (sentence_kind(s) for s in sentences) if k is not None)


def content_agrees(record: RecordAct, event_type: str, kinds: frozenset[str], statuses: frozenset[str]) -> bool:
    """Whether an action of ``event_type`` whose reports state ``kinds`` and were seen with
    ``statuses`` (proposed, enacted, reversed, background) reports the act ``record`` documents:

    - a proposed rule joins only an action seen proposed (it becomes that action's history); a
      final rule one seen proposed, enacted or reversed (a final rule days after news that the act
      was weighed is its enactment: a status change stays on its action), never an action known
      only from mentions in passing;
    - the kinds agree: the record's kind is among the action's. An action whose reports state
      no kind stands for the type's usual act: an Entity List action for an addition, an export
      control action for new controls; on the Entity List, restrictions stated ("restricts
      exports to them") are the listing. A revision of entries joins only by its citation (rule a
      of the linking), never by content;
    - a record whose kind is unknown joins nothing by content;
    - an investigation's notice joins an investigation, and only one (the type states the act).
    """
    if record.proposed and "proposed" not in statuses:
        return False
    if not record.proposed and not statuses & {"proposed", "enacted", "reversed"}:
        return False
    if record.kind is None or record.kind == "revision":
        return False
    if event_type == "investigation" or record.kind == "investigation":  # the type says what the act is
        return event_type == "investigation" and record.kind == "investigation"
    if event_type == "entity_list" and "controls" in kinds:  # "restricts exports to them": the listing
        kinds = (kinds - {"controls"}) | {"addition"}
    if not kinds:
        kinds = frozenset({"addition"} if event_type == "entity_list" else {"controls"})
    return record.kind in kinds


_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_EN_DATE = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})\b"
                      r"|\b(\d{1,2})\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b", re.I)
_ZH_DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")


def stated_days(text: str) -> frozenset[tuple[int, int]]:
    """The (month, day) dates a sentence states: "March 12", "12 March", "3月12日"."""
    out: set[tuple[int, int]] = set()
    for m1, d1, d2, m2 in _EN_DATE.findall(text or ""):
        month, day = (_MONTHS[m1.lower()], int(d1)) if m1 else (_MONTHS[m2.lower()], int(d2))
        if 1 <= day <= 31:
            out.add((month, day))
    for m, d in _ZH_DATE.findall(text or ""):
        if 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
            out.add((int(m), int(d)))
    return frozenset(out)


def date_stated(sentences: Iterable[str], *days: date | None) -> bool:
    """Whether a report states one of ``days`` (the record's publication or effective date)."""
    wanted = {(d.month, d.day) for d in days if d is not None}
    return any(stated_days(s) & wanted for s in sentences)
