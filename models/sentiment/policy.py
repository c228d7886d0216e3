"""Policy knowledge from the extracted events, combined with the sentiment model's label.

GUIDELINE.md's policy cases are largely a function of what the event extractor already finds: a
firm that is a **target** of a restrictive act (``export_control``, ``entity_list``, ``tariff``,
``investigation``) that is proposed or enacted takes bad news; one whose restriction is
**reversed** (lifted, waived, removed from a list) takes good news; the **actor** (the regulator
or government) is merely acting, so it is neutral. A past act mentioned as background says
nothing about today's news and is left to the model. With ``growth`` on, a firm that an act of
growth (an investment, a model release, a chip launch; proposed or enacted) names as target
takes good news too (GUIDELINE.md: pledges, launches and funding are not neutral). With
``bodies_neutral`` on, a government, an agency or a named policy instrument (watchlist kinds
:data:`BODY_KINDS`, and the ``actor_only`` governments) is neutral whatever the events say
(GUIDELINE.md: "the regulator itself is usually neutral (it acts, it is not affected)"; every
government, agency and policy pair of the training and validation files is labelled neutral).
With ``moves`` on, a firm that a ``market_move`` event names as target takes the direction its
sentence states ("shares rose 8%", "股价大涨" good; "fell", "暴跌" bad; both or neither: no vote).
With ``cues`` on, a mention in a Chinese context that no event gives a stance takes the polarity of
the beat's evaluative words (:func:`cue_stance`): the English encoder reads about half the word
pieces of Chinese text as unknown, so its Chinese labels are weak, while "受益", "突破", "破发",
"亏损" say which way the news cuts. The later switches read what no event states: ``bystanders`` (a firm beside
another firm's launch is merely mentioned), ``averted`` (a restriction withheld is good news), ``compared`` (the
yardstick of a comparison is neutral), ``results`` (a firm named in another firm's results is a bystander; round 20),
``setbacks`` (a body's own defeat is bad news for it; round 20); ``mixed`` (balanced results) and ``deals`` (a firm
beside another firm's deal) were tried in round 20 and stay off; ``stalled``, ``supported`` and ``tied`` (round 21)
gained one pair on validation together and stay off (MODEL_CARD.md); ``peers`` (a peer whose clause says it shares
the news keeps the model's label) and ``lost`` (a customer a supplier lost is hit) are round 22's and ship (V +6).
Round 23's ``licences`` (a licence granted for a firm's sales is good news, a proposal to tighten licences bad),
``favoured`` (the examples of those a measure favours or squeezes), ``faltering`` (a firm whose own setback another
firm's results news states), ``outlook`` (a raised forecast with falling shares is neutral, good results with a weak
outlook bad), ``venues`` (the app store or platform of another firm's product is merely named) and ``lifted`` (curbs
lifted by any body) and ``beats`` (results above or below expectations give a market move its direction) were judged by
MODEL_CARD.md's round 23 rule, which shipped ``licences`` and ``outlook`` (V +3). Round 36's ``relief`` (a firm of
which the context states relief: its worries eased, a risk to it lifted, a law or a veto that spares it) was written
from the spent beat sets' errors and judged by MODEL_CARD.md's round 36 rule: it ships (V +7, general validation
equal), and so does ``blows`` (a setback or a blow said of a firm, or the firm shut out of a market or a tender, is bad
news for it; V +1) and ``boosts`` (a boost, a windfall or a win for a firm, or news that helps it, is good news for
it; V +1), and ``averted_first`` (a restriction withheld, ``averted``, decides before the events' stance; V +2).

The encoder has to infer these implied effects from wording ("requires licences for" is not a
negative word), and often does not. :func:`adjust` therefore overrides the model's label with the
event's stance for a mention that the events of its context name as target or actor, unless
the model is confident of the opposite (its score ``P(pos) - P(neg)`` at least ``keep_margin``
the other way: "Chinese chipmakers shrug off curbs as output rises" stays positive), and only for
events whose confidence is at least ``min_confidence``. An entity with contradicting stances in
one context (target of a new curb and of a reversal) keeps the model's label.

The rule's parameters are chosen on validation rows (MODEL_CARD.md, "Event layer"); the
pipeline (``aggregate.apply_sentiment``) and ``eval-sentiment`` both call :func:`adjust`, so the
reported figures are what the warehouse gets. Pure: records in, records out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sinowatch.models.sentiment.data import HEADLINE_SEP

from sinowatch.records import POLICY_TYPES, Event, Sentiment
from sinowatch.text import has_east_asian

#: acts of growth: an investment (pledge, funding, stake), a model release, a chip launch
GROWTH_TYPES = ("investment", "model_release", "chip_launch")
#: watchlist kinds of the bodies that act rather than take news (``bodies_neutral``); ``government``
#: is what the evaluation calls an ``actor_only`` entity (no warehouse row is scored for one)
BODY_KINDS = frozenset({"agency", "policy", "government"})
#: the direction a market move's sentence states (``moves``)
_UP = re.compile(r"\b(rose|rise[sn]?|rising|jump\w*|surg\w*|soar\w*|climb\w*|gain\w*|rall(y|ied|ies)|higher|"
                 r"record high|all-time high|beat\w* estimates|doubl\w*|grew)\b|上涨|大涨|涨停|走强|走高|收涨|拉升|"
                 r"创(历史)?新高|增长|涨超|飙升", re.I)
_DOWN = re.compile(r"\b(fell|fall(s|ing)?|drop\w*|slid|slide[sn]?|sliding|plung\w*|tumbl\w*|sank|sink\w*|slump\w*|"
                   r"lost|los(es|ing)|lower|record low|wip\w* .{0,20} off|miss\w* estimates|declin\w*|shrank)\b|"
                   r"下跌|大跌|暴跌|跌停|走弱|走低|收跌|下滑|下降|跌超|亏损|蒸发", re.I)


#: evaluative words of this beat in Chinese (``cues``): good news / bad news for the entity they are said of
_ZH_POS = re.compile(r"受益|利好|支持信号|明确支持|提振|大涨|上涨|涨停|新高|突破|领先|获批|获准|获得.{0,6}(许可|批准|订单|融资)|"
                     r"中标|签约|超出预期|超预期|好于预期|扭亏|增长|翻倍|畅销|热销|首发|量产|恢复(供货|供应|销售)|表示欢迎|有利于|"
                     r"放宽|批准|赢得|增持|补贴|扶持|降低.{0,4}门槛|加快|提升|提高|具备.{0,10}能力|接手|替代.{0,6}(进口|国外|海外)|"
                     r"不受影响|有望|市场份额.{0,4}(扩大|提升)|成功|上市首日(大涨|上涨)|募资|融资")
_ZH_NEG = re.compile(r"制裁|禁令|禁止|封禁|限制|列入.{0,6}(清单|名单)|打压|下滑|下降|下跌|大跌|暴跌|跌停|亏损|破发|减值|承压|"
                     r"冲击|受挫|打击|调查|处罚|罚款|暂停|停止|退出|紧张|短缺|违规|违法|起诉|诉讼|仲裁|成本.{0,4}(上升|增加)|"
                     r"困难|受限|断供|停产|裁员|下调|搜查|指控|质疑|蒸馏|抄袭|侵权|难以|失去|流失|不在.{0,6}范围|排除|拒绝|"
                     r"担忧|风险|警告|整顿|审查|约谈|危机|重组|债务|违约|大降|骤降|腰斩|蒸发|出局|落选|禁用|告吹|终止费|淘汰|"
                     r"堵死|走低|压力|推高.{0,4}成本|涨价|拖累|失望|上诉|不得|无法|逐案|逐单|未能|未获")
#: a restriction lifted (good) or a reprieve taken back (bad): these count twice, so that the
#: restriction's own word ("禁令" in "叫停...禁令") does not outvote them
_ZH_POS_STRONG = re.compile(r"(叫停|暂停执行|撤销|取消|解除|移出|豁免|放宽).{0,10}(禁令|限制|制裁|名单|清单|调查|关税|封禁)")
_ZH_NEG_STRONG = re.compile(r"(撤销|取消|吊销|收回).{0,10}(豁免|资格|许可|授权)")
#: a firm named right before a verb of launching: its own launch (``cues``)
_ZH_LAUNCH = re.compile(r"^\s*(正式|今日|今天|首次|再次|宣布|已)?\s*(发布|推出|亮相|开源|上线|量产|首发|推出了|发布了)")
_CLAUSE = re.compile(r"[，。；;！？!?：:]|\s\|\s")
#: English clauses: the headline separator, stops and semicolons before a space
_CLAUSE_EN = re.compile(r"\s\|\s|[.;]\s")


def _clauses_of(context: str, mention: str) -> list[str]:
    """The clauses of ``context`` that name ``mention`` (Chinese: :data:`_CLAUSE`; English: :data:`_CLAUSE_EN`)."""
    return [c for c in (_CLAUSE if has_east_asian(context) else _CLAUSE_EN).split(context) if c.strip() and mention in c]


def _said_of(context: str | None, mention: str | None, zh: str, en: str) -> bool:
    """``context`` matches the pattern (``zh`` in a Chinese context, else ``en``) with ``mention`` at its ``{m}``
    (False without a context or a mention)."""
    if not context or not mention:
        return False
    rx = zh if has_east_asian(context) else en
    return re.search(rx.format(m=re.escape(mention)), context, re.I) is not None


def _one_way(good: bool, bad: bool) -> str | None:
    """positive / negative when only one of ``good`` and ``bad`` holds, else None."""
    return "positive" if good and not bad else "negative" if bad and not good else None


def cue_stance(context: str | None, mention: str | None) -> str | None:
    """The polarity the beat's Chinese evaluative words give ``mention`` in ``context`` (a
    ``headline | sentence`` text): a firm named right before a launch verb is positive; else the
    cue words of the clauses that name the mention are counted (good minus bad), and when they are
    silent, those of the whole context. A tie, no cue, or a context without Chinese: None."""
    if not context or not mention or not has_east_asian(context):
        return None
    at = context.find(mention)
    if at >= 0 and _ZH_LAUNCH.match(context[at + len(mention):at + len(mention) + 8]) \
            and not _ZH_NEG.search(context):
        return "positive"
    clauses = [c for c in _CLAUSE.split(context) if c.strip()]
    for pool in ([c for c in clauses if mention in c], clauses):
        text = "".join(pool)
        pos = len(_ZH_POS.findall(text)) + 2 * len(_ZH_POS_STRONG.findall(text))
        neg = len(_ZH_NEG.findall(text)) + 2 * len(_ZH_NEG_STRONG.findall(text))
        if pos != neg:
            return "positive" if pos > neg else "negative"
    return None


#: a restriction withheld from the firm named at ``{m}`` (``averted``): not banned, not excluded, let in,
#: not covered, a ban on it blocked, a push to exclude it rebuffed (GUIDELINE.md: good news for it)
_AVERTED_EN = (r"\bstop(s|ped|ping)? short of (banning|barring|excluding|blacklisting|restricting|naming)\b[^.|;]{{0,30}}{m}|"
               r"\bwithout (banning|barring|excluding|blacklisting|restricting|naming|singling out)\b[^.|;]{{0,30}}{m}|"
               r"\b(not|n't|no longer|declin\w* to|refus\w* to) (to )?(ban|bar|exclud|blacklist|restrict|single out)\w*\b[^.|;]{{0,30}}{m}|"
               r"\b(allow\w*|let|lets|permit\w*|invit\w*|clear\w*)\b[^.|;]{{0,30}}{m}\b[^.|;]{{0,40}}\b(take part|participat\w*|join|bid|compete|keep|continue|supply|sell)|"
               r"\b(block\w*|halt\w*|strike\w* down|struck down|overturn\w*|drop\w*|shelv\w*|withdr[ae]w\w*)\b[^.|;]{{0,30}}\b(ban|bar|curbs?|restrictions?|exclusion|listing)\b[^.|;]{{0,30}}{m}|"
               r"\brebuff\w*\b[^.|;]{{0,40}}\b(push|pressure|calls?|bid)\w*\b[^.|;]{{0,15}}\b(ban|bar|exclude|drop)\w*[^.|;]{{0,10}}{m}|"
               r"{m}[^.|;]{{0,40}}\b(is|are|was|were|remains?|stays?)? ?(not covered|exempt(ed)?|spared|escap\w*|dodg\w*|avoid\w*)\b")
_AVERTED_ZH = (r"(未|没有|并未|不)(被)?(排除|禁止|限制|点名|列入|封禁)[^，。；|]{{0,8}}{m}|{m}[^，。；|]{{0,10}}(未被|没有被|并未被|免于|未遭)(排除|禁止|列入|限制|封禁|制裁)|"
               r"(允许|邀请|同意)[^，。；|]{{0,12}}{m}[^，。；|]{{0,12}}(参与|参加|加入|继续|投标|供货)|{m}得以(继续)?|"
               r"(叫停|暂停|阻止|撤回|放弃)[^，。；|]{{0,12}}{m}[^，。；|]{{0,8}}(禁令|限制|排除)")


def averted_stance(context: str | None, mention: str | None) -> str | None:
    """positive when ``context`` states a restriction withheld from ``mention`` ("stops short of
    banning Huawei", "未排除华为", "允许华为参与5G试验"), else None."""
    return "positive" if _said_of(context, mention, _AVERTED_ZH, _AVERTED_EN) else None


#: results above or below expectations (``beats``; round 23)
_ABOVE = re.compile(r"\b(beat\w*|top\w*|exceed\w*|surpass\w*|above)\b[^.|;]{0,20}\b(forecasts?|estimates?|expectations?|"
                    r"consensus|guidance)\b|超出预期|超预期|好于预期|高于预期|优于预期|超市场预期", re.I)
_BELOW = re.compile(r"\b(miss\w*|below|short of|trail\w*|disappoint\w*)\b[^.|;]{0,20}\b(forecasts?|estimates?|"
                    r"expectations?|consensus|guidance)\b|不及预期|低于预期|逊于预期|不如预期|未达预期", re.I)


def beat_direction(sentence: str) -> str | None:
    """positive / negative when ``sentence`` states results above or below expectations only."""
    return _one_way(bool(_ABOVE.search(sentence)), bool(_BELOW.search(sentence)))


#: a loss that grows or shrinks: its growth is bad news and its narrowing good, whatever the words of rising say
#: ("Cambricon's net loss nearly doubles", "净亏损接近翻倍", "亏损同比收窄"; round 32, from the spent holdout30 pairs)
_LOSS_WIDER = re.compile(r"\bloss(es)?\b[^.|;]{0,30}\b(widen\w*|doubl\w*|deepen\w*|grew|grow\w*|swell\w*|balloon\w*)\b|"
                         r"\bwiden\w* (its |their )?(net )?loss|亏损[^，。；|]{0,12}(扩大|加大|增加|翻倍|加深)|(扩大|加大)[^，。；|]{0,4}亏损",
                         re.I)
_LOSS_NARROWER = re.compile(r"\bloss(es)?\b[^.|;]{0,30}\b(narrow\w*|shrank|shrink\w*|halv\w*)\b|\bnarrow\w* (its |their )?"
                            r"(net )?loss|亏损[^，。；|]{0,12}(收窄|减少|缩小|减半)|减亏|扭亏", re.I)


def direction(sentence: str) -> str | None:
    """positive / negative when a market move's sentence states one direction only (a loss that widens is down, one
    that narrows up: :data:`_LOSS_WIDER`, :data:`_LOSS_NARROWER`)."""
    loss = _one_way(bool(_LOSS_NARROWER.search(sentence)), bool(_LOSS_WIDER.search(sentence)))
    if loss is not None:
        return loss
    return _one_way(bool(_UP.search(sentence)), bool(_DOWN.search(sentence)))


#: the score an overridden label gets at least (away from 0), so entity roll-ups (|score| >= 0.2)
#: follow the label
OVERRIDE_SCORE = 0.5


@dataclass(frozen=True)
class EventRule:
    """Parameters of the event layer (see the module docstring)."""

    min_confidence: float = 0.8
    #: the model keeps its label when its score is at least this far on the side opposite the
    #: event's stance (for a neutral stance: when |score| is at least this)
    keep_margin: float = 0.5
    #: the actor of a restrictive act is neutral
    actors_neutral: bool = True
    #: a target of an act of growth (:data:`GROWTH_TYPES`, proposed or enacted) takes good news
    growth: bool = False
    #: governments, agencies and policy instruments (:data:`BODY_KINDS`) are neutral
    bodies_neutral: bool = False
    #: a target of a market move takes its stated direction (:func:`direction`)
    moves: bool = False
    #: a mention in a Chinese context that no event gives a stance takes its cue words' polarity
    cues: bool = False
    #: a firm or chip that no event gives a stance, beside another firm's launch (a model release or a
    #: chip launch whose targets leave it out), is merely mentioned: neutral (GUIDELINE.md, "a rival's gain")
    bystanders: bool = False
    #: a firm or chip that no event gives a stance, of which the context states a restriction withheld
    #: ("stops short of banning", "未排除", "允许...参与"), takes good news (:func:`averted_stance`)
    averted: bool = False
    #: a firm or chip that the context names as the yardstick of a comparison ("a market led by
    #: Nvidia", "close to OpenAI's", 对标英伟达), and no policy event gives a stance, is neutral
    #: (:func:`compared_with`; GUIDELINE.md, "a rival's gain")
    compared: bool = False
    #: a firm or chip that no event gives a stance, whose context states results both ways ("record
    #: revenue but profit misses", 喜忧参半), is neutral (:func:`mixed_results`; GUIDELINE.md, "Balanced")
    mixed: bool = False
    #: a firm or chip named in a headline of another firm's results, after its first word of results or
    #: only in the lead, is a bystander: neutral unless a policy act gives it a stance
    #: (:func:`results_bystander`; GUIDELINE.md, "A rival's gain")
    results: bool = False
    #: a government, agency or policy instrument whose own defeat or failure the context states is
    #: negative, not neutral (:func:`body_setback`; GUIDELINE.md, "unless the text is about its own ... setback")
    setbacks: bool = False
    #: a firm or chip that no event gives a stance, beside another firm's investment or partnership (a pledge, a
    #: stake, a deal whose targets leave it out), is merely mentioned: neutral (:func:`dealt_by_other`)
    deals: bool = False
    #: a firm or chip of which the context states that a restriction on it stalled, was shelved or is held out for
    #: easing is positive, whatever a proposed act on it says; a body whose plan stalled is negative
    #: (:func:`stalled_stance`; round 21)
    stalled: bool = False
    #: a firm or chip that no policy event gives a stance, named as the object of the state's support (a leader
    #: touring its plant, a plan pledging to back it), is positive (:func:`supported_stance`; round 21)
    supported: bool = False
    #: a firm or chip that no event gives a stance, whose own loss the context ties to another firm's gain, is
    #: negative; one named as taking share or gaining ground is positive (:func:`tied_stance`; round 21)
    tied: bool = False
    #: a firm or chip that ``results`` would make a bystander keeps the model's label when its own clause says it
    #: shares the news ("SK海力士和美光也有望受益", "peers rose in tandem") (:func:`shares_news`; round 22)
    peers: bool = False
    #: in a context whose headline reports results, a firm named as the customer lost, no longer supplied or barred
    #: from being served ("lost Huawei orders", "停止向华为供货") is negative (:func:`lost_customer`; round 22)
    lost: bool = False
    #: a firm or chip whose sales the context says a licence or approval lets go ahead is positive; one whose licences
    #: a proposal would tighten is negative (:func:`licence_stance`; round 23)
    licences: bool = False
    #: a firm named as an example of those a measure favours is positive, of those it squeezes negative
    #: (:func:`favoured_stance`; round 23)
    favoured: bool = False
    #: in a context whose headline reports another firm's results, a firm whose own clause states its own setback is
    #: negative rather than a bystander (:func:`faltering`; round 23)
    faltering: bool = False
    #: a firm's results that raise a forecast while its shares fall are neutral; beating results with a weak outlook
    #: are negative (:func:`outlook_stance`; round 23)
    outlook: bool = False
    #: a firm named as the app store, platform or host of another firm's pulled or listed product is neutral
    #: (:func:`venue_only`; round 23)
    venues: bool = False
    #: a firm of which the context states curbs lifted, by any body, is positive (:func:`lifted_curbs`; round 23)
    lifted: bool = False
    #: a market move whose sentence states results above or below expectations takes that direction where
    #: :func:`direction` reads none (:func:`beat_direction`; round 23)
    beats: bool = False
    #: a firm of which the context states relief (its worries eased, a risk to it lifted, a law that spares it) is
    #: positive (:func:`relief_stance`; round 36)
    relief: bool = False
    #: a firm the context says is dealt a setback or a blow, or shut out of a market or a tender, is negative
    #: (:func:`blow_to`; round 36)
    blows: bool = False
    #: a firm the context says the news boosts or helps (a boost, a windfall or a win for it, 利好, 受益) is positive
    #: (:func:`boost_to`; round 36)
    boosts: bool = False
    #: a restriction withheld from a firm (:func:`averted_stance`) decides before the events' stance, not only where
    #: they give none ("stops short of banning Huawei" beside a ban the extractor read in it; round 36)
    averted_first: bool = False

    @property
    def tag(self) -> str:
        """A short stamp of the parameters, for the version of rows scored with the layer."""
        return (f"ev{self.min_confidence:g}k{self.keep_margin:g}{'a' if self.actors_neutral else ''}"
                f"{'g' if self.growth else ''}{'n' if self.bodies_neutral else ''}{'m' if self.moves else ''}"
                f"{'c' if self.cues else ''}{'b' if self.bystanders else ''}{'v' if self.averted else ''}"
                f"{'r' if self.compared else ''}{'x' if self.mixed else ''}{'o' if self.results else ''}"
                f"{'s' if self.setbacks else ''}{'d' if self.deals else ''}{'h' if self.stalled else ''}"
                f"{'p' if self.supported else ''}{'t' if self.tied else ''}{'q' if self.peers else ''}"
                f"{'l' if self.lost else ''}{'e' if self.licences else ''}{'f' if self.favoured else ''}"
                f"{'i' if self.faltering else ''}{'w' if self.outlook else ''}{'y' if self.venues else ''}"
                f"{'z' if self.lifted else ''}{'u' if self.beats else ''}{'j' if self.relief else ''}{'k' if self.blows else ''}{'B' if self.boosts else ''}{'A' if self.averted_first else ''}")


#: the setting chosen on validation (MODEL_CARD.md, "Event layer"); ``sentiment.policy_events``
#: switches it on in the pipeline and ``eval-sentiment`` reports with it
#: (round 15: re-chosen for the Chinese route, `ev0.9k2nmbvr`; the Chinese cues are left to the multilingual model;
#: round 20: bystanders of another firm's results and bodies' own setbacks, `ev0.9k2nmbvros`, V 806 against 801;
#: round 22: peers that share the news and customers a supplier lost, `ev0.9k2nmbvrosql`, V 1053 against 1047;
#: round 23: licences granted or threatened and raised forecasts with falling shares, `ev0.9k2nmbvrosqlew`, V 1161
#: against 1158 with extract-0.7.21, 1161 against 1160 with extract-0.7.22;
#: round 36: relief for a firm (its worries eased, a risk to it lifted, a law that spares it), `ev0.9k2nmbvrosqlewj`,
#: V 1523 against 1516 with extract-0.7.70, general validation equal; then a setback or blow said of a firm, or the
#: firm shut out, `ev0.9k2nmbvrosqlewjk`, V 1524 against 1523; then a boost, a windfall or help said of a firm,
#: `ev0.9k2nmbvrosqlewjkB`, V 1525 against 1524; then a restriction withheld decides before the events' stance,
#: `ev0.9k2nmbvrosqlewjkBA`, V 1527 against 1525)
SHIPPED_RULE = EventRule(min_confidence=0.9, keep_margin=2.0, actors_neutral=False, growth=False, bodies_neutral=True,
                         moves=True, cues=False, bystanders=True, averted=True, compared=True, results=True,
                         setbacks=True, peers=True, lost=True, licences=True, outlook=True, relief=True,
                         blows=True, boosts=True, averted_first=True)


def stance(entity: str, events: Sequence[Event], rule: EventRule, kind: str | None = None) -> str | None:
    """The label ``events`` imply for ``entity`` (an entity id of watchlist ``kind``), or None when
    they imply none or contradict each other."""
    if rule.bodies_neutral and kind in BODY_KINDS:
        return "neutral"
    votes: set[str] = set()
    for ev in events:
        if ev.confidence < rule.min_confidence:
            continue
        if ev.type == "market_move":
            if rule.moves and entity in ev.targets and ev.status == "enacted":
                way = direction(ev.sentence) or (beat_direction(ev.sentence) if rule.beats else None)
                if way is not None:
                    votes.add(way)
            continue
        if ev.type in GROWTH_TYPES:
            if rule.growth and entity in ev.targets and ev.status in ("proposed", "enacted"):
                votes.add("positive")
            continue
        if ev.type not in POLICY_TYPES:
            continue
        if entity in ev.targets:
            if ev.status in ("proposed", "enacted"):
                votes.add("negative")
            elif ev.status == "reversed":
                votes.add("positive")
        elif rule.actors_neutral and ev.actor == entity:
            votes.add("neutral")
    return votes.pop() if len(votes) == 1 else None


def policy_stance(entity: str, events: Sequence[Event], rule: EventRule, kind: str | None = None) -> str | None:
    """The :func:`stance` of the policy acts (:data:`POLICY_TYPES`) among ``events`` alone."""
    return stance(entity, [e for e in events if e.type in POLICY_TYPES], rule, kind)


def combine(model: Sentiment, implied: str | None, rule: EventRule) -> Sentiment:
    """The model's sentiment, overridden by the ``implied`` label unless the model is confident of
    the opposite (``rule.keep_margin``)."""
    if implied is None or implied == model.label:
        return model
    s = model.score
    if implied == "negative":
        return model if s >= rule.keep_margin else Sentiment("negative", min(s, -OVERRIDE_SCORE))
    if implied == "positive":
        return model if s <= -rule.keep_margin else Sentiment("positive", max(s, OVERRIDE_SCORE))
    return model if abs(s) >= rule.keep_margin else Sentiment("neutral", 0.0)


def adjust(model: Sentiment, entity: str, events: Sequence[Event], rule: EventRule,
           kind: str | None = None, context: str | None = None, mention: str | None = None) -> Sentiment:
    """:func:`combine` of the model's sentiment with the :func:`stance` of ``events`` on ``entity``
    (of watchlist ``kind``); with ``rule.cues``, a firm or chip that the events give no stance takes
    the :func:`cue_stance` of its ``context`` text (``headline | sentence``) and ``mention``."""
    if rule.setbacks and kind in BODY_KINDS and body_setback(context, mention):
        return combine(model, "negative", rule)
    if rule.stalled:
        held = stalled_stance(entity, events, context, mention, body=kind in BODY_KINDS)
        if held is not None:
            return combine(model, held, rule)
    if rule.tied and kind not in BODY_KINDS:
        way = tied_stance(context, mention)
        if way is not None and policy_stance(entity, events, rule, kind) is None:
            return combine(model, way, rule)
    if rule.lost and kind not in BODY_KINDS and lost_customer(context, mention):
        return combine(model, "negative", rule)
    if kind not in BODY_KINDS:
        early = ((rule.favoured and favoured_stance(context, mention))
                 or (rule.licences and licence_stance(context, mention))
                 or (rule.lifted and lifted_curbs(context, mention) and "positive")
                 or (rule.relief and relief_stance(context, mention) and "positive")
                 or (rule.blows and blow_to(context, mention) and "negative")
                 or (rule.boosts and boost_to(context, mention) and "positive")
                 or (rule.averted_first and averted_stance(context, mention))
                 or (rule.faltering and faltering(context, mention) and "negative")
                 or (rule.outlook and outlook_stance(entity, events, context))
                 or (rule.venues and venue_only(entity, events, rule, context, mention) and "neutral"))
        if early:
            return combine(model, early, rule)
    if kind not in BODY_KINDS and (
            (rule.results and results_bystander(context, mention) and not owns_results(entity, events)
             and not (rule.peers and shares_news(context, mention)))
            or (rule.compared and compared_with(context, mention))):
        # a bystander of another firm's results, or the yardstick of another firm's news: only a policy act on it
        # gives it a stance
        return combine(model, policy_stance(entity, events, rule, kind) or "neutral", rule)
    implied = stance(entity, events, rule, kind)
    if implied is None and rule.mixed and kind not in BODY_KINDS and mixed_results(context):
        implied = "neutral"
    # (with ``averted_first`` it was read above, before the events' stance)
    if implied is None and rule.averted and not rule.averted_first and kind not in BODY_KINDS:
        implied = averted_stance(context, mention)
    if implied is None and rule.supported and kind not in BODY_KINDS:
        implied = supported_stance(context, mention)
    if implied is None and rule.cues and kind not in BODY_KINDS:
        implied = cue_stance(context, mention)
    if implied is None and rule.bystanders and kind not in BODY_KINDS and launched_by_other(entity, events, rule):
        implied = "neutral"
    if implied is None and rule.deals and kind not in BODY_KINDS and dealt_by_other(entity, events, rule):
        implied = "neutral"
    return combine(model, implied, rule)


#: the yardstick of a comparison, just before the mention ("led by", "close to", "对标") or right after
#: it ("Nvidia rival"); a loss tied to the entity ("takes share from", "取代") is not a comparison
_COMPARED_BEFORE_EN = re.compile(
    r"\b(led by|dominated by|close to|comparable to|on par with|rival(s|ling|ing)?|rival to|compet\w* (with|against)|"
    r"(challeng|match|outperform|beat|tak)\w* (on )?|taking aim at|aim\w* at|alternative to|than|versus|vs\.?|"
    r"catch(ing)? up (with|to)|answer to)\s+(the |its |U\.S\. |American |\w+ )?$", re.I)
_COMPARED_AFTER_EN = re.compile(r"^(['’]s)?\s*(rivals?|challengers?|competitors?|equivalents?|alternatives?)\b", re.I)
#: Chinese: a word of comparison that says it alone ("对标英伟达"), or one that needs a word of rivalry
#: after the mention ("与英伟达竞争", "与三星的差距")
_COMPARED_ALONE_ZH = re.compile(r"(对标|比肩|媲美|赶超|抗衡)[^，。；|]{0,4}$")
_COMPARED_BEFORE_ZH = re.compile(r"(挑战|追赶|超越|对抗|不输|比|与|和|同)[^，。；|]{0,4}$")
_COMPARED_AFTER_ZH = re.compile(r"^[^，。；|]{0,8}(竞争|抗衡|比肩|媲美|相当|相比|差距|看齐|的替代|的竞争对手|的对手)")
_TIED_LOSS = re.compile(r"\b(from|replac\w*|displac\w*|oust\w*|at the expense of|instead of)\s+(\w+\s+)?$|"
                        r"(取代|替代|抢占|夺走|挤占|蚕食|抢走)[^，。；|]{0,6}$", re.I)


def compared_with(context: str | None, mention: str | None) -> bool:
    """``context`` names ``mention`` as the yardstick of a comparison ("a market led by Nvidia",
    "claiming scores close to OpenAI's", "China's Nvidia rival", "对标英伟达", "与英伟达竞争"), not as
    the loser of a gain tied to it ("takes share from Nvidia", "取代英伟达")."""
    if not context or not mention:
        return False
    at = context.find(mention)
    if at < 0:
        return False
    before, after = context[max(0, at - 40):at], context[at + len(mention):at + len(mention) + 24]
    if _TIED_LOSS.search(before):
        return False
    if has_east_asian(context):
        return bool(_COMPARED_ALONE_ZH.search(before)
                    or (_COMPARED_BEFORE_ZH.search(before) and _COMPARED_AFTER_ZH.match(after)))
    return bool(_COMPARED_BEFORE_EN.search(before) or _COMPARED_AFTER_EN.match(after))


#: words of a firm's results (``mixed``, ``results``); "sales" alone is left out ("bans sales of ...")
_RESULTS_EN = re.compile(r"\b(profits?|revenues?|earnings|net income|operating income|results|guidance|"
                         r"(quarterly|annual|first-quarter|second-quarter|third-quarter|fourth-quarter|"
                         r"first-half|full-year) sales)\b", re.I)
_RESULTS_ZH = re.compile(r"利润|营收|净利|业绩|财报|营业收入|营业额|季度收入|年度收入")
#: a word that says the results cut both ways
_BALANCED = re.compile(r"\bmixed (results|quarter|picture|bag|outlook|signals)\b|\boffset\w*\b|\bcancel\w* out\b|"
                       r"喜忧参半|好坏参半|有喜有忧|相互抵消|互相抵消|并存|冰火两重天", re.I)
#: a contrast between two clauses ("record revenue but profit misses"); "despite" is not one (the main
#: clause's direction is the news: "shrug off curbs")
_CONTRAST = re.compile(r"\bbut\b|\bwhile\b|\byet\b|\balthough\b|\bthough\b|但是|但|不过|然而|却", re.I)
#: gains and losses of results, beside the market moves' words (:data:`_UP`, :data:`_DOWN`)
_GOOD = re.compile(r"\brecord\b|\bbeat\w*\b|\bstrong\w*\b|\btop\w* (forecasts|estimates|expectations)\b|\bsurg\w*|"
                   r"好于预期|超预期|超出预期|新高|强劲|大增|亮眼|增长|回升", re.I)
_BAD = re.compile(r"\bmiss\w*\b|\bshort of\b|\bweak\w*\b|\bslump\w*|\bloss(es)?\b|\bwarn\w*|\bcut\w*|"
                  r"\btrim\w*|\bsoft\w*|低于预期|逊于预期|疲弱|放缓|下调|亏损|拖累|下滑|下降|乏力|受挫", re.I)


def _results(text: str) -> re.Match[str] | None:
    return (_RESULTS_ZH if has_east_asian(text) else _RESULTS_EN).search(text)


def mixed_results(context: str | None) -> bool:
    """``context`` reports results and states them both ways: a word of balance ("mixed", "offset",
    喜忧参半, 相互抵消), or a gain and a loss on the two sides of a contrast ("record revenue but profit
    misses", "营收创新高 ... 但利润逊于预期")."""
    if not context or not _results(context):
        return False
    if _BALANCED.search(context):
        return True
    for clause in re.split(r"\s\|\s|[。；;]|(?<=[a-z])\.\s", context):
        cut = _CONTRAST.search(clause)
        if cut is None:
            continue
        before, after = clause[:cut.start()], clause[cut.end():]
        good = [bool(_GOOD.search(x) or _UP.search(x)) for x in (before, after)]
        bad = [bool(_BAD.search(x) or _DOWN.search(x)) for x in (before, after)]
        if (good[0] and bad[1]) or (bad[0] and good[1]):
            return True
    return False


def results_bystander(context: str | None, mention: str | None) -> bool:
    """``context``'s headline reports results and names ``mention`` only after its first word of
    results, or not at all ("SK Hynix posts record profit | ... sales of HBM to Nvidia surged": Nvidia
    is the buyer named in another firm's results, not their owner)."""
    if not context or not mention:
        return False
    found = _headline_results(context)
    if found is None:
        return False
    # the headline opens the context, so a first mention after the word of results (or in the lead) is after it
    at = context.find(mention)
    return at < 0 or at >= found.start()


def _headline_results(context: str) -> re.Match[str] | None:
    """The first word of results in ``context``'s headline, if it reports results."""
    return _results(context.split(HEADLINE_SEP, 1)[0])


def owns_results(entity: str, events: Sequence[Event]) -> bool:
    """The headline's market move names ``entity`` as its sole target: it owns the results, whatever alias
    the pair's mention is ("AMD预告三季度营收..." for 超威半导体 in the lead). A move that names several firms
    does not say which owns the results ("中芯国际去年营收增速超过台积电")."""
    return any(ev.type == "market_move" and ev.field == "title" and tuple(ev.targets) == (entity,) for ev in events)


#: a government body's own defeat or failure (``setbacks``), with the body's mention at ``{m}``
_SETBACK_EN = (r"\b(defeat|setback|blow|rebuke|embarrassment|loss)\s+(for|to)\s+(the\s+)?{m}|"
               r"\b(dent\w*|undercut\w*|damag\w*)\b[^.|;]{{0,20}}{m}|"
               r"{m}(['’]s?)?\s+(\w+\s+){{0,3}}(fail\w*|lost|loses|losing|falls? short|(was|were) rebuffed)\b")
_SETBACK_ZH = r"{m}[^，。；|]{{0,20}}(败诉|受挫|未果|落空|碰壁|失利|未能)|(挫败|重挫)[^，。；|]{{0,10}}{m}"


def body_setback(context: str | None, mention: str | None) -> bool:
    """``context`` states the defeat or failure of the body named ``mention`` ("a rare courtroom
    defeat for the Justice Department", "Washington fails to win an EU-wide ban", "美国司法部...以败诉告终")."""
    return _said_of(context, mention, _SETBACK_ZH, _SETBACK_EN)


#: the launches beside which another firm is a bystander
LAUNCH_TYPES = ("model_release", "chip_launch")


def launched_by_other(entity: str, events: Sequence[Event], rule: EventRule) -> bool:
    """Some confident launch (:data:`LAUNCH_TYPES`, proposed or enacted) of the context names its
    firms or chips as targets, and ``entity`` is not among them ("CXMT launches LPDDR5 chips ...
    a market led by Samsung": Samsung is merely mentioned)."""
    return _beside_others(entity, events, rule, LAUNCH_TYPES)


def _beside_others(entity: str, events: Sequence[Event], rule: EventRule, types: Sequence[str]) -> bool:
    """Some confident event of ``types`` (proposed or enacted) names its firms as targets, and ``entity``
    is not among them."""
    return any(ev.type in types and ev.confidence >= rule.min_confidence and ev.status in ("proposed", "enacted")
               and ev.targets and entity not in ev.targets for ev in events)


#: the deals beside which another firm is a bystander (``deals``)
DEAL_TYPES = ("investment", "partnership")


def dealt_by_other(entity: str, events: Sequence[Event], rule: EventRule) -> bool:
    """Some confident investment or partnership (:data:`DEAL_TYPES`, proposed or enacted) of the context
    names its firms as targets, and ``entity`` is not among them ("Samsung pledges 133 trillion won ... where
    TSMC and Intel set the pace": TSMC and Intel are merely named)."""
    return _beside_others(entity, events, rule, DEAL_TYPES)


def context_events(events: Sequence[Event], field: str, sentence: str) -> list[Event]:
    """The events of a mention's context: the headline's, and for a body mention those of its
    own sentence (the model reads ``headline | sentence``)."""
    out = [e for e in events if e.field == "title"]
    if field != "title":
        out += [e for e in events if e.field != "title" and e.sentence.strip() == sentence.strip()]
    return out


#: a restriction stalled, shelved, withdrawn or held out for easing (``stalled``): the words of the stall, and the
#: restriction they act on within the same clause
_STALL_EN = re.compile(
    r"\b(stall(s|ed|ing)?|shelv(e|es|ed|ing)|scrap(s|ped|ping)?|derail(s|ed|ing)?|withdr[ae]w(s|n|ing)?|"
    r"put(s|ting)? on hold) (an? |the |its )?([\w'’-]+ ){0,5}"
    r"(rules?|curbs?|restrictions?|ban|bans|sanctions?|listing|blacklisting|proposal|crackdown|controls?)\b|"
    r"\b(rules?|curbs?|restrictions?|ban|sanctions?|listing|blacklisting|proposal|crackdown)\b[^.|;]{0,40}"
    r"\b(stall(s|ed|ing)?|(was|were|is|are|been|be) (shelved|put on hold|withdrawn|scrapped|blocked|delayed|postponed))\b|"
    r"\b(prospect|possibility|chance) of (easing|lifting|relaxing|loosening|rolling back)\b|"
    r"\bcould be (part of|included in|on the table in|folded into) (a |any )?([\w-]+ )?(trade )?(deal|agreement|accord|talks)\b|"
    r"\b(would not|wouldn't|did not|didn't|declin\w* to|stop\w* short of|refus\w* to) (commit|pledg|promis)\w* "
    r"(to )?(keep|keeping|maintain\w*)\b", re.I)
_STALL_ZH = re.compile(
    r"(限制|禁令|制裁|提案|规则|新规|措施|关税)[^，。；|]{0,6}((暂被|被|遭)(搁置|暂缓|推迟|撤回|叫停|冻结|否决)|"
    r"(暂时)?(搁置|暂缓实施|推迟实施|冻结))|"
    r"(搁置|暂缓|撤回|冻结)[^，。；|]{0,8}(限制|禁令|制裁|提案|规则|新规|措施)|"
    r"或迎转机|迎来转机|(可能|或将|有望|暗示|考虑)[^，。；|]{0,6}(放宽|松绑|解除)|"
    r"(纳入|作为)[^，。；|]{0,8}(贸易)?(协议|谈判)(的)?(筹码|一部分)|"
    r"未(明确)?(承诺|表态)[^，。；|]{0,12}(维持|保留|继续)")
#: a body's own plan that stalled, with the body's mention at ``{m}``
_STALL_BODY_EN = (r"\b(stall\w*|shelv\w*|block\w*|derail\w*|scuttl\w*)\b[^.|;]{{0,20}}\b(an? |the )?{m}(['’]s?)?\s+"
                  r"(\w+\s+){{0,2}}(rules?|plans?|proposals?|push|bid|effort)\b|"
                  r"{m}(['’]s?)?\s+(\w+\s+){{0,3}}(rules?|plans?|proposals?|push|bid|effort)\b[^.|;]{{0,20}}\b(stall\w*|was shelved|"
                  r"was blocked|was put on hold)")
_STALL_BODY_ZH = r"{m}[^，。；|]{{0,20}}(提案|计划|规则|新规|措施)[^，。；|]{{0,4}}(暂被|被|遭)?(搁置|受阻|暂缓|冻结)"


def stalled_stance(entity: str, events: Sequence[Event], context: str | None, mention: str | None,
                   body: bool = False) -> str | None:
    """``positive`` for a firm of which ``context`` states that a restriction stalled, was shelved or is held out
    for easing ("Pentagon objections stall a Commerce rule to widen Huawei curbs", "Huawei could be part of a trade
    deal", "扩大对华为限制的提案暂被搁置", "华为或迎转机"): the firm is the target of a restrictive act (proposed or
    enacted) of the context, or the mention shares the stall's clause; ``negative`` for a body (``body``) whose own
    rule or plan the context states stalled; else None."""
    if not context or not mention:
        return None
    zh = has_east_asian(context)
    if body:
        m = re.escape(mention)
        body_rx = _STALL_BODY_ZH if zh else _STALL_BODY_EN
        return "negative" if re.search(body_rx.format(m=m), context, re.I) else None
    rx = _STALL_ZH if zh else _STALL_EN
    if not rx.search(context):
        return None
    targeted = any(ev.type in POLICY_TYPES and entity in ev.targets and ev.status in ("proposed", "enacted")
                   for ev in events)
    if targeted:
        return "positive"
    return "positive" if any(rx.search(c) for c in _clauses_of(context, mention)) else None


#: the state's support for a firm (``supported``), with the mention at ``{m}``: a leader or official visiting,
#: touring or praising it; a plan or order pledging to back, help or shield it
_SUPPORT_EN = (r"\b(visit(s|ed|ing)?|tour(s|ed|ing)?|prais\w*|hail(s|ed|ing)?|laud\w*|commend\w*)\b[^.|;]{{0,30}}{m}|"
               r"\b(help|helps|helping|shield\w*|protect(s|ed|ing)?|back(s|ed|ing)?|support(s|ed|ing)?|subsidi[sz]\w*|"
               r"fund(s|ed|ing)?|nurtur\w*)\b"
               r"[^.|;]{{0,40}}\b(such as|including|like|led by)\s+{m}")
_SUPPORT_ZH = (r"(参观|视察|到访|考察|调研|走访)[^，。；|]{{0,4}}{m}|(称赞|赞扬|肯定|点赞)[^，。；|]{{0,10}}{m}|"
               r"(?<![不未])(扶持|支持|补贴|资助|力挺)[^，。；|]{{0,4}}{m}")
#: the state in the context: who supports (a visit by a sales team is not the state's support)
_STATE = re.compile(r"\b(president|prime minister|premier|minister|secretary|government|governor|officials?|state|"
                    r"memo\w*|strategy|plan|white house|administration|commission|ministry)\b|"
                    r"总统|总理|主席|部长|政府|国家|官员|书记|省长|市长|战略|规划|计划|委员会", re.I)
_HOSTILE = re.compile(r"\b(probe|investigat\w*|raid\w*|inspect\w*|audit\w*|sanction\w*|fine[sd]?)\b|"
                      r"调查|搜查|约谈|检查|突击|处罚|罚款|制裁|问询", re.I)


def supported_stance(context: str | None, mention: str | None) -> str | None:
    """``positive`` when ``context`` names ``mention`` as the object of the state's support ("Biden tours
    Samsung's Pyeongtaek plant", "文在寅到访三星电子", "help shield AI developers such as OpenAI") and no hostile
    word (a probe, a raid, a fine) is present; else None."""
    if not context or not mention or not _STATE.search(context) or _HOSTILE.search(context):
        return None
    return "positive" if _said_of(context, mention, _SUPPORT_ZH, _SUPPORT_EN) else None


#: a firm's loss tied to another's gain (``tied``; mention at ``{m}``) and a firm's gain of share
_TIED_LOSS_EN = (r"\b(benefit\w*|profit\w*|capitali[sz]\w*|cash\w* in)\s+(from|on)\s+(\w+\s+){{0,2}}{m}(['’]s?)?\s+"
                 r"(\w+\s+){{0,3}}(woes|troubles|curbs|restrictions|sanctions|decline|retreat|exit|absence|problems|"
                 r"setbacks?|struggles)\b|\bat the expense of\s+(\w+\s+)?{m}|\btak\w* (\w+ )?share (from|off)\s+(\w+\s+)?{m}|"
                 r"\b(replac|displac|oust|overt(ake|ook|aking))\w*\s+(\w+\s+)?{m}")
_TIED_GAIN_EN = (r"{m}\s+(\w+\s+){{0,3}}(gain\w* ground|tak\w* (\w+ )?share|win\w* (\w+ )?share|won (\w+ )?share|"
                 r"grab\w* (\w+ )?share|pick\w* up (\w+ )?share)\b")
_TIED_LOSS_ZH = (r"(受益于|得益于|趁|借|随着)[^，。；|]{{0,4}}{m}[^，。；|]{{0,12}}(受限|萎缩|受阻|缺席|退出|下滑|困境|受挫|被制裁|断供|失利)|"
                 r"(取代|替代|抢占|蚕食|挤占|抢走|夺走)[^，。；|]{{0,2}}{m}")
_TIED_GAIN_ZH = r"{m}[^，。；|]{{0,10}}(抢占|夺得|蚕食|扩大|抢走|夺走)(了)?[^，。；|]{{0,8}}(份额|市场)"


def tied_stance(context: str | None, mention: str | None) -> str | None:
    """``negative`` when ``context`` ties ``mention``'s own loss to another firm's gain ("benefiting from
    Huawei's curbs", "受益于华为手机业务受限", "趁华为...萎缩之机"), ``positive`` when it names ``mention`` as taking
    share or gaining ground ("rival AMD would keep taking server share") and ties no loss to it; else None."""
    if not context or not mention:
        return None
    if _said_of(context, mention, _TIED_LOSS_ZH, _TIED_LOSS_EN):
        return "negative"
    return "positive" if _said_of(context, mention, _TIED_GAIN_ZH, _TIED_GAIN_EN) else None


#: a word of sharing and a word of gain or loss in one clause (``peers``; round 22)
_SHARE_EN = re.compile(r"\b(also|too|likewise|in tandem|as well|alike)\b", re.I)
_SHARE_ZH = re.compile(r"也|同样|一同|同步|一起|亦")
_EFFECT_EN = re.compile(r"\b(benefit\w*|gain\w*|ris(e|es|ing)|rose|rall\w*|climb\w*|jump\w*|surg\w*|pressure\w*|hit|"
                        r"hurt\w*|suffer\w*|fell|fall\w*|drop\w*|slid\w*|slump\w*|weigh\w*)\b", re.I)
_EFFECT_ZH = re.compile(r"受益|上涨|走强|大涨|走高|反弹|回升|压力|承压|下跌|走弱|拖累|受损|冲击|受挫|下滑")


def shares_news(context: str | None, mention: str | None) -> bool:
    """A clause of ``context`` that names ``mention`` says it shares the news: a word of sharing and one of gain or
    loss ("SK海力士和美光也有望受益", "三星电子同样面临价格压力", "shares of peers including AMD rose in tandem")."""
    if not context or not mention:
        return False
    zh = has_east_asian(context)
    share, effect = (_SHARE_ZH, _EFFECT_ZH) if zh else (_SHARE_EN, _EFFECT_EN)
    return any(share.search(c) and effect.search(c) for c in _clauses_of(context, mention))


#: the customer a supplier lost or may no longer serve, at ``{m}`` (``lost``; round 22)
_LOST_EN = (r"\blost (\w+ ){{0,2}}{m}|{m}(['’]s)? (\w+ ){{0,2}}(orders|business|sales) (lost|dried up|vanished)|"
            r"\b(stopp\w*|halt\w*|ceas\w*|suspend\w*|end\w*) (supplying|shipping to|selling to|sales to|shipments to|"
            r"deliveries to) {m}|{m}(['’]s)? (curbs|ban|restrictions|sanctions) (bite|bit|hit|weigh\w*)")
_LOST_ZH = (r"(停止|暂停|中止|不再)(向|对|为){m}(供货|供应|出货|发货|销售|代工)|{m}(的)?订单(缺口|流失|减少|取消|损失)|"
            r"失去[^，。；|]{{0,4}}{m}|对{m}(的)?(禁令|制裁|出口限制)")


def lost_customer(context: str | None, mention: str | None) -> bool:
    """``context``'s headline reports results and the text names ``mention`` as a customer lost, no longer supplied or
    barred from being served ("more than made up for lost Huawei orders", "had stopped supplying Huawei under US rules",
    "停止向华为供货", "美方对华为禁令生效")."""
    if not context or not mention or _headline_results(context) is None:
        return False
    return _said_of(context, mention, _LOST_ZH, _LOST_EN)


#: a licence or approval granted for a firm's sales (``licences``; round 23), with the mention at ``{m}`` where it
#: must be near; a grant anywhere in a clause that names the firm counts
_GRANTED_EN = re.compile(
    r"\b(wins?|won|winning|gets?|got|receiv\w*|secur\w*|grant\w*|obtain\w*|issu\w*|award\w*)\b[^.|;]{0,30}"
    r"\b(licen[cs]es?|approvals?|permits?|waivers?)\b[^.|;]{0,20}\b(to (sell|ship|export|supply)|for (sales|shipments|exports))|"
    r"\b(clear(s|ed)?|approv(es|ed)|allow(s|ed)|permit(s|ted)|authori[sz](es|ed)|green-?lit|greenlit|lets?)\b[^.|;]{0,20}"
    r"\bto (sell|ship|export|supply|resume)\b|"
    r"\b(clears?|approves?|greenlights?|authori[sz]es?)\b[^.|;]{0,20}\b(sales|shipments|exports)\b|"
    r"\bexport (licen[cs]es?|approvals?)\b[^.|;]{0,20}\b(help|helps|lets|let|allow\w*|open\w*|boost\w*)\b", re.I)
_GRANTED_ZH = re.compile(r"获准[^，。；|]{0,10}(向|对)?[^，。；|]{0,10}(供货|供应|出口|销售|出货|发货)|"
                         r"获[^，。；|]{0,4}(许可|批准|授权)[^，。；|]{0,4}(向|对)[^，。；|]{0,12}(出口|供货|销售|供应)|"
                         r"(出口|销售)许可[^，。；|]{0,4}(助|帮助|推动|使)|(批准|放行)[^，。；|]{0,12}(出口|销售|供货)")
#: a proposal to tighten licences: a bill, a veto, notice to lawmakers, "could stall ... licences", 法案, 否决权
_TIGHTEN_EN = re.compile(
    r"\b(bill|legislation|act|amendment|lawmakers|congress|senators?)\b[^|]{0,80}"
    r"\b(veto|notice|notify|block|stall|claw back|revok\w*|tighten\w*|require\w*|oppose\w*|halt)\b|"
    r"\b(could|would|may|might) (stall|block|halt|revoke|delay)\b[^.|;]{0,30}\blicen[cs]es?\b", re.I)
_TIGHTEN_ZH = re.compile(r"(法案|议员|国会)[^|]{0,40}(否决|审查|收紧|叫停|阻止|撤销|限制)|否决权|收紧[^，。；|]{0,6}(审批|许可)")
_NOT = re.compile(r"\b(not|n't|no longer|never|denied|refus\w*|revok\w*)\b|未|不再|拒绝|撤销|吊销", re.I)
_BUT = re.compile(r"\bbut\b|\byet\b|但|却|然而|不过", re.I)


def licence_stance(context: str | None, mention: str | None) -> str | None:
    """``negative`` when ``context`` states a proposal to tighten licences (a bill giving Congress a veto over chip
    sales, "could stall Nvidia licences", 法案...否决) and names ``mention``; ``positive`` when it states a licence or
    approval granted for sales ("cleared to ship H20 chips", "获准向海湾AI企业供货", "出口许可助英伟达拓展...") without a
    contrast ("wins a licence but loses a client" is the guideline's balanced case); else None."""
    if not context or not mention or mention not in context:
        return None
    zh = has_east_asian(context)
    if (_TIGHTEN_ZH if zh else _TIGHTEN_EN).search(context):
        return "negative"
    granted = (_GRANTED_ZH if zh else _GRANTED_EN).search(context)
    if granted and not _BUT.search(context) and not _NOT.search(context[max(0, granted.start() - 16):granted.end()]):
        return "positive"
    return None


#: firms named as examples of those a measure favours (``favoured``; round 23), with the mention at ``{m}``
_FAVOURS_EN = (r"\b(favou?r\w*|benefit\w*|boost\w*|lift\w*|help\w*|reward\w*)\b[^.|;]{{0,40}}"
               r"\b(such as|including|like|led by)\s+(\w+\s+)?{m}")
_SQUEEZES_EN = (r"\b(squeez\w*|hurt\w*|hit\w*|penali[sz]\w*|shut\w* out|crowd\w* out|pressur\w*|sideline\w*)\b[^.|;]{{0,40}}"
                r"\b(such as|including|like)\s+(\w+\s+)?{m}")
_FAVOURS_ZH = r"{m}[^，。；|]{{0,12}}等[^，。；|]{{0,12}}(有望受益|将受益|受益|获益|迎来机遇|订单(有望)?(增加|增长))"
_SQUEEZES_ZH = r"{m}[^，。；|]{{0,12}}等[^，。；|]{{0,16}}(被压缩|受冲击|承压|受损|份额[^，。；|]{{0,6}}(压缩|下降|缩小)|面临压力)"


def favoured_stance(context: str | None, mention: str | None) -> str | None:
    """``positive`` when ``context`` names ``mention`` as an example of those a measure favours ("favours local
    suppliers such as Naura", "北方华创等国产设备商有望受益"), ``negative`` when as an example of those it squeezes
    ("squeezes foreign toolmakers including ASML", "阿斯麦等海外设备商的在华份额或将被压缩"); else None."""
    return _one_way(_said_of(context, mention, _FAVOURS_ZH, _FAVOURS_EN),
                    _said_of(context, mention, _SQUEEZES_ZH, _SQUEEZES_EN))


#: a firm's own setback in its own clause (``faltering``; round 23), with the mention at ``{m}``
_FALTER_EN = (r"{m}(['’]s?)?\s+(\w+\s+){{0,3}}(falter\w*|struggl\w*|slump\w*|reel\w*|shrink\w*|shrank|collaps\w*|"
              r"(is|was|has been|been) (cut off|hit|hobbled|crippled))\b|"
              r"{m}\s+(\w+\s+){{0,2}}(stockpil\w*|rush\w* to buy|hoard\w*)[^.|;]{{0,40}}\bbefore\b[^.|;]{{0,20}}"
              r"\b(curbs|ban|sanctions|restrictions|rules)\b")
_FALTER_ZH = (r"{m}[^，。；|]{{0,16}}(受挫|萎缩|断供|遇冷|失速|大幅下滑|受.{{0,8}}(制裁|禁令|限制)影响)|"
              r"{m}[^，。；|]{{0,6}}(赶在|抢在)[^，。；|]{{0,12}}(禁令|制裁|限制|新规)[^，。；|]{{0,4}}(生效|实施)?(前|之前)")


def faltering(context: str | None, mention: str | None) -> bool:
    """``context``'s headline reports results and the text states ``mention``'s own setback in its own words ("as
    Huawei's phone business falters", "as Huawei stockpiles chips before US curbs", "华为受美国制裁影响手机业务受挫",
    "华为赶在美国禁令生效前大量囤货")."""
    if not context or not mention or _headline_results(context) is None:
        return False
    return _said_of(context, mention, _FALTER_ZH, _FALTER_EN)


#: a forecast raised (``outlook``; round 23) and shares falling; a weak outlook after good results
_RAISED = re.compile(r"\b(rais\w*|lift\w*|boost\w*|hik\w*|increas\w*)\b[^.|;]{0,40}\b(forecast|outlook|guidance|"
                     r"estimate|target)s?\b|上调[^，。；|]{0,20}(预期|预测|指引|目标)", re.I)
_SHARES_DOWN = re.compile(r"\bshares?\b[^.|;]{0,20}\b(fell|fall\w*|slip\w*|slid\w*|drop\w*|sank|sink\w*|declin\w*|"
                          r"tumbl\w*|los\w*)\b|股价[^，。；|]{0,6}(下跌|走低|下挫|收跌|跳水|大跌)", re.I)
_WEAK_OUTLOOK = re.compile(r"\b(guidance|outlook|forecast)\b[^.|;]{0,30}\b(miss\w*|below|weak\w*|disappoint\w*|"
                           r"short of|soft\w*)\b|\b(weak|soft|disappointing|cautious)\w* (guidance|outlook|forecast)\b|"
                           r"指引[^，。；|]{0,6}(不及预期|低于预期|疲软|逊于预期|偏弱)", re.I)


def outlook_stance(entity: str, events: Sequence[Event], context: str | None) -> str | None:
    """For the owner of the headline's results (:func:`owns_results`): ``neutral`` when ``context`` raises a
    forecast while the shares fall ("raises its MI300 sales forecast, but shares fall", "上调...预期 股价却下跌"),
    ``negative`` when it reports good results with a weak outlook ("营收创新高 但下季指引不及预期"); else None."""
    if not context or not owns_results(entity, events):
        return None
    if _RAISED.search(context) and _SHARES_DOWN.search(context):
        return "neutral"
    if _WEAK_OUTLOOK.search(context) and (_GOOD.search(context) or _UP.search(context)):
        return "negative"
    return None


#: a platform, app store or host through which another firm's product is pulled, listed or carried (``venues``)
_VENUE_EN = re.compile(r"\b(app stores?|app markets?|platforms?|phone makers|handset makers|hosts?|marketplaces?)\b", re.I)
_VENUE_ZH = re.compile(r"应用(市场|商店)|应用商城|平台|手机厂商")
_VENUE_ACT = re.compile(r"\b(remov\w*|pull\w*|delist\w*|took down|tak\w* down|list\w*|carr\w*|host\w*|block\w*)\b|"
                        r"下架|无法搜索|上架|移除|屏蔽", re.I)


def venue_only(entity: str, events: Sequence[Event], rule: EventRule, context: str | None,
               mention: str | None) -> bool:
    """``mention``'s clause names it as the app store, platform or host of another firm's product that was pulled,
    listed or carried ("phone makers including Huawei and Xiaomi removed it", "华为、小米等手机厂商的应用市场已无法搜索到
    该应用"), the headline does not name it, and no policy act of the context names it as target."""
    if not context or not mention or mention in context.split(HEADLINE_SEP, 1)[0]:
        return False
    if policy_stance(entity, events, rule) is not None:
        return False
    venue = _VENUE_ZH if has_east_asian(context) else _VENUE_EN
    return any(venue.search(c) and _VENUE_ACT.search(c) for c in _clauses_of(context, mention))


#: curbs on the firm at ``{m}`` lifted, by any body (``lifted``; round 23)
_LIFTED_EN = (r"\b(lift\w*|eas\w*|rescind\w*|drop\w*|remov\w*|end\w*|scrap\w*|reverse\w*)\s+(its |the |a )?"
              r"(\w+\s+)?(curbs|restrictions|ban|limits|sanctions)\s+on\s+(\w+\s+)?{m}")
_LIFTED_ZH = r"(解除|取消|撤销|放宽|撤回)(对)?{m}[^，。；|]{{0,8}}(限制|禁令|制裁|封禁)"


def lifted_curbs(context: str | None, mention: str | None) -> bool:
    """``context`` states curbs on ``mention`` lifted, by any body ("IEEE lifts curbs on Huawei reviewers",
    "IEEE解除对华为审稿人的限制")."""
    return _said_of(context, mention, _LIFTED_ZH, _LIFTED_EN)


#: relief for the firm at ``{m}`` (``relief``; round 36, from the spent beat sets' errors): its worries or a risk to
#: it eased or lifted, a law or a veto that spares it ("Intel and Micron ... worries eased", "spares OpenAI",
#: "英特尔和美光担忧缓解", "字节跳动...被禁的风险随之解除", "SK海力士对美出口吃下定心丸")
_RELIEF_EN = (r"\b(a |some )?relief (for|to) {m}|{m}\b[^.|;]{{0,30}}\b(breath\w* (a sigh of )?relief|(were|was) relieved)\b|"
              r"\bspar(es|ed|ing) {m}|"
              r"\beas(es|ed|ing) (the )?(worries|concerns|fears|pressure|uncertainty|burden)\b[^.|;]{{0,10}}\b(for|on|over) {m}|"
              r"\beas(es|ed|ing) (the )?(worries|concerns|fears) (of|at) {m}")
_RELIEF_ZH = (r"{m}[^，。；|]{{0,12}}(吃下(了)?定心丸|松了一口气|担忧(有所)?缓解|压力(有所)?缓解)|"
              r"{m}[^，。；|]{{0,20}}(风险|担忧|顾虑|不确定性)(随之|有所|大幅|就此)?(解除|缓解|减轻|消除)")


def relief_stance(context: str | None, mention: str | None) -> bool:
    """``context`` states relief for ``mention``: its worries eased, a risk to it lifted, a law that spares it
    ("Newsom's veto ... spares OpenAI", "依赖联邦补贴的英特尔和美光担忧缓解")."""
    return _said_of(context, mention, _RELIEF_ZH, _RELIEF_EN)


#: a setback or a blow said of the firm at ``{m}``, or the firm shut out of a market, a network or a tender (``blows``;
#: round 36, from the spent beat sets' errors: "shutting out Huawei", "a setback for Intel", 将华为排除在...之外)
_BLOW_EN = (r"\b(a |another |fresh |new |major |big |serious |heavy )?(setback|blow) (for|to) (the )?{m}"
            r"(?!['’]s? (rivals?|competitors?|peers?|challengers?))|"
            r"\bshut(s|ting)? out {m}|\b(exclud(es|ed|ing)|lock(s|ed|ing) out|freez(es|ing)|froze) {m}\b|"
            r"{m}\b[^.|;]{{0,20}}\b(was|were|is|are|been|being) (shut|locked|frozen|left) out\b")
_BLOW_ZH = (r"(将|把){m}[^，。；|]{{0,4}}(排除在|挡在|拒之)|{m}[^，。；|]{{0,8}}(被排除|遭排除|出局|落选|被拒之门外)|"
            r"{m}[^，。；|]{{0,16}}(雪上加霜|遭受(重大)?打击|受到(重大)?打击)|(对|给){m}[^，。；|]{{0,6}}(是|构成|造成)?(一次|又一)?(重大|沉重)?打击")


#: a blow or an exclusion withheld or denied ("stops short of shutting out", "without excluding", 未将...排除)
_BLOW_DENIED = re.compile(r"\b(short of|without|not|n't|no longer|refus\w* to|declin\w* to|avoid\w*)\s+(\w+\s+)?"
                          r"(shut\w*|exclud\w*|lock\w* out)|(未|没有|并未|不会|拒绝)(将|把)?[^，。；|]{0,8}排除", re.I)


def blow_to(context: str | None, mention: str | None) -> bool:
    """``context`` says ``mention`` is dealt a setback or a blow or shut out ("a setback for Intel", "shutting out
    Huawei", "将华为排除在招标之外"), and no restriction on it is said to be withheld (:func:`averted_stance`)."""
    if not context or not mention or averted_stance(context, mention) or _BLOW_DENIED.search(context):
        return False
    return _said_of(context, mention, _BLOW_ZH, _BLOW_EN)


#: a boost, a windfall or a win said of the firm at ``{m}``, or the news helping it (``boosts``; round 36, from the spent
#: beat sets' errors: "a windfall for domestic suppliers", "help Samsung", 利好腾讯, 阿里巴巴有望受益)
_BOOST_EN = (r"\b(a |an |another |big |major |fresh |welcome )?(boost|windfall|win|lifeline|reprieve|tailwind) (for|to) "
             r"(the )?{m}(?!['’]s? (rivals?|competitors?|peers?|challengers?))|"
             r"\b(help(s|ed|ing)?|benefit(s|ed|ing)?|lift(s|ed|ing)?) {m}\b(?!['’]s? (rivals?|competitors?|peers?))")
_BOOST_ZH = r"(利好|助力|帮助|提振)[^，。；|]{{0,2}}{m}|{m}[^，。；|]{{0,10}}(受益|获益|迎来利好|有望受益)"
#: a boost denied ("will not help", "little help to", 无助于, 不利于)
_BOOST_DENIED = re.compile(r"\b(not|n't|no|little|hardly|without)\s+(\w+\s+)?(help|boost|benefit|lift|win)|无助于|不利于|"
                           r"(不会|并非|难以)(利好|提振|帮助)", re.I)


def boost_to(context: str | None, mention: str | None) -> bool:
    """``context`` says the news boosts or helps ``mention`` ("a windfall for Kingsoft", "would help Samsung",
    "利好腾讯", "阿里巴巴有望受益"), and no boost is denied in it."""
    if not context or not mention or _BOOST_DENIED.search(context):
        return False
    return _said_of(context, mention, _BOOST_ZH, _BOOST_EN)
