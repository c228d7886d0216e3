"""#15 round 35 (from the spent holdouts' errors): actors. Sentences written for these tests (none copied from an
evaluation split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import first_actor


# extract-0.7.65: the subject of a trade-remedy body's finding (认定中国..., "found that China ...") is found about, not
# acting: the body that rules acts
@pytest.mark.parametrize(("text", "lang", "etype", "actor"), [
    ("本报华盛顿3月4日电 美国商务部公布对原产于中国的铝制梯子反倾销调查终裁结果，认定中国梯子以低于公平价值的价格在美销售，"
     "裁定反倾销税率为34%至160%。", "zh", "tariff", "us-commerce"),
    ("华盛顿5月6日消息 美国商务部公布对中国木制橱柜反补贴调查的初裁结果，初步认定中国政府对相关企业提供了补贴，税率为20%至230%。",
     "zh", "tariff", "us-commerce"),
    ("The Commerce Department ruled on the case on Tuesday. After finding that China subsidised the makers, the "
     "department imposed countervailing duties of up to 200% on the cabinets.", "en", "tariff", "us-commerce"),
])
def test_the_subject_of_a_finding_does_not_act(full, text, lang, etype, actor) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, etype) == actor


@pytest.mark.parametrize(("text", "lang", "etype", "actor"), [
    # the body that finds keeps acting, and a government that acts after its own finding still acts
    ("北京3月2日消息 商务部认定原产于美国的进口丙酸存在倾销，决定自即日起征收反倾销税。", "zh", "tariff", "mofcom"),
    ("The Commerce Department found that the Chinese mills had dumped the steel and set anti-dumping duties of up to 90%.",
     "en", "tariff", "us-commerce"),
])
def test_the_finding_body_still_acts(full, text, lang, etype, actor) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, etype) == actor
