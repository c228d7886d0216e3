"""#15 extract-0.7.26 (round 26): who acts in a prosecution (the body that closes the sentence by saying it, the FBI),
scrutiny stepped up, export controls outside the chip beat, acts negated a few words before their trigger, regulators'
warnings, and (after holdout24's scoring) tariff cuts and China's Taiwan Affairs Office. Sentences written for these
tests (none copied from an evaluation split or a probe), run through the real extractor with the event classifier as
the pipeline runs it (``full``); the two development probes of tests/data/events/ are held too."""

from __future__ import annotations

from pathlib import Path

import pytest
from sinowatch.extractors.event_roles import valid_actor_hits

from sinowatch.records import Document
from tests.extractors.conftest import events_of, first_actor, jsonl_rows, probe_hits


@pytest.mark.parametrize("text", [
    # the body that closes the sentence by saying it is its subject, not a name later in an enumeration
    "A chemist has been arrested and charged with stealing battery secrets for the benefit of China, the Justice "
    "Department said.",
    "A former contractor was charged with smuggling circuit boards to buyers in Russia and China, the Justice "
    "Department said on Tuesday.",
])
def test_the_body_that_says_it_closing_the_sentence_acts(full, text) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, "en", "investigation") == "us-gov"


@pytest.mark.parametrize("text", [
    "A software engineer has been charged with stealing source code after FBI agents arrested him at the airport.",
    "FBI agents arrested a researcher who has been charged with economic espionage.",
])
def test_the_fbi_acts_for_the_us_government(full, text) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, "en", "investigation") == "us-gov"


def test_an_enumerated_origin_is_still_no_actor() -> None:
    # a name later in an enumeration after a preposition stays an object when no verb of saying follows it
    sentence = "Duties on imports from the EU, Japan and Korea rose."
    start = sentence.index("Japan")
    hits = [(start, start + len("Japan"), "jp-gov", "agency")]
    assert valid_actor_hits(sentence, hits) == []
    said = "Duties rose for imports from Korea, Japan said."
    start = said.index("Japan")
    assert valid_actor_hits(said, [(start, start + len("Japan"), "jp-gov", "agency")])


@pytest.mark.parametrize(("text", "lang"), [
    # scrutiny stepped up over a class of deals or platforms is a trend, not a probe of anyone
    ("Officials have said they are stepping up scrutiny of purchases routed through intermediaries.", "en"),
    ("Regulators have tightened scrutiny of cross-border shopping apps over the past year.", "en"),
    ("业内人士指出，跨境数据交易正受到越来越严格的审查，企业赴美投资的不确定性上升。", "zh"),
])
def test_scrutiny_stepped_up_is_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("Regulators opened an inquiry into the shopping app's data practices on Monday.", "en"),
    ("市场监管总局对该平台涉嫌垄断行为立案调查。", "zh"),
])
def test_a_probe_opened_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    # a person charged with a crime, alone in its sentence: the classifier no longer drops the prosecution
    ("A researcher has been charged with economic espionage.", "en"),
    ("A former engineer has been charged with stealing trade secrets.", "en"),
])
def test_a_charge_alone_in_its_sentence_is_a_prosecution(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    # a government's halt, suspension, freeze or quota on a good's exports, in the wordings of food, mineral and arms
    # controls
    ("The government in Cairo stopped overseas sales of sugar on Monday to keep shelves stocked before the holiday.", "en"),
    ("Officials suspended exports of onions for three months after prices doubled.", "en"),
    ("Kazakhstan set quotas on exports of sunflower seeds from October to protect local crushers.", "en"),
    ("The ministry announced a six-month moratorium on exports of raw cashew nuts.", "en"),
    ("Traders may no longer send the vaccines overseas without a permit, the health ministry said.", "en"),
    ("The cabinet required producers to obtain approval before exporting surgical gloves.", "en"),
    ("埃及政府宣布，自下月起暂停食糖出口三个月，以稳定国内价格。", "zh"),
    ("哈萨克斯坦决定对葵花籽出口实行配额管理，为期六个月。", "zh"),
    ("该国政府规定，疫情缓解之前，医用手套一律不得出口。", "zh"),
])
def test_a_halt_suspension_or_quota_on_exports_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("The ministry let grain traders resume wheat exports on Tuesday under a monthly quota.", "en"),
    ("The government allowed rice exports to restart in May under a quota of 300,000 tonnes.", "en"),
])
def test_exports_allowed_to_restart_are_an_easing(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in events_of(full, text, lang) if e.type == "export_control"]
    assert found and found[0].status == "reversed"


@pytest.mark.parametrize(("text", "lang"), [
    # a firm's own halt, trade figures, and "出口" as an exit are no controls
    ("Acme Motors said on Friday that it had stopped all exports to the region because of weak demand.", "en"),
    ("Exports stopped growing in the third quarter, customs data showed.", "en"),
    ("国庆假期首日，交警对部分高速收费站出口实施临时交通管制。", "zh"),
    ("一家纺织企业表示，已暂停对欧洲的出口订单，等待价格回升。", "zh"),
])
def test_a_firms_own_halt_or_trade_data_is_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in {e.type for e in events_of(full, text, lang)}


PROBE = Path(__file__).resolve().parents[1] / "data" / "events" / "export_control_probe.jsonl"


def test_the_export_control_probe(full) -> None:  # type: ignore[no-untyped-def]
    """The development probe of export-control wordings (round 26; tests/data/events/README.md): the wordings it
    was written for are found (recall 142 of 153 when its step was made) and its hard negatives stay clear (3 of 54
    raise a control). A development figure, fitted on this file: the validation splits judge the step."""
    tp, fp, n = probe_hits(full, jsonl_rows(PROBE))
    assert n >= 150 and tp / n >= 0.90
    assert fp <= 4


@pytest.mark.parametrize(("text", "lang", "etype"), [
    # a negation a few words before the trigger, the verb of the act between
    ("The trade ministry has not opened any investigation into the imported cheese, a spokeswoman said.", "en",
     "investigation"),
    ("The start-up has not released a new model since last spring, its founder said.", "en", "model_release"),
    ("公司负责人表示，公司未被列入任何制裁名单，海外业务没有受到影响。", "zh", "entity_list"),
    ("海关总署表示，目前没有对相关进口奶酪发起调查，网传消息不实。", "zh", "investigation"),
])
def test_an_act_negated_a_few_words_before_is_no_event(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang", "etype"), [
    # "not only", 未来 (the future) and 未加工 (unprocessed) negate nothing
    ("The ministry has not only opened an investigation into the cheese imports but also raised deposits.", "en",
     "investigation"),
    ("商务部表示，未来将对相关进口奶酪发起反倾销调查。", "zh", "investigation"),
    ("该国政府宣布禁止未加工原木出口。", "zh", "export_control"),
])
def test_not_only_the_future_and_unprocessed_goods_negate_nothing(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("The data-protection commission said on Monday it had issued a formal warning to the chatbot's developer.", "en"),
    ("个人信息保护委员会表示，已向该聊天机器人的开发商发出警告。", "zh"),
])
def test_a_regulators_warning_to_a_firm_is_an_enforcement_step(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("The weather agency issued a storm warning for the coast on Monday.", "en"),
    ("气象部门向沿海地区发出台风警告。", "zh"),
])
def test_weather_warnings_are_no_enforcement(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in events_of(full, text, lang)}


NEGATIVES = Path(__file__).resolve().parents[1] / "data" / "events" / "hard_negatives_probe.jsonl"


def test_the_hard_negatives_probe(full) -> None:  # type: ignore[no-untyped-def]
    """The development probe of hard negatives (round 26; tests/data/events/README.md): of its lines that state no
    event, at most 12 raise one (11 of 166 when its step was made, 16 before). A development figure, fitted on
    this file: the validation splits judge the step."""
    rows = jsonl_rows(NEGATIVES)
    negatives = [r for r in rows if not r["types"]]
    docs = [Document(id=r["id"], title="", text=r["text"], lang=r["lang"], published="2025-06-30") for r in negatives]
    hit = sum(bool(x.events) for x in full.extract(docs, batch_size=32))
    assert len(negatives) >= 160 and hit <= 12


# after holdout24's scoring (fitted): tariff rates cut are an easing, and China's Taiwan Affairs Office acts for Beijing
@pytest.mark.parametrize(("text", "lang"), [
    ("From Monday, duties on imported motorcycles fell to 10% from 30%, the finance ministry said.", "en"),
    ("财政部宣布，自下月起降低800个税目的进口关税，平均税率由9.8%降至7.5%。", "zh"),
    ("该国自1日起对最不发达国家的全部税目产品实施零关税。", "zh"),
])
def test_tariff_rates_cut_are_an_easing(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in events_of(full, text, lang) if e.type == "tariff"]
    assert found and found[0].status == "reversed"


def test_tariffs_raised_stay_enacted(full) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in events_of(full, "财政部宣布，自下月起将相关商品的进口关税由10%提高至25%。", "zh") if e.type == "tariff"]
    assert found and found[0].status == "enacted"


@pytest.mark.parametrize(("text", "lang"), [
    ("国务院台湾事务办公室宣布，对两家台湾机构及其负责人实施制裁。", "zh"),
    ("Beijing's Taiwan Affairs Office sanctioned two Taiwanese groups and their leaders on Friday.", "en"),
])
def test_the_taiwan_affairs_office_acts_for_beijing(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, "entity_list") == "cn-gov"
