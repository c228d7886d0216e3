"""Issue #19, round 36: the event layer's ``relief`` switch (policy.py), written from the spent beat sets' errors.
Contexts written for these tests (none copied from a pair file)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust, relief_stance

from sinowatch.records import Event, Sentiment

NEG, NEU = Sentiment("negative", -0.9), Sentiment("neutral", 0.0)
OFF = replace(SHIPPED_RULE, relief=False)


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Governor vetoes the AI liability bill | The veto spares Anthropic and other labs from new testing duties.",
     "Anthropic", True),
    ("Ministry says the chip levy will not apply to memory | The clarification eased worries for SK Hynix, whose "
     "exports depend on the exemption.", "SK Hynix", True),
    ("韩美就芯片关税达成一致 | 三星电子对美出口吃下定心丸，分析师上调其盈利预测。", "三星电子", True),
    ("法院叫停对该应用的禁令 | 字节跳动旗下应用在当地被下架的风险随之解除。", "字节跳动", True),
    # relief for another firm, worries that grew, a firm merely beside the news: no relief
    ("Governor vetoes the AI liability bill | The veto spares Anthropic from new testing duties, unlike OpenAI.",
     "OpenAI", False),
    ("Ministry widens the chip levy to memory | The move deepened worries for SK Hynix.", "SK Hynix", False),
    ("韩美就芯片关税达成一致 | 分析称三星电子仍面临较大不确定性。", "三星电子", False),
])
def test_relief_is_said_of_the_firm(context: str, mention: str, expected: bool) -> None:
    assert relief_stance(context, mention) is expected


def test_relief_overrides_an_event_stance_when_shipped() -> None:
    """The switch is on in the shipped rule: a firm a curb's news names as relieved reads positive, even where an
    event of the context targets it; with the switch off the event's negative stance stands."""
    assert SHIPPED_RULE.relief and SHIPPED_RULE.tag.endswith("j")
    context = ("Court halts the state's ban on the app | ByteDance breathed a sigh of relief as the ban on its app was "
               "put on hold.")
    curb = Event(type="export_control", sentence=context.split(" | ")[1], entities=("bytedance",), confidence=0.95,
                 status="enacted", targets=("bytedance",), field="text")
    assert adjust(NEG, "bytedance", [curb], SHIPPED_RULE, "company", context=context, mention="ByteDance").label == \
        "positive"
    assert adjust(NEG, "bytedance", [curb], OFF, "company", context=context, mention="ByteDance").label == "negative"
