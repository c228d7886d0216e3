"""#15 round 49. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.143 (from the spent holdout46's errors; fitted): investigations whose objects are American persons (an
# international court's, named as the ground of sanctions on its staff) are no government's probe; a government's probe
# of American firms or goods still is
@pytest.mark.parametrize(("text", "lang"), [
    ("The State Department said the two judges had approved an investigation of U.S. troops in Afghanistan.", "en"),
    ("The order covers staff who helped the tribunal's investigations of Americans.", "en"),
    ("Washington imposed sanctions on the court's deputy prosecutor, who led investigations into U.S. citizens.", "en"),
    ("美方称，这两名法官曾批准调查美国军人在阿富汗的行为。", "zh"),
    ("白宫表示，将审查参与调查美国公民的法院工作人员。", "zh"),
])
def test_investigation_of_american_persons_is_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("China's commerce ministry opened an anti-dumping investigation into American polysilicon.", "en"),
    ("商务部宣布对原产于美国的进口相关模拟芯片发起反倾销调查。", "zh"),
    ("市场监管总局依法决定对美国高通公司立案调查。", "zh"),
])
def test_probe_of_american_goods_or_firms_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)
