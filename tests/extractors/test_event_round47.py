"""#15 round 47. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.131 (from the spent holdouts' errors; fitted): a trend over recent years told after a background marker
# states no act of its own; a dated act in the same sentence, or a trend sentence without the marker's trend, still counts
@pytest.mark.parametrize(("text", "lang"), [
    ("背景方面，近年来美国对中国产家具的关税不断提高，不少零售商已把采购转向东南亚。", "zh"),
    ("背景方面，墨西哥近年来对亚洲钢材加征的关税明显增多，当地钢厂仍抱怨进口冲击。", "zh"),
    ("Background: in recent years Washington has raised tariffs on Chinese furniture again and again.", "en"),
])
def test_background_trend_is_no_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("背景方面，近年来商务部对多种化工产品发起贸易救济调查，2019年曾决定对原产于日本的进口丙酮征收反倾销税。", "zh"),
    ("背景方面，近年来美国不断加码对华关税，今年3月又对中国产家具加征25%的关税。", "zh"),
    ("背景方面，美国商务部上周决定对中国产家具加征25%的关税。", "zh"),
])
def test_dated_act_after_a_background_marker_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


# extract-0.7.132 (from the spent holdouts' errors; fitted): tariffs named only as what another measure is set against
# are no tariff act; tariffs imposed beside such a contrast still count
@pytest.mark.parametrize(("text", "lang"), [
    ("Washington has also tightened rules on Chinese batteries in recent years, though the agency's safety cases are "
     "separate from tariff measures.", "en"),
    ("The U.S.-EU contest over batteries is being fought less with tariffs than with subsidies, and the first quarter "
     "produced several.", "en"),
    ("同时，布鲁塞尔对中国电池的限制也在不断增加，不过反补贴调查与关税措施属于不同的法律程序。", "zh"),
])
def test_tariffs_named_in_a_contrast_are_no_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department imposed tariffs of 25% on Chinese batteries on Monday, separate from the solar duties "
     "announced last year.", "en"),
    ("美国商务部周一宣布对中国产电池加征25%的关税，与此前的光伏关税属于不同措施。", "zh"),
])
def test_tariffs_imposed_beside_a_contrast_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


# extract-0.7.133 (from the spent holdouts' errors; fitted): scrutiny stepped up (加强...审查) is closer checking, no probe
# opened; a probe opened in the same sentence still counts
@pytest.mark.parametrize("text", [
    "法案还要求卫生部门加强对相关医疗设备数据安全风险的审查。",
    "也有消息称，监管部门可能要求银行对境外客户加强审查，但尚未形成正式提案。",
    "法案还要求海关部门加强对相关进口无人机数据安全风险的审查。",
])
def test_scrutiny_stepped_up_is_no_probe(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, "zh")


def test_a_probe_opened_beside_stepped_up_scrutiny_stays(full) -> None:  # type: ignore[no-untyped-def]
    text = "商务部宣布对原产于美国的进口丙烷发起反倾销调查，并加强对相关进口的审查。"
    assert "investigation" in types_of(full, text, "zh")


# extract-0.7.134 (from the spent holdouts' errors; fitted): in an article of a listing, the catch-all licence for the
# listed organisations (any goods unless shown not to serve weapons) is the listing's consequence, no control of its own;
# a new control announced beside the listing still counts
@pytest.mark.parametrize(("text", "lang"), [
    ("TOKYO, Oct 3 - Japan's trade ministry has added 40 organisations from nine countries to its End User List. "
     "Exporters must apply for a licence before shipping goods to listed organisations unless it is clear the items will "
     "not be used for weapons development.", "en"),
    ("日本经济产业省3日公布修订后的“最终用户清单”，新增40家外国机构。日本企业向清单所列机构出口货物时，除非能够证明不会用于"
     "大规模杀伤性武器开发，否则须事先取得经济产业大臣许可。", "zh"),
])
def test_catch_all_licence_for_listed_organisations_is_the_listing(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    types = types_of(full, text, lang)
    assert "entity_list" in types and "export_control" not in types


def test_a_new_control_beside_a_listing_stays(full) -> None:  # type: ignore[no-untyped-def]
    text = ("TOKYO, Oct 3 - Japan's trade ministry has added 40 organisations from nine countries to its End User List. "
            "Exporters will also need a licence to ship any item to China's chip makers from November.")
    assert {"entity_list", "export_control"} <= types_of(full, text, "en")


# extract-0.7.135 (after holdout45's scoring; fitted): a country's whole sanctions programme, lifted or imposed, with no
# party named, is no designation; sanctions on named firms still are
@pytest.mark.parametrize(("text", "lang"), [
    ("President Smith said on Tuesday he would order the lifting of U.S. sanctions on Venezuela to give its new government "
     "a chance to rebuild.", "en"),
    ("European Union foreign ministers agreed on Monday to lift the bloc's remaining economic sanctions on Belarus.", "en"),
    ("美国总统30日签署行政令，宣布自下月起终止美国对委内瑞拉的制裁项目。", "zh"),
])
def test_a_country_sanctions_programme_is_no_designation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The Treasury imposed sanctions on five Chinese companies that it said had bought Iranian oil.", "en"),
    ("The Treasury on Tuesday imposed sanctions on Venezuela's state oil company and three of its executives.", "en"),
    ("美国财政部宣布对三家伊朗企业及两名个人实施制裁。", "zh"),
])
def test_sanctions_on_named_parties_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" in types_of(full, text, lang)
