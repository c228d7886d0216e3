"""The issue's paraphrase misses and false alarms (#15): sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "lang", "types", "status"),
    [
        # easing decisions are export controls, reversed
        ("Commerce grants Nvidia licences for H20 shipments.", "en", {"export_control"}, "reversed"),
        ("The administration allows Nvidia to sell H200 chips to approved customers in China.", "en",
         {"export_control"}, "reversed"),
        ("AMD wins approval to ship MI308 accelerators to Chinese buyers.", "en", {"export_control"}, "reversed"),
        # a model trained on domestic chips, training completed: a release without a launch verb
        ("DeepSeek trained its V4 on Huawei Ascend chips.", "en", {"model_release"}, None),
        ("Zhipu completed training of GLM-5 entirely on domestic accelerators.", "en", {"model_release"}, None),
        ("智谱基于昇腾芯片完成新模型训练。", "zh", {"model_release"}, None),
        # targets phrased as numbers
        ("Beijing says national computing capacity should reach 300 EFLOPS by 2025.", "en", {"policy_plan"}, None),
        ("到2027年，全国智能算力规模要达到300EFLOPS。", "zh", {"policy_plan"}, None),
        # tender awards
        ("Inspur won a tender to supply AI servers to China Mobile.", "en", {"partnership"}, None),
        ("浪潮信息中标中国移动AI服务器集采项目。", "zh", {"partnership"}, None),
        # trigger words in the wrong sense
        ("Nvidia raised prices of its H20 chips for Chinese customers by 15%.", "en", set(), None),
        ("Analysts at Morgan Stanley warn of investment risk in Cambricon after its rally.", "en", set(), None),
        ("Huawei is fielding inquiries from customers about its Ascend 910C.", "en", set(), None),
        ("Shanghai offers subsidies to AI firms on condition that they use domestic chips.", "en", {"policy_plan"},
         None),
    ],
)
def test_paraphrases_and_false_alarms(extract_one, text, lang, types, status) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one(text, lang)
    assert {e.type for e in ex.events} == types
    if status:
        assert {e.status for e in ex.events} == {status}


@pytest.mark.parametrize(
    ("text", "lang", "types"),
    [
        # long-article false alarms: cooperation with a regulator, supply chains, the Entity List "listing"
        ("Nvidia said it complies with the law and would cooperate with the authorities.", "en", set()),
        ("Inspur said the listing would have no significant impact on its operations.", "en", set()),
        ("The risk for Inspur is component supply, not demand.", "en", set()),
        ("China's commerce ministry said it would take necessary measures to protect Chinese companies.", "en", set()),
        ("美国商务部宣布将28家中国实体列入出口管制实体清单。", "zh", {"entity_list"}),
        ("商务部、海关总署发布公告，决定对镓、锗相关物项实施出口管制。", "zh", {"export_control"}),
        ("The U.S. Commerce Department on Monday launched a fresh crackdown on China's chip sector, restricting "
         "exports of high-bandwidth memory.", "en", {"export_control"}),
        # paraphrases of controls and listings
        ("BIS said it would revoke the validated end-user status of Samsung's factories in China.", "en",
         {"export_control"}),
        ("Both Sugon and Hygon have been on the U.S. Entity List since 2019.", "en", {"entity_list"}),
    ],
)
def test_full_article_sentences(extract_one, text, lang, types) -> None:  # type: ignore[no-untyped-def]
    assert {e.type for e in extract_one(text, lang).events} == types
