"""Status, actor and targets for an event the transformer classifier adds (#15 round 5).

The classifier types a whole sentence, so its events have no trigger. The rules' role and status
logic (:mod:`sinowatch.extractors.event_roles`) needs one: the clause around the trigger decides
"weighs adding" (proposed) against "added" (enacted), and the actor is the authority named nearest
before it. Here the trigger is stood in for by the first *cue* of the type in the sentence (the
word that made the sentence that type: "licences", "probe", "关税", ...), else a point after the
sentence's opening clause, and the same functions as the rules then give

* ``status`` for every type (background, proposed, reversed, enacted; market moves: enacted
  unless background), as :func:`~sinowatch.extractors.event_roles.event_status` does for a rule
  event;
* for the restrictive types: the actor named in the sentence (skipping "sales to China"), else a
  named instrument's authority (the Entity List -> Washington), else the last actor named earlier
  in the text; for policy plans and investments: an actor only when the sentence names one;
* targets: the sentence's companies and chips, else, when it refers back ("the company", "该公司"),
  those of the last earlier sentence that names one.

The pipeline then treats the event like a rule event (headline actor for a body event that names
none, a past date making an enacted act background).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sinowatch.extractors.event_roles import refers_back
from sinowatch.extractors.events import sentence_roles
from sinowatch.extractors.matcher import actor_hits, doc_text, hits
from spacy.tokens import Doc

_I = re.IGNORECASE

#: per type, the words that stand in for a trigger (the first match anchors the status window)
TYPE_CUES: dict[str, re.Pattern[str]] = {
    "export_control": re.compile(r"export|licen[cs]|\bban|curb|restrict|controls?\b|waiver|permit|approv|allow|sell|sales|ship|deliver|"
                                 r"出口|管制|许可|禁止|限制|豁免|销售", _I),
    "entity_list": re.compile(r"entity list|blacklist|unreliable entity|\blist(ed|ing)?\b|实体清单|不可靠实体|清单|列入", _I),
    "tariff": re.compile(r"tariff|\bdut(y|ies)\b|lev(y|ies)|关税|加征|税率", _I),
    "investigation": re.compile(r"probe|investigat|antitrust|review|inquir|summon|调查|审查|约谈|反垄断|立案", _I),
    "investment": re.compile(r"invest|fund|capex|capital|stake|rais(e|ed|es|ing)\b|round|\bipo\b|投资|融资|基金|募资|入股|上市", _I),
    "model_release": re.compile(r"releas|launch|unveil|open-sourc|model|发布|开源|上线|推出|模型", _I),
    "chip_launch": re.compile(r"launch|unveil|releas|ship|production|taped|chip|processor|发布|推出|量产|流片|芯片", _I),
    "market_move": re.compile(r"shares|stock|market value|index|revenue|profit|股价|市值|营收|利润|涨|跌", _I),
    "policy_plan": re.compile(r"\bplan|policy|policies|guideline|measures|rules|target|subsid|规划|方案|意见|办法|政策|目标|补贴", _I),
    "partnership": re.compile(r"partner|agree|deal|contract|tender|\bbid|supplier|deploy|合作|协议|签署|中标|采购", _I),
}


def cue_span(etype: str, sentence: str) -> tuple[int, int]:
    """Where the type's first cue is in ``sentence`` (the stand-in trigger); without one, a point
    120 characters in (or the end), so the status rules read the sentence's opening clause as the
    trigger's governing clause ("Washington is weighing whether ...")."""
    rx = TYPE_CUES.get(etype)
    m = rx.search(sentence) if rx is not None else None
    if m is None:
        k = min(len(sentence), 120)
        return k, k
    return m.start(), m.end()


def classifier_roles(doc: Doc, bounds: tuple[int, int, int, int], etype: str, *,
                     government_of: Mapping[str, str] | None = None) -> dict[str, Any]:
    """``actor``, ``targets``, ``status``, ``coref`` and ``actor_named`` of a classifier event of
    type ``etype`` in the sentence ``bounds`` (start token, end token, start char, end char) of
    ``doc``, by the rules' own functions (see the module docstring)."""
    s_tok, e_tok, s_char, e_char = bounds
    found = hits(doc)
    govs = actor_hits(doc)
    text = doc_text(doc)[s_char:e_char]
    t_start, t_end = cue_span(etype, text)
    sent_hits = sorted((h[2] - s_char, h[3] - s_char, h[4], h[5]) for h in (*found, *govs)
                       if h[0] >= s_tok and h[1] <= e_tok)
    return sentence_roles(doc, found, govs, s_tok, text, sent_hits, etype, t_start, t_end,
                          coref=refers_back(text), government_of=government_of)
