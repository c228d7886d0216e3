"""#15 round 37 (from the spent holdouts' errors). Sentences written for these tests (none copied from an evaluation
split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.74: an inspection agency or service named as the speaker states no probe, as the bureaus of investigation
@pytest.mark.parametrize(("text", "lang"), [
    ("The Canadian Food Inspection Agency said it had identified a technical issue with certificates.", "en"),
    ("The U.S. Food Safety and Inspection Service said it had identified violations at the plant.", "en"),
    ("国家质量监督检验检疫总局表示，新的标签规定将于5月起实施。", "zh"),
])
def test_an_inspection_agency_speaking_states_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # the agency's name beside a probe of its own stated in the sentence: still a probe
    ("The Canadian Food Inspection Agency said it had opened an investigation into the forged certificates.", "en"),
    ("国家质量监督检验检疫总局表示，已对该批进口产品立案调查。", "zh"),
])
def test_a_probe_stated_beside_an_inspection_agency_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)
