"""#15 round 48. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.136 (from the spent holdouts' errors; fitted): a phone's own list of blocked callers is no designation
# list; a government's blacklist of firms still is
@pytest.mark.parametrize(("text", "lang"), [
    ("使用华为手机的用户如曾将陌生号码加入骚扰拦截黑名单，应先将银行客服专线移出名单。", "zh"),
    ("小米手机用户可把推销号码加入来电黑名单，系统会自动拦截。", "zh"),
])
def test_phone_call_blacklist_is_no_designation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("美国商务部将两家中国电信企业加入黑名单。", "zh"),
    ("美国商务部将两家拦截导弹研制企业加入黑名单。", "zh"),
])
def test_government_blacklist_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" in types_of(full, text, lang)
