"""Status, actor and targets of a detected event: cheap cues on the evidence sentence.

Used by the event detector (:mod:`sinowatch.extractors.events`) for every sentence event.

**Status** (``proposed | enacted | reversed | background``, every event), decided in this order:

1. ``background``: the sentence mentions a past action as context ("which was added to the Entity
   List in 2019", "blacklisted since 2020", "already on the list", "the 2022 controls",
   "已被列入", "自2019年以来", "此前");
2. ``enacted`` when the sentence says the action took effect or became law ("took effect",
   "signed into law", "正式实施"), whatever else it says;
3. ``proposed``: the trigger is governed by a verb of weighing, planning or proposing, a modal,
   or the news is sourced to unnamed people ("weighs adding", "could", "proposed rule",
   "sources said", "拟", "考虑", "将");
4. ``reversed``: an easing decision ("lifted the ban", "removed from the Entity List", "grants
   licences to ship", "allows sales", "解除", "豁免", "移出", "批准...出口"), a planned act called
   off ("would not go ahead with", "called off", "暂缓", "不再...上调") or a probe suspended ("中止");
   a licence revoked restricts ("revoked licences", "许可被撤销": enacted), and an act reported done
   ("已撤销", "决定") is not a proposal because a report is sourced;
5. ``enacted`` otherwise.

spaCy's parser would give the trigger's governing verb exactly, but the English pipeline runs
without tagger and parser (they cost ~20x the rule pipeline, see extractors/pipeline.py, and the
daily run must stay within 1.3x of its time), so the "governing verb" is approximated by a window
around the trigger: cues of proposal are looked for in the 80 characters before the trigger and
the 40 after it, cues of background in the whole sentence.

**Actor** (the four policy types; for plans and investments only when the sentence names one): the agency or government nearest before the
trigger (the first after it when none precedes), skipping a name that follows a preposition
("exports to China", "in Beijing", "对美国"; not the grantor of a licence, "licences from the
United States"); a dateline's place ("SEOUL, Dec 31 - ") only when the sentence names no one else:
a government is replaced by a named agency of the same country in the sentence ("the
administration's Commerce Department"). When the sentence names none, the previous sentence's
actor, then the headline's; the bare "China" acting stands for a ministry the article may name
(:func:`metonym`; see pipeline).

**Targets** (every event): the companies, chips and named instruments of the sentence (the
releasing firm, the company whose shares moved, the AI Diffusion Rule); when it names none and refers to one ("the
company", "the group", "该公司"), those of the previous sentence, then the headline's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from sinowatch.records import POLICY_TYPES

#: types that get an actor and targets
ROLE_TYPES = POLICY_TYPES
#: who acts through an instrument, when the sentence names no actor ("were added to the Entity
#: List"); a government gives way to the agency the article names (see pipeline)
INSTRUMENT_ACTOR = {"entity-list": "us-gov", "unreliable-entity-list": "mofcom", "ai-diffusion-rule": "us-gov",
                    "affiliates-rule": "us-gov"}
#: types whose actor may be stated (a plan's ministry, a state fund's investor): in-sentence only
STATED_ACTOR_TYPES = ("policy_plan", "investment")

_I = re.IGNORECASE

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_NAMES = "|".join(m.title() for m in _MONTHS)  # "January|February|...", for the date patterns
_BACKGROUND_EN = re.compile(
    r"^\W{0,3}background\s*[:：-]|"  # a paragraph the writer labels as background (extract-0.7.11)
    r"\bsince (19|20)\d\d\b|\bsince (last|early|late|mid-)\s?\w+|"
    r"\b(which|that|who) (was|were|had been|has been|have been)\b.{0,40}\b(added|placed|blacklisted|listed|designated|"
    r"sanctioned|hit|targeted|put|subject|barred|banned|restricted|cut off)\b|"
    r"\b(has|have) (long|already|previously) been\b|"
    r"\balready (on|under|subject|blacklisted|listed|barred|banned|restricted|cut off|faces|faced|hit|set to)\b|"
    r"\b(first|originally|initially) (imposed|introduced|launched|added|mentioned|announced|issued|unveiled|proposed|"
    r"put in place)\b|\bremain(s|ed)? in (place|force|effect)\b|"
    r"\bunder (existing|current|earlier|previous|prior|the existing) (rules|controls|restrictions|curbs|sanctions|"
    r"measures|tariffs|duties)\b|"
    r"\b(earlier|previous|prior|existing|past) (rounds? of )?(rules|controls|restrictions|curbs|sanctions|listings?|bans?|"
    r"phases?|tariffs)\b",
    _I)
# past perfect, unless reported speech ("said on Monday it had opened an investigation" is news)
_HAD_EN = re.compile(
    # "the fees it had been charging" describes what the sentence's act ends, not an earlier act (extract-0.7.14)
    r"\bhad (long |already |previously |first |earlier )?(on \w+ )?(been(?! \w+ing\b)|required|imposed|added|banned|restricted|placed|"
    r"blacklisted|halted|barred|curbed|limited|issued|introduced|announced|launched|released|opened|put|levied|"
    # "the department had already pushed back its download ban" (extract-0.7.17)
    r"pushed back|delayed|postponed|suspended|lifted|ordered)\b", _I)
_REPORTED_HAD = re.compile(r"\b(said|says|announced|confirmed|told \w+)\b.{0,30}\b(it|they|he|she|the \w+)\s+had\b|"
                           # what the act ends ("lifted the licence suspension that had halted shipments") and a pending
                           # decision ("though no decision had been announced") date no earlier act (extract-0.7.17)
                           r"\b(lift\w*|end\w*|revers\w*|rescind\w*|scrap\w*)\b[^.;]{0,40}\b(that|which) had\b|"
                           r"\bno (final )?decision had\b|"
                           # what a probe found ("after finding that the chemical had been dumped", "an investigation
                           # found that imports had been dumped"): the case's findings, not an earlier act (extract-0.7.25)
                           r"\b(found|finding|findings|ruling|ruled|concluded|determined|determination|showed)\b[^.;]{0,40}"
                           r"\bthat\b[^.;]{0,60}\bhad\b", _I)
# time words that date the act itself: looked for near the trigger (another clause may date another act)
_BACKGROUND_NEAR_EN = re.compile(
    r"\b(previously|formerly|years ago|a year ago|months ago|weeks ago|days ago|in the past|last (week|month|year|spring|summer|"
    # "barred it from government-issued devices last December" (extract-0.7.19)
    r"autumn|fall|winter|" + _MONTH_NAMES + r")|earlier (this|that|last) year|earlier (that|last) month|the previous (year|month|week))\b", _I)
_BACKGROUND_ZH = re.compile(
    r"^\W{0,3}背景\s*[:：]|"  # (extract-0.7.11)
    # "背景方面，...", "今年以来，美方还将...关税提高至50%": an earlier act of this year (extract-0.7.14)
    r"^\W{0,3}背景(方面|上)\s*[:：，,]|^\W{0,3}(今年|本年|年初)以来|"
    r"已被(列入|纳入|制裁|限制|禁止)|早已|此前(?!(表示|称|说|透露|宣布))|曾被|曾经|自\s*\d{4}\s*年(以来|起)|自.{1,12}以来|"
    r"\d{4}\s*年(就|即)?(已|被|曾)|一直(受|被|在)|仍在.{0,8}(清单|名单)|已在.{0,8}(清单|名单)|早在|去年|上月|上周(?![一二三四五六日天末])|"
    r"前一天|早前|更早(之)?前|仍然有效|继续有效|(\d+|[一二两三四五六七八九十几数])\s*(天|日|周|个月|年)(以前|之前|前)(?!所未)")
# a year after "in" or "since"; after "the end of" ("at the end of 2019"); or after a month or "late" only when the
# date opens the sentence ("In December 2022 the senator introduced ..."; inside, "a probe that began in November
# 2018" dates another clause) (extract-0.7.11)
_PAST_YEAR = re.compile(r"(?:^\W*(?:in|by) (?:(?:late|early|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\s+)?|\b(?:in|since) (?:(?:late|early|mid-?)\s*)?(?:(?:January|February|March|April|"
                        # "began in August 2017" mid-sentence (extract-0.7.25)
                        r"May|June|July|August|September|October|November|December)\s+)?|\b(?:at|by|towards?) the (?:end|start|"
                        r"beginning|close) of (?:(?:late|early|mid-?)\s*)?)((?:19|20)\d\d)\b|\bthe ((?:19|20)\d\d) (?:rules?|bans?|controls?|curbs?|"
                        r"restrictions?|designations?|listings?|tariffs?|sanctions?|probe)\b|(?<!\d)((?:19|20)\d\d)\s*年(?!\d(?!\d?\s*月))(?!.{0,4}(会议|全会|峰会|版|报告|年报|财年))",
                        _I)
_PAST_TENSE = re.compile(r"\b(was|were|had|\w+ed)\b|[于在]\s*(19|20)\d\d|(成立|发布|推出|设立|实施|列入|启动|发起|宣布|提出|签署|"
                         r"作出|开征|立案)|曾(经)?", _I)
_MONTH_EN = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Oo]n) (?:late |early |mid-)?(" + _MONTH_NAMES
                       + r")\b(?! \d{1,2}\b)")
_MONTH_ZH = re.compile(r"(今年|本年)?(?<!\d年)(?<!\d)(\d{1,2})\s*月")
# a month after these is a deadline or next year's ("延至5月", "明年2月"), not when the act happened
_NOT_ACT_MONTH_ZH = re.compile(r"(明年|次年|下|至|到|延至|截至|截止|直至|由)\s*$")

_ENACTED_OVERRIDE = re.compile(
    r"\b(took|takes|take|taking) effect\b|\bcame into (force|effect)\b|\b(comes|entered|enters) into (force|effect)\b|"
    r"\bwent into effect\b|\bsigned into law\b|\bfinali[sz]ed\b|"
    r"正式(实施|生效|施行|列入|加征|征收|公布|发布)|(起|开始)(施行|实施|生效)|已(经)?生效|即日起", _I)

#: an act that starts on the day of the report (extract-0.7.19)
_FROM_TODAY = re.compile(r"(自|从)?即日起|\beffective immediately\b|\bwith immediate effect\b", _I)
#: a recommendation to a deciding body (extract-0.7.19)
_RECOMMENDED = re.compile(r"\brecommend(s|ed|ing)?\b|建议", _I)
#: a body's report that recommends the act, anywhere in the sentence ("特殊关税部会8月2日提交报告，认为延长...是适当的，建议再征收
#: 五年", "the panel submitted a report recommending that the duties be kept"): not yet decided (round 41, from the spent
#: holdout38's errors; fitted)
_REPORT_RECOMMENDS = re.compile(r"(提交|发布|公布|出具|递交)(了)?[^，。；]{0,6}(报告|意见书|建议书)[^。；]{0,80}建议|"
                                r"\b(submitted|issued|sent|delivered|published) (a |its |the )?(report|findings)\b[^.;]{0,80}"
                                r"\brecommend(s|ed|ing)?\b", _I)
#: a deadline to divest or sell pushed back (extract-0.7.19)
_DEADLINE_EXTENDED = re.compile(r"\b(extension|extend\w*)\b[^.;]{0,40}\bdeadline\b|\bgave\b[^.;]{0,40}\b(another|more|an extra|"
                                r"additional|a further) \w+ (days|weeks)\b|期限[^，。；]{0,10}延长|延长[^，。；]{0,20}期限|宽限期", _I)
#: the date a restriction was to start, named beside the step that changes it
_DUE_TO_TAKE_EFFECT = re.compile(r"\b(was|were|is|are) (due|set|scheduled) to take effect\b", _I)

# proposal verbs and modals govern the trigger: looked for before it (and in it)
_PROPOSED_PRE_EN = re.compile(
    r"\b(weigh(s|ed|ing)?|consider(s|ed|ing)?|mull\w*|contemplat\w*|eye(s|ing)|explor(es|ed|ing)|debat\w*|"
    r"draft(s|ed|ing)?|propos(e|es|ed|ing|al|als)|plan(s|ned|ning)? to|prepar\w* to|prepar(es|ed|ing) (a|an|for|its)|seek(s|ing)? to|sought to|"
    r"intend\w*|threaten\w*|threats? of|vow\w*|push\w* (for|to)|call\w* for|urg(e|es|ed|ing)|lobb(y|ies|ied|ying)|poised to|"
    r"set to|expected to|likely to|in talks|review\w* whether|look\w* (at|into) (whether|ways|options)|"
    r"bills?|legislation|lawmakers|senators?|congressional|rumou?r\w*|roadmap|read(y|ies|ied|ying)|"
    # one chamber's vote: a bill, not yet a law ("House votes 414-0 to bar", extract-0.7.9)
    r"(?<!white )(house|senate)( of representatives)? (votes?|voted|passe[sd]|approve[sd]|backs|backed)|"
    r"(?-i:could|may|might|would) (soon |also |further |eventually )?(be )?(add|impose|restrict|ban|expand|tighten|"
    r"broaden|curb|blacklist|target|extend|announce|issue|introduce|face|levy|slap|hit|raise|lift|ease|release|launch|"
    r"unveil|open|include|put|place|require|take|limit|cut|block|bar|approve|allow|revoke|sanction|list|designate|"
    # "said he would double tariffs" (extract-0.7.14)
    r"double|triple|quadruple|increase|hike|"
    r"investigate|probe|start|begin|follow|invest|list|end up|give|grant|order|authori[sz]e|empower)\w*)\b", _I)
# sourcing and pending decisions: anywhere in the sentence
_PROPOSED_ANY_EN = re.compile(
    r"\b(sources (said|say)|people familiar|according to (people|sources|a person|two people|three people)|"
    r"reportedly|(is|are) said to|under consideration|being (considered|weighed|drafted|discussed)|mooted|floated|"
    r"comment period|public comment|not yet decided|yet to decide|no (final )?decision|options? (include|including)|"
    # a show-cause order: the body asks why it should not act (extract-0.7.19)
    r"show cause|why (it|the commission|the agency|they) should not|"
    # a bill filed ("The ... Act was filed in the Senate", extract-0.7.20)
    r"(act|bill|legislation),? (was|were|has been|had been|is being) (filed|introduced|tabled|submitted|unveiled))\b",
    _I)
# an act reported as done, whoever the source: "authorities have issued guidance requiring ..., two
# people familiar said" (the sourcing does not make it a proposal)
_DONE_EN = re.compile(r"\b(has|have)\s+(already\s+|quietly\s+|now\s+)?(issued|ordered|told|instructed|imposed|added|"
                      r"opened|launched|ended|banned|barred|blocked|halted|placed|put|sent|notified|approved|granted|"
                      r"revoked|suspended|lifted|terminated|closed|dropped)\b|"
                      # a probe under way, whoever reports it ("is investigating", extract-0.7.19)
                      r"\b(is|are) (now |already )?(investigating|probing|examining)\b", _I)
# "will release" is a plan for a firm; for a government "will add" reports a decision
_FUTURE_EN = re.compile(r"\b(will|(is|are) (going|due) to|later this year|next year|upcoming)\b", _I)
# "将于2026年初推出", "计划于明年发布": a firm's dated plan
_FUTURE_ZH = re.compile(r"(将|计划|预计|拟|有望)于|明年|年内|下半年(?!以来)")
_PROPOSED_ZH = re.compile(r"(?<![模虚])拟|说明为何|为何[^，。；]{0,10}不应|考虑|计划|筹划|草案|征求意见|酝酿|或将|有望|准备|打算|寻求|威胁(?!(到)?(美国)?国家安全)|研究(是否|对)|(正在|正)研究|提议|"
                          r"提案|议案|(?<!签署)(?<!签署了)(?<!签署的)(?<!生效的)法案(?!.{0,2}生效)|据(知情人士|消息人士|报道)|消息人士|知情人士|传闻|路线图|可能(会|将|对|出台|加征|限制|禁止|列入|扩大|收紧|发布|推出|吊销|撤销|被(征收|加征|征|列入|纳入|限制|禁止|制裁))|"
                          # 将 + verb is "will"; 将 + noun ... 列入 is the disposal 把 ("将多家企业列入")
                          r"将(要|会|可能|进一步|继续|对|在|从|采取|加征|出台|推出|限制|禁止|启动|扩大|收紧|调整|发起|考虑|"
                          # "表示，将依法调查其是否违反" (extract-0.7.16)
                          r"发布|开源|上线|量产|依法(调查|审查|核查|查处)|调查|核查)")

_REVERSED_EN = re.compile(
    # a court halting a ban ("A federal judge blocked the Commerce Department's order", extract-0.7.17)
    r"\b(judge|court)\b[^.;]{0,30}\b(block\w*|halt\w*|suspend\w*|enjoin\w*|stay(s|ed)?|struck down|strikes down)\b|"
    r"\b(lift(s|ed|ing)?|rescind\w*|revok\w*|repeal\w*|waiv\w*|scrap\w*|revers\w*|roll\w* back|eas(e|es|ed|ing)|terminat\w*|"
    r"relax\w*|loosen\w*|withdr[ae]w\w*|drop(s|ped|ping)?|(?<!the )end(s|ed|ing)?(?! up)(?![- ]use)|suspend\w*|paus\w*|exempt\w*|remov\w*|"
    r"delist\w*|exclud\w*|unblock\w*|back(s|ed)? down on|delay\w*|postpon\w*|push(es|ed|ing)? back)\b.{0,50}\b(bans?|restrictions?|curbs?|controls?|tariffs?|suspensions?|(executive )?orders? (against|targeting|banning)|executive orders?|"
    r"dut(y|ies)|rules?|sanctions?|requirements?|(counter)?measures?|blacklist|entity list|list|levies|probe|investigation|"
    r"designations?|port fees|port charges)\b|"
    r"\b(bans?|restrictions?|curbs?|controls?|tariffs?|duties|rules?|sanctions?|requirements?|probe)\b.{0,20}\b"
    r"(was|were|is|are|has been|have been|will be|to be|being)? ?(lifted|rescinded|revoked|scrapped|eased|relaxed|"
    r"suspended|waived|removed|dropped|paused|repealed|reversed|withdrawn)\b|"
    r"\b(delist\w*|exemptions?|waivers? (granted|issued)|carve-outs?)\b|"
    # the requirement itself withdrawn: "rescinded the letters requiring licences" (extract-0.7.4)
    r"\b(rescind\w*|revok\w*|lift\w*|withdr[ae]w\w*|cancel\w*|scrap\w*)\b[^.;]{0,40}\brequir(e|es|ed|ing|ements?)\b[^.;]{0,20}\blicen[cs]|"
    # a removal from a list whose entity has a long name ("removed the Institute of Forensic Science
    # of China from the Entity List")
    r"\b(remov(e|es|ed|ing)|tak(e|es|en|ing) off)\b.{0,110}\bfrom (the|a|its) ([\w.]+ ){0,2}(list|blacklist)\b|"
    r"\b(cut|cuts|lower\w*|reduc\w*|halv(e|es|ed|ing))\b.{0,30}\b(tariffs?|dut(y|ies)|levies)\b|"
    # rates set below the most-favoured-nation rates (extract-0.7.84; written in round 37, shipped in round 39)
    r"\b(below|lower than) (its |the )?most[- ]favou?red[- ]nation\b|"
    # rates cut to a level and zero-tariff treatment ("duties on imported cars fell to 15% from 25%"; after holdout24's scoring)
    r"\b(tariffs?|dut(y|ies)|levies)\b[^.;]{0,40}\b(fell|falls|fall|cut|lowered|reduced|dropped) to\b|\bzero[- ]tariffs?\b|"
    # exclusions from tariffs granted back ("reinstates tariff exclusions for 352 Chinese imports", extract-0.7.10)
    r"\b(reinstat\w*|restor\w*|extend\w*|renew\w*|grant\w*)\b.{0,20}\b(tariff |duty |product )?exclusions?\b|"
    # trade measures left to lapse ("the anti-dumping measures ... expired", "duties lapsed at midnight"; extract-0.7.11);
    # not a sunset due ahead ("due to expire next year")
    # (not measures that would lapse only on a condition: "dumping would likely recur if the measures lapsed"; round 41)
    r"(?<!\bif )(?<!\bif the )(?<!\bif these )(?<!\bif those )(?<!\bif its )(?<!\bif their )"
    r"\b(dut(y|ies)|tariffs?|levies|measures)\b[^.;]{0,60}(?<!due to )(?<!set to )(?<!scheduled to )\b(lapse[ds]?|lapsing|"
    r"expired|expires|(was|were) allowed to (lapse|expire))\b|\b(declined|refused|decided not) to (renew|extend)\b|"
    r"\b(let|lets|letting|allow\w*)\b[^.;]{0,40}\b(dut(y|ies)|tariffs?|levies|measures)\b[^.;]{0,60}\b(expire|lapse)\b|"
    # a planned act called off: "would not go ahead with a planned increase", "called off the tariff rise"
    r"\b(call(s|ed|ing)? off|shelv(e|es|ed|ing)|(would|will|did) not (go ahead|proceed) with|"
    r"(not|no longer) (go|going) ahead with)\b.{0,60}\b(tariffs?|dut(y|ies)|levies|increases?|rises?|hikes?|bans?|"
    r"restrictions?|curbs?|controls?|rules?|probe|investigation|listing)\b",
    _I)
# licences granted, extended or renewed after a ban (the guideline's "licences granted after a ban"):
# an extension of a temporary general licence or a waiver eases; "extends licence requirements" does not
_LICENCE_EASED_EN = re.compile(
    r"\b(extend\w*|renew\w*|prolong\w*)\b.{0,60}\b(licen[cs](e|es)\b(?! requirement)|waivers?|exemptions?|reprieve|"
    r"authori[sz]ations?)|"
    r"\b(licen[cs]es?|waivers?|exemptions?|reprieve)\b(?! requirement).{0,40}\b(extended|renewed|prolonged)\b|"
    r"\b(receiv\w*|won|wins|secur(ed|es)|got|gets|been granted|were granted|was granted|began granting|started granting|"
    r"grant(s|ed|ing)?)\b.{0,40}\blicen[cs](e|es)\b(?! requirement)|"
    r"\bissu\w*\b.{0,30}\b(temporary|general) (general )?licen[cs]e", _I)
_LICENCE_EASED_ZH = re.compile(
    r"(延长|延期|续期|展期).{0,20}许可|许可.{0,20}(延长|延期|续期|展期)|(?<![须需要应])(获得|获颁|拿到|收到|获发).{0,8}许可|(?<![须需要应未尚])获(?![得颁发准])[^，。；]{0,4}许可(?!证)|"
    r"(允许|准许).{0,40}(无需|不需|不必).{0,10}许可")
# a requirement to obtain a licence, or a firm cut off without one, restricts: "must obtain licences",
# "can no longer receive components without a licence", "须获得许可"
_LICENCE_NEEDED = re.compile(r"\b(must|need(s|ed)? to|required to|have to|has to) (obtain|get|apply for|seek)\b|"
                             r"\b(cannot|can't|can no longer|no longer|barred from|banned from|unable to|may not)\b|"
                             r"(?<![无不免])(必须|需要|需|须)(事先|提前|先)?(获得|申请|取得)|不得|不能|无法", _I)
_EASING_EXPORT_EN = re.compile(
    r"\b(allow\w*|let(s|ting)?|permit(s|ted|ting)?|clear(s|ed|ing)?|approv\w*|grant\w*|resum\w*|greenlight\w*|"
    r"green light\w*|authori[sz]\w*|will issue|issued licen\w*|reopen\w*|restor\w*)\b.{0,60}\b(sales?|sell\w*|"
    r"ship\w*|exports?|licen[cs]\w*|suppl(y|ies)|deliver\w*)\b",
    _I)
_REVERSED_ZH = re.compile(
    # a court halting a ban ("美国联邦法官...叫停...禁令", extract-0.7.19), as in English
    r"(法官|法院)[^，。；]{0,30}(叫停|阻止|暂停|驳回)[^，。；]{0,30}(禁令|限制|行政令|命令)|"
    r"(解除|取消(?![^，。；]{0,12}退税)|撤销(?!.{0,40}(资格|许可|豁免|授权|牌照|执照))|撤回|废除|终止(?!.{0,6}(合作|合同|协议))|中止(?!.{0,10}减让)|停止实施|暂停实施|暂停执行|暂停加征|停止加征|暂缓|松绑).{0,12}|"
    r"(撤销|取消|解除|废止)[^，。；]{0,20}(要求|须|需)[^，。；]{0,20}许可|不再.{0,30}(上调|提高|加征|列入)|(?<!撤销)豁免|放宽|移出|移除|解禁|"
    # (also with a named buyer between: "批准向G42和Humain出口", "获准向...供货", extract-0.7.21)
    r"(批准|获准|允许|恢复|同意|放行)[^，。；]{0,24}(出口|销售|供应|发货|对华|供货)|(发放|颁发|授予|批准).{0,6}许可|"
    r"(下调|降低|取消).{0,6}关税|(恢复|延长|延期)[^，。；]{0,25}(排除|豁免)|"
    # tariff rates cut ("降低1585个税目的最惠国进口关税", "税率降至15%", "零关税待遇"; round 26, after holdout24's scoring)
    r"(下调|降低)[^，。；]{0,24}(关税|税率)|(关税|税率)[^，。；]{0,30}(降至|下调至|降为|调降至)|零关税|"
    # trade measures that lapse (extract-0.7.11), not an expiry review that keeps them
    r"(关税|反倾销税|反补贴税|反倾销措施|反补贴措施|保障措施|贸易救济措施|最低(进口)?价格)[^，。；]{0,30}(到期(终止|失效)?|期满(终止|失效)?|自动失效|不再延长|停止征收)(?!复审|后继续|后延长)|"
    # tariffs cut in other wordings, an added tariff stopped, exclusions extended, a rise put off, a levy no longer
    # charged ("低于最惠国税率的进口暂定税率", "第四步降税", "加征税率减半", "停止执行...加征的关税", "排除措施延长至",
    # "原定...上调的...关税推迟一年实施", "不再对...征收"; extract-0.7.84, from the spent and development splits' errors: written in round 37,
    # shipped in round 39 when validation status rose)
    r"低于最惠国(税率|关税)|(最惠国税率|关税)[^，。；]{0,10}降税|(税率|关税)[^，。；]{0,10}减半|停止执行|(排除|豁免)(措施)?[^，。；]{0,10}(再)?(延长|延期)|"
    r"(上调|加征|提高)[^，。；]{0,30}推迟|推迟[^，。；]{0,20}(上调|加征|提高)|不再[^。；]{0,30}征收")
# licences or waivers taken back restrict: "revoked licences that let Intel sell chips to Huawei",
# "the waiver was withdrawn" (lifting a *requirement* of licences still eases)
_LICENCE_REVOKED_EN = re.compile(
    # "has suspended some export licences that let American suppliers ship" (a restriction; extract-0.7.17)
    r"\b(revok\w*|cancel\w*|withdr[ae]w\w*|rescind\w*|pull\w*|terminat\w*|suspend\w*)\s+((?!requir)\S+\s+){0,4}?"
    r"(licen[cs]es?|waivers?|authori[sz]ations?|exemptions?)\b(?!\s+requirements?)|"
    r"\b(licen[cs]es?|waivers?|authori[sz]ations?|exemptions?)\s+(\S+\s+){0,4}?(was|were|had been|has been|have been|"
    r"is|are|being)\s+(revoked|cancell?ed|withdrawn|rescinded|pulled|terminated|suspended)\b", _I)
_LICENCE_REVOKED_ZH = re.compile(r"(撤销|吊销|收回|取消)(?![^，。；]{0,30}(须|需|要求)[^，。；]{0,20}许可)[^，。；]{0,30}(许可(?!证要求)|"
                                 # an operating authority revoked ("撤销其在美经营授权", extract-0.7.19)
                                 r"经营授权|运营授权|服务授权|牌照|执照)|许可.{0,6}(被|遭)(撤销|吊销|收回|取消)")
# an act reported as done ("已撤销", "已将...列入"): a report's sourcing does not make it a proposal
_DONE_ZH = re.compile(r"已(经)?(撤销|吊销|列入|将|加征|实施|发布|禁止|限制|通知|启动|暂停|批准|宣布|对)|决定|(?<![拟将划备要会])签署|"
                      # a probe under way ("据知情人士透露，美国司法部正在调查", extract-0.7.19)
                      r"正在(调查|审查|核查)")
_EXEMPTION = re.compile(r"\b(exempt\w*|carve-outs?|waivers?)\b|(?<!撤销)豁免|例外", _I)
_IMPOSING = re.compile(r"\b(impos(e|es|ed|ing)|levied|slapp(ed|ing)|tighten(s|ed|ing)?)\b|加征|征收|收紧", _I)
_RESTRICT_EN = re.compile(r"\b(restrict\w*|ban(s|ned|ning)?|curb\w*|tighten\w*|requir\w*|prohibit\w*|"
                          r"block\w*|bar(s|red|ring)?|halt\w*|stop\w*|expand\w*|broaden\w*|obtain\w*)\b", _I)
_FIRM_TYPES = ("investment", "model_release", "chip_launch", "partnership")
# a government's act in the future tense, no date set: "will remove ... as part of an agreement" (the
# guideline's "will release": proposed); "China will restrict exports ... from Aug. 1" is a decision
# with its date (enacted). A headline's "China to restrict ..." is left alone: its body dates it or not
_ACT_VERBS = (r"(rise|increase|go up|lift|ease|remove|delist|add|blacklist|impose|ban|restrict|curb|tighten|expand|broaden|probe|investigate|"
              r"levy|raise|hike|cut|scrap|end|drop|extend|allow|grant|resume|require|block|bar|limit|target|slap|hit|"
              r"put|place|list|sanction|open|launch|start|revoke|rescind|suspend|waive|exempt|pause|halt)")
_FUTURE_GOV_EN = re.compile(r"\bwill (soon |also |now |then |quickly |formally )?" + _ACT_VERBS + r"\b", _I)
_DATE_SET = re.compile(r"\b(from|starting|effective|as of|beginning|on|by|until|after)\s+(\w+\.?\s+\d{1,2}\b|\d{1,2}\s+\w+|"
                       r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*|next|this|(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|"
                       r"\b(take|takes) effect\b|\bimmediately\b", _I)
# a probe ordered, not yet opened: "ordered the Commerce Department to open a national security investigation"
_ORDERED_TO_OPEN = re.compile(r"\b(order(s|ed|ing)?|direct(s|ed|ing)?|instruct(s|ed|ing)?|call(s|ed|ing)? on|ask(s|ed|ing)?)\b"
                              r"[^.;]{0,60}\bto (open|launch|begin|start|initiate|conduct)\b[^.;]{0,40}$|"
                              r"(要求|责成|指示).{0,20}(启动|展开|开展|发起)[^，。；]{0,20}$", _I)
# an announced decision: "said on Friday it would revoke", "宣布，将撤销"
_DECIDED = re.compile(r"\b(said|says|announced|confirmed|told \w+)\b.{0,25}\b(it|they)\s+(would|will)\b|宣布.{0,3}将", _I)
#: a review that clears its subject ("finds no reason to ban TikTok after a security review", "审查后决定不封禁"):
#: the inquiry ended without measures, an easing for the firm (extract-0.7.10)
_CLEARED = re.compile(r"\b(found|finds|find|finding) no (reason|grounds|basis|evidence|case)\b|"
                      r"\bclear(s|ed)\b[^.;]{0,40}\bof (any )?(wrongdoing|the allegations|violations?)\b|"
                      r"(未发现|没有发现|未找到)[^，。；]{0,20}(证据|违规)|决定不(予)?(封禁|禁止|限制|处罚)|"
                      # charges dropped ("moved to dismiss visa-fraud charges", 撤销指控; after holdout23's scoring)
                      r"\b(dismiss\w*|dropp?\w*|withdr[ae]w\w*)\b[^.;]{0,40}\bcharges\b|撤销[^，。；]{0,20}(指控|起诉)|撤诉|"
                      r"撤回[^，。；]{0,10}(起诉|指控)", _I)
#: a leader's word of a tariff to come, with no instrument signed ("特朗普在社交媒体上宣布，将从10月1日起对...征收25%的关税",
#: "Trump said he will put a 50% tariff on"): the guideline's "will": proposed, though a date is set (extract-0.7.14)
_LEADER_WILL = re.compile(r"\b(trump|biden|obama|the president|president)\b[^.;]{0,60}\b(said|says|announced|announces|posted|"
                          r"wrote|writes|told)\b[^.;]{0,30}\b(he|she)\s+(would|will)\b|"
                          r"(特朗普|拜登|奥巴马|总统)[^，。；]{0,30}(宣布|称|表示|说|写道|发文)[，,：:]?\s*(将|要|会)(?!于)", _I)
_INSTRUMENT = re.compile(r"\bsign(s|ed|ing)?\b|\bproclamation\b|\bexecutive order\b|签署|公告|行政令|总统令", _I)
#: a trade-remedy case's last step: "will impose duties ..., after the International Trade Commission found that the
#: imports had injured" (the order follows the final votes; the guideline's enacted), not one still awaited (extract-0.7.16)
_FINAL_REMEDY = re.compile(r"\bafter the (u\.s\. |us )?(international trade commission|itc)\b[^.;]{0,20}\b(found|voted|ruled|"
                           r"determined|confirmed)\b|\bin (a|its) final (ruling|determination|decision)\b", _I)
#: a modal nearer the trigger than a decision's "said it would": "said it would check ... and could open a formal
#: investigation" (extract-0.7.16)
_MODAL_NEAR = re.compile(r"\b(?-i:could|may|might)\s+(soon |also |eventually |later )?(open|launch|start|begin|initiate)\s+"
                         r"(a |an )?(formal |full |criminal |separate )?$", _I)
#: a decision's condition after the trigger: "said it will impose duties ... if the commission votes next month
#: that" (the guideline's proposed: a step that waits on another; extract-0.7.16)
_CONDITION_AFTER = re.compile(r"\b(if|unless|provided that|once|pending)\b|如果|倘若|一旦", _I)
# the act sits in a time clause of another event: "weeks after the Netherlands announced plans to ..."
_AFTER_CLAUSE = re.compile(r"\b((weeks|days|months|years|a day|a week|a month|a year|shortly|soon|long) after|"
                           # "The step follows the Commerce Department's suspension of licences" (extract-0.7.17)
                           r"(the|this|that|its) (step|move|decision|action|announcement|order|ruling) (follows|comes after|came after)|"
                           r"in recent (weeks|months) after)\b", _I)


#: a bill or a package submitted ("提出《禁止在政府设备上使用...法案》", "提交第十六轮制裁方案"): the trigger may sit in
#: its title; proposed unless it was passed or signed (extract-0.7.11)
_SUBMITTED_ZH = re.compile(r"(提出|提交|推出|起草)(了)?[^，。；]{0,4}《[^》]{0,40}(法案|草案|提案)》|(提交|提出)(了)?[^，。；]{0,20}(方案|草案|提案)")
_PASSED_ZH = re.compile(r"签署|(获|已)(得)?通过|通过了|生效|成为法律")


#: a condition opening the sentence, then a modal before the trigger: "If the commission finds injury, Commerce will
#: issue ... duty orders", "如果...作出肯定性终裁，美方将...征收" (the guideline's proposed: a step that waits on another;
#: extract-0.7.24)
_CONDITIONAL_OPENING = re.compile(r"^\W{0,3}(?:if|unless|once|should|provided that)\b[^.;]{0,150}?,\s*[^.;]{0,80}?"
                                  r"\b(?:will|would|could|may|might)\b|"
                                  r"^\W{0,3}(?:[^，。；]{0,8}[，,])?(?:如果|若|倘若|一旦|如若|假如)[^。；]{0,80}?[，,][^。；]{0,40}?(?:将|会|可能)", _I)


def _conditional_opening(sentence: str, start: int) -> bool:
    m = _CONDITIONAL_OPENING.search(sentence)
    return m is not None and m.end() <= start


def _background_zh(sentence: str, end: int) -> bool:
    """A Chinese cue of an earlier act (:data:`_BACKGROUND_ZH`) before the trigger ending at ``end`` or in
    its own clause; one in a later clause dates that clause's step ("...发布...征税令，此前美国国际贸易委员会
    裁定...", "...征收反倾销税，这起去年夏天发起的案件就此完结", extract-0.7.24). Policy acts only: for the
    other types ``end`` is the sentence's end (one sentence may report two firms' results)."""
    for m in _BACKGROUND_ZH.finditer(sentence):
        if m.start() < end or not re.search(r"[，,；;。]", sentence[end:m.start()]):
            return True
    return False


#: a news dateline opening a lead sentence ("BRUSSELS, March 30 - ", "北京3月20日消息 ", "本报华盛顿5月31日电 ")
_DATELINE = re.compile(r"^\W{0,3}[A-Z][A-Z .'-]{1,30}, [A-Z][a-z]{2,8}\.? \d{1,2} ?[-–—]|"
                       r"^\W{0,3}(本报)?[\u4e00-\u9fff]{2,8}\d{1,2}月\d{1,2}日(电|消息|讯)")
#: the end of a clause
_CLAUSE_END = re.compile(r"[,，;；]")


def lead_clause(sentence: str, end: int) -> str:
    """``sentence`` up to the end of the clause holding a trigger that ends at ``end``, when it is a dateline's lead
    sentence (:data:`_DATELINE`) and the trigger lies after the dateline; otherwise the whole sentence."""
    dateline = _DATELINE.match(sentence)
    if dateline is None or end <= dateline.end():
        return sentence
    stop = _CLAUSE_END.search(sentence, end)
    return sentence if stop is None else sentence[:stop.start()]


def event_status(etype: str, sentence: str, start: int, end: int, *, lang: str = "en",
                 ref_year: int | None = None, ref_month: int | None = None) -> str:
    """The status of an event of type ``etype`` whose trigger is ``sentence[start:end]``.
    ``ref_year`` / ``ref_month``: the article's date, so "in 2019" or "in April" read as the past."""
    zh = lang == "zh" or _has_han(sentence)
    # a dateline's lead sentence reports the news in its main clause: the words of time in a clause after the trigger's
    # ("..., concluding an investigation that began in February 2020", "..., ending measures first imposed in 2010",
    # "，采纳了...今年2月提出的建议") date another act (extract-0.7.75)
    own = lead_clause(sentence, end)
    if (_BACKGROUND_EN.search(own) or _BACKGROUND_NEAR_EN.search(own[max(0, start - 80):end + 50])
            or (zh and _background_zh(own, end if etype in ROLE_TYPES else len(own)))
            or (_HAD_EN.search(sentence) and not _REPORTED_HAD.search(sentence))
            # an earlier year in a sentence whose act starts today ("决定自即日起继续...征收反倾销税，税率维持2013年确定的
            # 水平") dates something else (extract-0.7.19)
            or (past_date(own, ref_year, ref_month) and not _starts_today_at(sentence, start))):
        return "background"
    if etype == "investigation" and _CONCLUDED_BY_MEASURES.search(sentence):
        return "background"
    if etype == "investigation" and _CLEARED.search(sentence):
        return "reversed"  # the review found nothing to act on: the inquiry ends in the firm's favour (extract-0.7.10)
    if etype == "market_move":
        return "enacted"  # a stated move or result; "shares dropped" is not a reversal
    if etype in ROLE_TYPES and _conditional_opening(sentence, start):
        return "proposed"  # "If the commission finds injury, Commerce will issue ... orders": waits on another step
    # back on a list of trusted destinations: licences no longer needed, an easing
    restored = etype == "export_control" and _TRUSTED_LIST_RESTORE.search(sentence) is not None
    if restored and _ENACTED_OVERRIDE.search(sentence):
        return "reversed"  # the restoration took effect ("当天起正式实施"): the easing, in force
    if _ENACTED_OVERRIDE.search(sentence):
        # "would delay by one week the ban ... that was due to take effect on Sunday": the act is the delay (extract-0.7.17)
        # (without that date no cue of enactment is left; a sentence without it keeps its cue, so one search suffices)
        reversal = _reversal(sentence, zh, etype)
        if reversal and not _ENACTED_OVERRIDE.search(_DUE_TO_TAKE_EFFECT.sub(" ", sentence)):
            return "reversed"
        # a tariff cut, removal or exemption that takes effect is the easing, in force, unless the sentence imposes
        # the tariff with only its own exemptions (as below; extract-0.7.84)
        # (the trigger may be the verb of imposing itself: "美方新加征的关税...正式实施，但部分药品获得豁免")
        if etype == "tariff" and reversal and not (
                (_imposed_here(sentence, start, end) or _IMPOSING.fullmatch(sentence[start:end]))
                and _exemptions_only(sentence, zh, etype)):
            return "reversed"
        return "enacted"
    if zh and etype in ROLE_TYPES and _SUBMITTED_ZH.search(sentence) and not _PASSED_ZH.search(sentence):
        return "proposed"
    if etype in ROLE_TYPES and _RECOMMENDED.search(sentence[max(0, start - 60):end]):
        return "proposed"  # "recommended that the FCC deny ...", "建议...拒绝...申请": not yet decided (extract-0.7.19)
    if etype in ROLE_TYPES and _REPORT_RECOMMENDS.search(sentence):
        return "proposed"
    if etype == "export_control" and _DEADLINE_EXTENDED.search(sentence):
        return "reversed"  # a forced sale's deadline extended: the order eased for now (extract-0.7.19)
    if etype == "investigation" and _ORDERED_TO_OPEN.search(sentence[max(0, start - 120):start]):
        return "proposed"  # "ordered the Commerce Department to open an investigation": not yet opened
    after = _AFTER_CLAUSE.search(sentence[:start])
    if after is not None:
        return "background"
    pre = sentence[max(0, start - 120):end]
    if etype == "tariff" and _LEADER_WILL.search(sentence[:end]) and not _INSTRUMENT.search(sentence):
        return "proposed"
    decided = (_DECIDED.search(sentence[:end]) and not _MODAL_NEAR.search(sentence[max(0, start - 60):start])
               and not _CONDITION_AFTER.search(sentence[end:end + 100]))
    if (not decided and (_PROPOSED_PRE_EN.search(pre) or (zh and _proposed_zh(sentence, start, end)))) \
            or (_PROPOSED_ANY_EN.search(sentence) and not _DONE_EN.search(sentence[max(0, start - 60):end])):
        return "proposed"
    if etype in ROLE_TYPES and not zh and not decided and _FUTURE_GOV_EN.search(sentence[max(0, start - 80):end + 60]) \
            and not _DATE_SET.search(sentence) and not (etype == "tariff" and _FINAL_REMEDY.search(sentence)):
        return "proposed"
    if etype in _FIRM_TYPES and (_FUTURE_EN.search(sentence[max(0, start - 60):end + 40])
                                 or (zh and _FUTURE_ZH.search(sentence[max(0, start - 30):end]))):
        return "proposed"
    if etype == "export_control" and (_LICENCE_REVOKED_EN.search(sentence)
                                      or (zh and _LICENCE_REVOKED_ZH.search(sentence))):
        return "enacted"
    if restored:
        return "reversed"
    if _reversal(sentence, zh, etype):
        # a restriction imposed with its own carve-outs ("imposed controls ..., while exempting
        # allies", "the duty, which it imposed on Wednesday, carries broad exemptions") is enacted
        if _imposed_here(sentence, start, end) and _exemptions_only(sentence, zh, etype):
            return "enacted"
        return "reversed"
    if etype == "export_control" and not _LICENCE_NEEDED.search(sentence) and (
            _LICENCE_EASED_EN.search(sentence) or (zh and _LICENCE_EASED_ZH.search(sentence))):
        return "reversed"
    if etype == "export_control":
        m = _EASING_EXPORT_EN.search(sentence)
        # "allows ... sales" eases; "bans ... and allows none" or "requires licences" restricts
        if m is not None and not _RESTRICT_EN.search(sentence[:m.start()] + sentence[m.end():]):
            return "reversed"
    return "enacted"


def starts_today(sentence: str, trigger: str | None) -> bool:
    """The act of ``trigger`` starts on the day of the report ("决定自即日起继续...征收反倾销税", "effective
    immediately"): an earlier year in its sentence dates something else (extract-0.7.19)."""
    at = sentence.find(trigger) if trigger else -1
    return at >= 0 and _starts_today_at(sentence, at)


def _starts_today_at(sentence: str, start: int) -> bool:
    """"即日起" or "effective immediately" in the 80 characters before the trigger at ``start``."""
    return _FROM_TODAY.search(sentence[max(0, start - 80):start]) is not None


def _proposed_zh(sentence: str, start: int, end: int) -> bool:
    """A Chinese proposal cue just before the trigger ("计划将", "拟"), and no act reported done in its
    clause or after it ("已撤销", "决定"); a done verb in an earlier clause ("已启动相关程序，计划将日本
    重新列入") reports another step (extract-0.7.4)."""
    lo = max(0, start - 30)
    cue = _PROPOSED_ZH.search(sentence[lo:end])
    if cue is None:
        return False
    clause = max(sentence.rfind(c, 0, lo + cue.start()) for c in "，,；;。")
    return not _DONE_ZH.search(sentence[max(clause + 1, start - 60):end])


#: the end of an inquiry ("ending a probe that began in 2018", "结束调查"): a reversal of the inquiry
#: alone, not of the duties the same sentence imposes
_INQUIRY_ENDED = re.compile(r"\b(end(s|ed|ing)?|terminat\w*|conclud\w*|clos(e|es|ed|ing)|wrap\w* up)\b[^,;.]{0,30}"
                            r"\b(probe|investigation|inquiry|review|case)\b|(结束|终止|完成)[^，。；]{0,10}(调查|审查)", _I)


#: a country struck off a list of trusted export destinations: a tightening, not a delisting
TRUSTED_LIST_REMOVAL = (
    r"\b(remov\w*|strik\w*|struck|drop\w*|delet\w*|exclud\w*|tak\w* off)\b.{0,40}\b(from|off) (the |its |a |their )?(own )?"
    r"(white ?list|list of (countries|preferred|trusted|favou?red)|trusted[- ]exporter|preferred trading partners|fast-track export)|"
    r"(移出|移除|剔除|删除|排除).{0,30}(白色清单|白名单|优待名单|优惠待遇(国家)?名单|优待国家)|"
    r"(白色清单|白名单|优待名单|优待国家).{0,25}(中|里)?(移出|移除|剔除|删除|排除)")
_TRUSTED_LIST_REMOVAL = re.compile(TRUSTED_LIST_REMOVAL, _I)
#: a country put back on such a list (Japan and Korea restoring each other, 2023): an easing
TRUSTED_LIST_RESTORE = (
    r"\b(put\w*|plac\w*|add\w*|return\w*|restor\w*|reinstat\w*|bring\w*|brought)\b.{0,40}\b(on|to|onto) (the |its |a |their )?(own )?"
    r"(white ?list|list of (countries|preferred|trusted|favou?red)|trusted[- ]exporter|preferred trading partners)|"
    r"(重新|恢复)(列入|纳入|加入)?.{0,30}(白色清单|白名单|优待名单|优惠对象|优待国家)|(恢复为|重新列为).{0,20}(优惠对象|白色清单|优待)")
_TRUSTED_LIST_RESTORE = re.compile(TRUSTED_LIST_RESTORE, _I)


#: an inquiry concluded by the measures it led to ("The duties, which will apply for five years, conclude an
#: investigation the Commission opened in 2023", "这一决定为...发起的反倾销调查画上句号"): the decision is the
#: news, the inquiry its background (extract-0.7.7); an inquiry ended without measures stays a reversal
_CONCLUDED_BY_MEASURES = re.compile(
    r"\b(duties|duty|tariffs?|levies|ruling|decision|determination|measures)\b[^.;]{0,60}\b(conclud\w*|end(s|ed)?|clos(es|ed)|"
    r"wrap\w* up)\b[^.;]{0,30}\b(investigation|probe|inquiry)\b|"
    r"(决定|裁定|裁决|措施|征税)[^。；]{0,40}(调查|审查)(画上(了)?句号|告一段落)|(为|给)[^，。；]{0,40}(调查|审查)画上(了)?句号", _I)


def _reversal(sentence: str, zh: bool, etype: str | None = None) -> bool:
    if etype is not None and etype != "investigation":
        sentence = _INQUIRY_ENDED.sub(" ", sentence)
    if etype == "export_control":
        sentence = _TRUSTED_LIST_REMOVAL.sub(" ", sentence)
    return bool(_REVERSED_EN.search(sentence) or (zh and _REVERSED_ZH.search(sentence)))


def _exemptions_only(sentence: str, zh: bool, etype: str) -> bool:
    """The sentence's easing is only exemptions: without them no reversal is left ("the duty ... carries broad
    exemptions"), so a restriction imposed in it is enacted with its own carve-outs."""
    return not _reversal(_EXEMPTION.sub(" ", sentence), zh, etype)


def _imposed_here(sentence: str, start: int, end: int) -> bool:
    """The trigger is the object of a verb of imposing ("imposed export controls", "the duty, which
    the administration imposed"), and not the modifier of an exemption ("tariff exemptions")."""
    if _EXEMPTION.match(sentence[end:end + 20].lstrip()):
        return False
    return bool(_IMPOSING.search(sentence[max(0, start - 40):start]) or _IMPOSING.search(sentence[end:end + 45]))


#: an accusation before a year: "指控其在2020年利用...漏洞", "accused of breaching firewalls in 2020"
_ACCUSED = re.compile(r"(指控|涉嫌|被控|控告)[^。；]{0,40}$|\b(accus\w*|alleg\w*|charg\w*)\b[^.;]{0,50}$", _I)


def past_date(sentence: str, ref_year: int | None, ref_month: int | None = None, ref_day: int | None = None, *,
              trigger: str | None = None) -> bool:
    """A year before ``ref_year`` with a past-tense verb, or a month earlier than ``ref_month``
    ("in April" in a June article, "今年4月"); not a day of the week before the article's date
    ``ref_day`` ("1月31日更新" in a February 1 article is the news, as "on Jan. 31" is)."""
    if ref_year is None:
        return False
    # the trigger's own clause may date it (extract-0.7.4, 0.7.6)
    at = sentence.find(trigger) if trigger else -1
    end = at + len(trigger) if trigger and at >= 0 else -1
    if end >= 0:
        sentence = lead_clause(sentence, end)  # in a dateline's lead sentence, only the trigger's clause (extract-0.7.75)
    if at >= 0 and _month_year_after(sentence, end, ref_year, start=at):
        return True
    for m in _PAST_YEAR.finditer(sentence):
        year = int(m.group(1) or m.group(2) or m.group(3))
        if _ACCUSED.search(sentence[max(0, m.start() - 50):m.start()]):
            continue  # the year of the conduct a designation or a charge accuses, not of the act (extract-0.7.10)
        if _in_title(sentence, m.start()):
            continue  # a year in a report's or law's title (《2022年恶名市场审查报告》) dates no act (extract-0.7.24)
        if end >= 0 and m.start() > end and _OTHER_OPENING.search(sentence[max(end, m.start() - 50):m.start()]):
            continue  # "..., ending an investigation that began in 2022": the year of the ended inquiry (extract-0.7.24)
        if year < ref_year and (m.group(2) or _PAST_TENSE.search(sentence)):
            return True
    if ref_month is not None:
        for m in _MONTH_EN.finditer(sentence):
            if _MONTHS.index(m.group(1).lower()) + 1 < ref_month:
                return True
        for m in _MONTH_ZH.finditer(sentence):
            month = int(m.group(2))
            if _NOT_ACT_MONTH_ZH.search(sentence[:m.start()]):
                continue
            if 1 <= month < ref_month and (m.group(1) or not re.search(r"\d{4}\s*年\s*$", sentence[:m.start()])) \
                    and not _days_before(sentence[m.end():], ref_year, month, ref_month, ref_day):
                return True
        if at >= 0 and (_later_month_past(sentence[at:end + 70], ref_month)
                        or _opened_in_later_month(sentence, at, end, ref_month)):
            return True
        # a sentence opening with a month later in the year than the article's, in the past tense ("In December the
        # cabinet barred ...", in a January article): last year's act (extract-0.7.18)
        opening = _OPENING_MONTH.match(sentence)
        if opening and _MONTHS.index(opening.group(1).lower()) + 1 > ref_month and _PAST_TENSE.search(sentence):
            return True
        # early this year, in an article of April or later ("今年初...发起的")
        if ref_month >= 4 and _EARLY_THIS_YEAR.search(sentence):
            return True
        if ref_day is not None and _dated_weeks_before(sentence, ref_year, ref_month, ref_day):
            return True
    return False


#: a date opening the sentence: "In December 2022 ...", "2022年12月，..." (extract-0.7.11)
_OPENING_YEAR = re.compile(r"^\W{0,3}(?:(?:in|by) (?:(?:late|early|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|"
                           r"September|October|November|December)\s+)?|(?:at|by) the (?:end|start|beginning|close) of )((?:19|20)\d\d)\b|"
                           r"^\W{0,3}((?:19|20)\d\d)\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?\s*[，,]", _I)


#: after the trigger, a clause dating another step: "ending an investigation ... that began in 2022",
#: "a case that was opened in 2021" (extract-0.7.24)
_OTHER_OPENING = re.compile(r"\b(?:that|which) (?:was |were |had been )?(?:began|begun|started|opened|launched|initiated|filed)\b"
                            r"(?:\s+\w+){0,2}\s+$", _I)


def _in_title(sentence: str, at: int) -> bool:
    """``at`` lies inside a 《title》."""
    before = sentence[:at]
    return before.rfind("《") > before.rfind("》")


#: a Chinese month opening the sentence: "7月初，美国商务部解除了...", "今年4月，韩国已..." (extract-0.7.24; the English
#: "In March ..." is :data:`_OPENING_MONTH`)
_OPENING_MONTH_ZH = re.compile(r"^\W{0,3}(?:今年|本年)?(\d{1,2})\s*月(?:初|中|底|末|上旬|中旬|下旬|份)?\s*[，,]")


def opens_with_earlier_date(sentence: str, ref_year: int | None, ref_month: int | None) -> bool:
    """The sentence opens with a date before the article's month: an earlier year (:func:`opens_with_past_year`)
    or another month of the calendar ("In March ...", "7月初，...", in a July article: this year's, or last
    year's when later in the year). What it reports, a reversal too, is context (extract-0.7.24)."""
    if opens_with_past_year(sentence, ref_year, ref_month):
        return True
    if ref_month is None:
        return False
    if (m := _OPENING_MONTH.match(sentence)) is not None:
        month = _MONTHS.index(m.group(1).lower()) + 1
    elif (m := _OPENING_MONTH_ZH.match(sentence)) is not None:
        month = int(m.group(1))
    else:
        return False
    return 1 <= month <= 12 and month != ref_month


#: "Commerce" alone as the subject of an act ("In February Commerce began investigating ...", "Commerce opened the
#: investigations in April"): the U.S. Department of Commerce, which the watchlist names only in full (a bare
#: "Commerce" is too often a word or another country's ministry to be a mention; extract-0.7.24)
_COMMERCE_SUBJECT = re.compile(r"(?<![\w-])(?<!of )(?<!'s )(?<!’s )Commerce(?! (?:Ministry|Minister|Bureau|Commission|Committee))"
                               r"(?:,[^,]{1,40},)? (?:also |then |later |first |formally |has |had |will |would |is |was )?"
                               r"(?:began|begun|opened|launched|initiated|started|issued|imposed|set|added|found|determined|"
                               r"announced|said|says|published|assessed|extended|revoked|calculated|ruled|made|open|launch|"
                               r"impose|issue|set|decide|decided)\b")


def commerce_subject(sentence: str) -> bool:
    """The sentence's subject is "Commerce" alone, acting (:data:`_COMMERCE_SUBJECT`)."""
    return _COMMERCE_SUBJECT.search(sentence) is not None


#: a short framing clause closed by a colon, before the dated report it introduces ("值得注意的是，也有案件以不同方式收场：2019年，
#: 欧委会...终止了...调查", "Other cases ended differently: in 2019 the Commission closed ..."; round 41, from the spent
#: holdout38's errors; fitted)
_FRAMING = re.compile(r"^[^：:。；;.]{2,40}[：:]\s*")


def opens_with_past_year(sentence: str, ref_year: int | None, ref_month: int | None = None) -> bool:
    """The sentence opens with a date in a year before ``ref_year`` ("In December 2022 the senator introduced a
    bill that would ban ...", "2022年12月，...提出...拟禁止"): what it reports, proposal or act, is context (extract-0.7.11;
    an act too since extract-0.7.24: "2018年10月，欧盟对...征收最终反倾销税"). Not last December in a January article
    (``ref_month`` 1), which may be the news."""
    m = _OPENING_YEAR.search(sentence)
    if m is None and (framing := _FRAMING.match(sentence)) is not None:
        m = _OPENING_YEAR.search(sentence[framing.end():])
    if ref_year is None or m is None or int(m.group(1) or m.group(2)) >= ref_year:
        return False
    if ref_month == 1 and int(m.group(1) or m.group(2)) == ref_year - 1 and re.search(r"December|12\s*月", m.group(0), _I):
        return False
    return True


def _later_month_past(text: str, ref_month: int) -> bool:
    """The trigger's own clause dates it, in the past tense, to a month after the article's ("an
    investigation that the ministry opened in September", in a March article; "launched the case in
    November", extract-0.7.24): last year's act (extract-0.7.4), as is any "last December" there
    ("imposed anti-dumping duties on ... towers last December", extract-0.7.24). Looked for just after
    the trigger: another clause may date another act."""
    return (any(_MONTHS.index(m.group(1).lower()) + 1 > ref_month for m in _PAST_MONTH_EN.finditer(text))
            or _LAST_MONTH.search(text) is not None)


def _opened_in_later_month(sentence: str, start: int, end: int, ref_month: int) -> bool:
    """"Brussels opened the anti-dumping investigation in December", in a July article: the verb before
    the trigger, the month right after it, later in the year than the article's: last year's act
    (extract-0.7.6)."""
    m = _MONTH_AFTER.match(sentence, end)
    return bool(m and _MONTHS.index(m.group(1).lower()) + 1 > ref_month
                and _OPENED_BEFORE.search(sentence[max(0, start - 60):start]))


def _month_year_after(sentence: str, end: int, ref_year: int, start: int | None = None) -> bool:
    """The trigger's own clause dates it to a month of an earlier year ("The investigation, opened in
    July 2018", "its investigation, which it opened in December 2023", "Commerce launched the investigations
    in July 2020"): looked for in the 40 characters after the trigger, with a past-tense verb between them
    or just before the trigger (``start``; extract-0.7.19), so that another clause's date ("ending a probe
    that began in November 2018") does not count (extract-0.7.6)."""
    m = _MONTH_YEAR.search(sentence[end:end + 40])
    if not m or int(m.group(1)) >= ref_year:
        return False
    return bool(_PAST_TENSE.search(sentence[end:end + m.start() + 1])
                or (start is not None and _VERB_OF_OPENING.search(sentence[max(0, start - 30):start])))


#: a verb of opening or imposing right before the trigger ("launched the investigations in July 2020")
_VERB_OF_OPENING = re.compile(r"\b(opened|launched|began|started|initiated|imposed|announced|introduced)\b(?: \w+){0,3}\s*$", _I)


_MONTH_YEAR = re.compile(r"\b(?:in|since) (?:late |early |mid-)?(?:" + _MONTH_NAMES
                         + r"),? ((?:19|20)\d\d)\b", _I)


_MONTH_AFTER = re.compile(r"\s+(?:in|last) (?:late |early |mid-)?(" + _MONTH_NAMES + r")\b(?!,? \d)")
_OPENED_BEFORE = re.compile(r"\b(opened|launched|began|started|initiated|imposed|announced)\b(?!.*[.;])", _I)


_PAST_MONTH_EN = re.compile(r"\b(?:opened|launched|began|started|initiated|issued|introduced|announced|imposed|added|"
                            r"unveiled|published|adopted|enacted|revoked|filed|blacklisted|designated)(?: (?!in\b|last\b)[\w-]+){0,3} (?:in|last) (?:late |early |mid-)?("
                            + _MONTH_NAMES + r")\b(?!,? \d)")
#: "last December": a month of the past, whatever the article's month (extract-0.7.24)
_LAST_MONTH = re.compile(r"\blast (?:late |early |mid-)?(?:" + _MONTH_NAMES + r")\b(?!,? \d)")
_OPENING_MONTH = re.compile(r"^\W{0,3}(?:in|last) (?:late |early |mid-)?(" + _MONTH_NAMES + r")\b(?!,? \d)", _I)
_EARLY_THIS_YEAR = re.compile(r"今年(年)?初|今年早些时候")


def _dated_weeks_before(sentence: str, year: int, ref_month: int, ref_day: int) -> bool:
    """A day of this year's calendar ("on March 23", "3月8日") more than :data:`RECENT_DAYS` and
    less than a year before the article's date: an earlier act (extract-0.7.1; a month alone is
    the month rule's). Not when the sentence calls the report recent ("近日发布的公告": the news)."""
    if _RECENT_REPORT.search(sentence):
        return False
    days = [((_MONTHS.index(m.group(1).lower()) + 1) if m.group(1).lower() in _MONTHS else _ABBR[m.group(1).lower()],
             int(m.group(2))) for m in _MONTH_DAY_EN.finditer(sentence)
            # "to take effect on Jan. 1": the day an act will start, next year's (extract-0.7.24)
            if not _TO_TAKE_EFFECT.search(sentence[max(0, m.start() - 40):m.start()])]
    days += [(int(m.group(1)), int(m.group(2))) for m in _MONTH_DAY_ZH.finditer(sentence)
             if not _NOT_ACT_MONTH_ZH.search(sentence[:m.start()])]
    # "本月10日起" (the 10th of this month)
    days += [(ref_month, int(m.group(1))) for m in _THIS_MONTH_DAY_ZH.finditer(sentence)]
    for month, day in days:
        if not 1 <= month <= ref_month:
            continue
        gap = _gap_days(year, month, day, ref_month, ref_day)
        if gap is not None and RECENT_DAYS < gap < 366:
            return True
    return False


_DAY_ZH = re.compile(r"^\s*(\d{1,2})\s*[日号]")
_TO_TAKE_EFFECT = re.compile(r"\b(to|will|would|shall|set to|due to) (take|come into|enter into) (effect|force)\s+(on\s+|from\s+)?$", _I)
_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
# a day of a month: "on March 23", "Sept. 5" (not followed by a year: that is the year rule's)
_MONTH_DAY_EN = re.compile(r"\b(" + _MONTH_NAMES + r"|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.? "
                           r"(\d{1,2})\b(?!,? (19|20)\d\d)(?!\s*(-|–|to|through)\s*\d)")
_RECENT_REPORT = re.compile(r"近日|日前|近期|\b(recently|newly)\b", _I)
_THIS_MONTH_DAY_ZH = re.compile(r"(?:本月|这个月|当月)\s*(\d{1,2})\s*[日号]")
_MONTH_DAY_ZH = re.compile(r"(?<!\d)(?<!\d年)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
#: a dated act this many days before the article is its news
RECENT_DAYS = 7


def _days_before(after_month: str, year: int, month: int, ref_month: int, ref_day: int | None) -> bool:
    """The month is followed by a day ("1月31日") that lies at most :data:`RECENT_DAYS` before the
    article's date (``year``-``ref_month``-``ref_day``)."""
    m = _DAY_ZH.match(after_month)
    if m is None or ref_day is None:
        return False
    gap = _gap_days(year, month, int(m.group(1)), ref_month, ref_day)
    return gap is not None and 0 <= gap <= RECENT_DAYS


def _gap_days(year: int, month: int, day: int, ref_month: int, ref_day: int) -> int | None:
    """Days from ``year-month-day`` to the article's ``year-ref_month-ref_day``; None for an
    impossible date ("2月30日")."""
    try:
        return (date(year, ref_month, ref_day) - date(year, month, day)).days
    except ValueError:
        return None


_HAN = re.compile("[\u4e00-\u9fff]")


def _has_han(text: str) -> bool:
    return _HAN.search(text) is not None


# a name right after one of these is a place or a target, not the actor ("sales to China",
# "in Beijing", "对美国"; not "反对美方将...", where 美方 acts)
_NOT_ACTOR_BEFORE = re.compile(
    r"(\b(to|on|against|from|in|into|at|with|for|of|over|toward|towards|targeting|including|include|across|outside|"
    r"inside|within|via|through|amid|between|like|than|about|versus|vs)\s+(the\s+)?|"
    # the object of an act on a country ("remove South Korea from its list", "drop Japan from ...")
    r"\b(remov(e|es|ed|ing)|drop(s|ped|ping)?|strik(e|es|ing)|struck|exclud(e|es|ed|ing)|punish(es|ed|ing)?)\s+(the\s+)?|"
    # the agency a bill would empower ("authorise the Commerce Department to", "授权美国商务部")
    r"\b(authori[sz](e|es|ed|ing)|empower(s|ed|ing)?|let|lets|allow(s|ed|ing)?|direct(s|ed|ing)?|requir(e|es|ed|ing)|giv(e|es|en|ing)|gave)\s+(the\s+)?|授权|责成|要求|"
    # the agency another body orders, bars or halts ("ordered the Commerce Department to open", "would bar the Commerce
    # Department from removing", "叫停美国商务部针对...的措施"; extract-0.7.24)
    r"\b(order(s|ed|ing)?|instruct(s|ed|ing)?|bar(s|red|ring)?|prohibit(s|ed|ing)?|forb(id|ids|ade|idding)|block(s|ed|ing)?|"
    r"halt(s|ed|ing)?|enjoin(s|ed|ing)?|su(e|es|ed|ing))\s+(the\s+)?|叫停|阻止|暂停执行|"
    # the subject of a trade-remedy body's finding ("认定中国床垫以低于公平价值的价格在美销售", "初步认定中国政府对...提供了补贴",
    # "found that Chinese producers had been subsidised"; round 35, from the spent holdouts' errors): found about, not acting
    r"\b(found|finds|finding|ruled|determined|concluded)\s+that\s+(the\s+)?|认定|裁定|判定|"
    # the country told of an act ("has informed Japan through diplomatic channels that it is suspending imports",
    # 通知日方) and the origin of goods halted ("imports of some Taiwanese fruit", 原产地为日本的水产品; round 36, from the
    # spent holdouts' errors): told or named as a source, not acting
    r"\b(inform(s|ed|ing)?|told|tell(s|ing)?|notif(y|ies|ied|ying))\s+(the\s+)?|通知|告知|"
    r"\bimports?\s+of\s+((some|all|the|certain)\s+)?|原产地?为|原产于|"
    r"(?<![反应面])对|[向从在与和给赴于自到至及跟同将把家批些名个的、]|针对|出口|进口|输往|运往)$", _I)
_COREF_EN = re.compile(r"\b(the|this|that) (company|group|firm|chipmaker|chip maker|startup|start-up|giant|conglomerate|"
                       r"maker|supplier|lab|unit|subsidiary|developer|designer|manufacturer|vendor)\b|"
                       r"^\W*(its|their)\b|\b(both|the two) (companies|firms|groups|chipmakers)\b|^\W*the shares\b|"
                       r"\b(the|this|that) (chip|processor|accelerator|gpu)\b", _I)
_COREF_ZH = re.compile(r"该公司|该集团|该企业|这家公司|此公司|公司|集团|该芯片|其")

#: (start char in the sentence, end char, id, kind) of one watchlist hit
Hit = tuple[int, int, str, str]


# the grantor of a licence or an approval acts: "received licences from the United States"
_GRANTED_FROM = re.compile(r"\b(licen[cs]es?|approvals?|permission|permits?|authori[sz]ations?|waivers?|exemptions?|"
                           r"notices?|letters?)\b[^.;]{0,20}\bfrom\s+(the\s+)?$", _I)
# a dateline names where the story was filed, not who acts: "SEOUL, Dec 31 - ", "BEIJING (Reuters) -"
_DATELINE_AFTER = re.compile(r"^(\s*,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}\b|\s*\(\w+\))")


#: a country's name qualifying a firm named by its trade: "U.S. due-diligence firm", "American management consultancy",
#: "美国管理咨询公司", "美国尽调公司" (never across an article, a pronoun or a verb: "blacklisted the company" keeps its actor)
_FIRM_OF_TRADE = (r"^\s+(?!(the|a|an|its|their|this|that|his|her|our|which|who|has|have|had|will|would|is|was|are|were|to|and|or)\b)"
                  r"(?![a-z-]*ed\b)[a-z][\w-]*(\s+(?!(the|a|an|its|their|this|that|and|or)\b)(?![a-z-]*ed\b)[a-z][\w-]*)?\s+"
                  # (plurals too: "four other U.S. defence companies"; after holdout28's scoring)
                  r"(firms?|compan(y|ies)|consultanc(y|ies)|consulting firms?|groups?|banks?|lenders?|startups?|start-ups?|"
                  r"chipmakers?|carmakers?|drugmakers?|makers?|manufacturers?|insurers?|retailers?|developers?|giants?|"
                  r"conglomerates?|providers?|operators?|contractors?)\b|"
                  r"^(管理咨询|咨询|尽调|尽职调查|会计师事务|律师事务|专家网络|风险咨询|调研|审计|科技|芯片|半导体|制药|医药|汽车|软件|"
                  r"网络安全|通信|游戏|无人机|社交媒体|投资|私募|基金)(公司|企业|集团|机构|所)")


_NOT_ACTOR_AFTER = re.compile(r"^(-made|-based|-origin)?\s*(products|goods|imports|exports|compan(y|ies)|firms?|entities|chipmakers?|"
                              r"suppliers?|chips?|technolog(y|ies)|soybeans|farm\w*|pork|cars|vehicles|consumers|customers|"
                              r"investors|businesses|brands|stocks|shares|market)\b|^(的)?(产品|商品|进口商品|企业|公司|芯片|厂商|市场|实体(?!清单|名单))|"
                              # the country word opening a state firm's name ("中国商飞", "中国电信美洲公司"; extract-0.7.17)
                              r"^(商飞|电信|联通|移动|石油|石化|海油|中车|铁建|中铁|华能|航天|航空|船舶|兵器|信科|化工|五矿|中化|稀土)|"
                              # the patient of a passive ("日本重新被列入", "Japan was put back on"): acted on, not acting
                              r"^\s*(重新|再次|已|已经|也|均)?被|^\s+(was|were|has been|have been|had been|is|are|will be)\s+"
                              r"(re)?(added|placed|put|removed|listed|restored|returned|reinstated|blacklisted|designated|struck|dropped|taken)\b|"
                              # a person's nationality ("convicted Xu Yanjun, a Chinese intelligence officer", "a Chinese national",
                              # 中国公民徐延军, 中国籍研究员; round 33, after holdout31's scoring): a person, not a state acting
                              r"^\s+((intelligence|security|military|state) )?(nationals?|citizens?|officers?|engineers?|researchers?|"
                              r"employees?|businessm[ae]n|businesswom[ae]n|students?|scientists?|spies|spy|hackers?|executives?)\b|"
                              r"^(籍|公民|国籍|男子|女子|留学生|商人)|"
                              # the nationality of a firm named by its trade ("U.S. due-diligence firm Mintz Group", "美国管理咨询公司
                              # 贝恩公司"; round 28, after holdout26's scoring): one or two describing words, no article or verb
                              + _FIRM_OF_TRADE, _I)


def valid_actor_hits(sentence: str, hits: Sequence[Hit]) -> list[Hit]:
    """The agency and government hits of a sentence that can be an actor (not after a preposition,
    unless it grants a licence: "licences from the United States")."""
    out = []
    for h in hits:
        if h[3] != "agency" or _NOT_ACTOR_AFTER.search(sentence[h[1]:h[1] + 20]):
            continue
        if _NOT_ACTOR_BEFORE.search(sentence[max(0, h[0] - 14):h[0]].rstrip() + (" " if _ascii_word_end(sentence, h[0]) else "")) \
                and not _GRANTED_FROM.search(sentence[max(0, h[0] - 60):h[0]]):
            continue
        if _enumerated_object(sentence[max(0, h[0] - 80):h[0]]) and not _SAYS_AFTER.match(sentence[h[1]:h[1] + 12]):
            continue
        out.append(h)
    return out


#: a name followed by a verb of saying is the subject of the attribution that closes the sentence ("... for the benefit of
#: China, the Justice Department said."), not a name later in an enumeration (extract-0.7.26)
_SAYS_AFTER = re.compile(r"\s+(said|says|announced|added)\b")


def _enumerated_object(before: str) -> bool:
    """A name later in an enumeration whose head is an object ("imports from the EU, Japan, South Korea
    and Indonesia": Japan is a place of origin, as the EU is): the text before the enumeration ends with a
    preposition (extract-0.7.6)."""
    m = _ENUM_TAIL.search(before)
    return m is not None and m.start() > 0 and bool(_NOT_ACTOR_BEFORE.search(before[:m.start()].rstrip() + " "))


#: the names of an enumeration before the hit: "the EU, ", "Canada, Japan and ", "South Korea and "
#: "Taiwan, Malaysia and the " before "United States": the last name's article may stand before the hit (extract-0.7.16)
_ENUM_TAIL = re.compile(r"(?:(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+))+(?:the\s+)?$")


def dateline(sentence: str, hit: Hit) -> bool:
    """The hit is the place of a dateline: an upper-case name opening the sentence, followed by a
    date or the agency ("SEOUL, Dec 31 - ", "WASHINGTON (Reuters) -")."""
    name = sentence[hit[0]:hit[1]]
    return (not sentence[:hit[0]].strip() and name.isupper() and len(name) > 2
            and bool(_DATELINE_AFTER.match(sentence[hit[1]:hit[1] + 20])))


def _ascii_word_end(sentence: str, pos: int) -> bool:
    before = sentence[:pos].rstrip()
    return bool(before) and before[-1].isascii() and before[-1].isalpha()


def actor_hit(sentence: str, cands: Sequence[Hit], trigger_start: int) -> Hit | None:
    """Of the hits that can act, the one nearest before the trigger, else the first after it."""
    # a dateline's place acts only when the sentence names no one else ("SEOUL, Dec 31 - Samsung
    # ... received licences from the United States": the United States)
    cands = [h for h in cands if not dateline(sentence, h)] or cands
    if not cands:
        return None
    before = [h for h in cands if h[0] < trigger_start]
    return before[-1] if before else cands[0]


def pick_actor(sentence: str, hits: Sequence[Hit], trigger_start: int, *,
               government_of: Mapping[str, str] | None = None) -> str | None:
    """The actor of the event whose trigger starts at ``trigger_start``, from the sentence's hits
    (agencies and governments), or None. ``government_of``: agency id -> its government's id."""
    cands = valid_actor_hits(sentence, hits)
    chosen = actor_hit(sentence, cands, trigger_start)
    if chosen is None:
        return None
    gov = government_of or {}
    if chosen[2] in gov.values():
        specific = [h for h in cands if gov.get(h[2]) == chosen[2]]
        if specific:
            return specific[0][2]
    return chosen[2]


#: a country's bare name standing for the ministry that acts ("China announced export controls on
#: tungsten", the commerce ministry's; "China has ended its antitrust investigation", SAMR's):
#: Chinese regulatory acts are the agencies', while cn-gov is the State Council, the Party, the
#: tariff commission; "Washington", "the administration", "the United States" stay us-gov
METONYM_NAMES = frozenset({"China", "中国"})


def metonym(sentence: str, hits: Sequence[Hit], trigger_start: int) -> bool:
    """The sentence's actor is a bare country name that stands for one of its ministries
    (:data:`METONYM_NAMES`): the article may name that ministry."""
    chosen = actor_hit(sentence, valid_actor_hits(sentence, hits), trigger_start)
    return chosen is not None and sentence[chosen[0]:chosen[1]] in METONYM_NAMES


_ADJECTIVAL = re.compile(r"^\s*(['’]s\s+)?(new |latest |sweeping )?(entity list|export controls?|export curbs|curbs|"
                         r"restrictions|rules|sanctions|tariffs|blacklist)|^(的)?(实体清单|出口管制|制裁|关税|管制|黑名单)", _I)


def adjectival(sentence: str, hit: Hit) -> bool:
    """The name qualifies an instrument ("U.S. export controls", "美国实体清单") rather than
    acting: the article may name the agency behind it."""
    return bool(_ADJECTIVAL.search(sentence[hit[1]:hit[1] + 30]))


def instrument_actor(hits: Sequence[Hit]) -> str | None:
    """The actor implied by the instrument the sentence names (the Entity List: the U.S.)."""
    return next((INSTRUMENT_ACTOR[h[2]] for h in hits if h[2] in INSTRUMENT_ACTOR), None)


#: a firm named as the beneficiary of the act, not its target ("Intel could gain from US plan to tie chip tariffs to
#: local output", "push customers toward Intel's foundry", "1:1芯片关税方案或利好英特尔", "英特尔将受益"; extract-0.7.23)
_BENEFICIARY_AFTER = re.compile(r"^(['’]s)?\s+(\w+\s+){0,2}(could|would|may|might|will|stands? to|is set to|is poised to|"
                                r"set to|poised to)\s+(gain|benefit|profit)\w*\b|^[^，。；,;]{0,8}(将|有望|或将|可能|会)?(受益|获益)", _I)
_BENEFICIARY_BEFORE = re.compile(r"\b(toward|towards|favou?ring|benefit(t?ing)?)\s+(\w+\s+){0,2}$|(利好|有利于)[^，。；,;]{0,2}$", _I)


def pick_targets(hits: Sequence[Hit], actor: str | None, text: str | None = None) -> list[str]:
    """Companies, chips and named instruments (the AI Diffusion Rule, the Big Fund; not the lists
    firms are put on) of the sentence, first seen first; with the sentence's ``text``, not a firm or chip named
    as the act's beneficiary (:data:`_BENEFICIARY_AFTER`, :data:`_BENEFICIARY_BEFORE`)."""
    def beneficiary(h: Hit) -> bool:
        return text is not None and h[3] in ("company", "chip") and bool(
            _BENEFICIARY_AFTER.search(text[h[1]:h[1] + 40]) or _BENEFICIARY_BEFORE.search(text[max(0, h[0] - 30):h[0]]))
    return list(dict.fromkeys(h[2] for h in hits if h[2] != actor and not beneficiary(h) and (
        h[3] in ("company", "chip") or (h[3] == "policy" and "list" not in h[2]))))


def refers_back(sentence: str) -> bool:
    """Whether the sentence refers to a firm or chip named before ("the company", "该公司")."""
    return bool(_COREF_EN.search(sentence) or (_has_han(sentence) and _COREF_ZH.search(sentence)))
