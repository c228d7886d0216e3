"""#15 extract-0.7.39 (round 31, after holdout29's scoring; fitted): a government issuing, adopting or proposing a named law,
regulation or instrument of its own is a policy act (``policy_plan``) that the event classifier does not drop; the
instruments of a control, a tariff, a list or a probe keep their own types. Sentences written for these tests (none
copied from an evaluation split), run through the real extractor with the event classifier as the pipeline runs it
(``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of, types_of


@pytest.mark.parametrize(("text", "lang", "status"), [
    ("BEIJING, March 2 - The State Council has issued regulations implementing the Foreign Relations Law, setting out how "
     "ministries coordinate.", "en", "enacted"),
    ("BEIJING, March 2 - The commerce ministry published rules that allow it to order firms not to comply with foreign "
     "measures.", "en", "enacted"),
    ("BRUSSELS, March 2 - The Commission proposed legislation that would let it respond to coercion by other countries.",
     "en", "proposed"),
    ("本报北京3月2日电 国务院总理签署国务院令，公布《网络数据安全管理条例》，自公布之日起施行。", "zh", "enacted"),
    ("本报布鲁塞尔3月2日电 欧盟理事会正式通过“外国补贴”条例，赋予欧委会审查补贴的法律依据。", "zh", "enacted"),
    ("本报布鲁塞尔3月2日电 欧盟委员会提出一项“数字公平”立法提案。", "zh", "proposed"),
])
def test_a_government_issuing_its_own_law_or_regulation_is_a_policy_act(full, text, lang, status) -> None:  # type: ignore[no-untyped-def]
    plans = [e for e in events_of(full, text, lang, published="2025-03-03") if e.type == "policy_plan"]
    assert plans and plans[0].status == status


@pytest.mark.parametrize(("text", "lang", "kept"), [
    # a control's instrument stays a control
    ("国务院公布《两用物项出口管制条例》，自12月1日起施行。", "zh", "export_control"),
    # a probe's conclusion on another country's regulation is the probe
    ("商务部公布对某国《外国投资审查条例》相关做法的贸易壁垒调查结论。", "zh", "investigation"),
])
def test_the_instruments_of_controls_and_probes_keep_their_types(full, text, lang, kept) -> None:  # type: ignore[no-untyped-def]
    types = types_of(full, text, lang)
    assert kept in types and "policy_plan" not in types
