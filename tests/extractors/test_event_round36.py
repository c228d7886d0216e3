"""#15 round 36 (from the spent holdouts' errors). Sentences written for these tests (none copied from an evaluation
split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.70: a government banning or blocking apps it counts or names for a period is a ban on dealings with a
# country's firms (export_control), as the apps orders
@pytest.mark.parametrize(("text", "lang"), [
    ("NEW DELHI, June 29 - India's government on Monday banned TikTok and 58 other Chinese apps, citing threats to the "
     "country's sovereignty and security.", "en"),
    ("Taiwan's interior ministry on Wednesday blocked the Xiaohongshu app for a year, ordering internet providers to cut "
     "access after a string of fraud cases.", "en"),
    ("新德里6月29日消息 印度政府宣布禁用TikTok、微信等59款中国应用，理由是这些应用威胁国家主权与安全。", "zh"),
])
def test_an_app_ban_by_a_government_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # no government, or only a possibility: no control
    ("Many parents said they blocked the game app for a month after their children's grades fell.", "en"),
    ("Analysts said the government could ban dozens of other Chinese apps if talks fail.", "en"),
    ("不少家长表示，孩子期末考试前已在手机上禁用多款游戏应用。", "zh"),
])
def test_app_blocks_without_a_government_act_are_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)
