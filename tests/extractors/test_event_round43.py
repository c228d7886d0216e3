"""#15 round 43. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.103 (from holdout32's errors; fitted): a diplomat summoned is a protest, not a probe
@pytest.mark.parametrize("text", [
    "Tokyo summoned the Chinese ambassador on Friday to protest the detention of a Japanese businessman.",
    "Berlin summoned China's chargé d'affaires after the cyberattack on a federal agency was traced to Chinese hackers.",
])
def test_a_summoned_diplomat_is_no_probe(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, "en")


@pytest.mark.parametrize("text", [
    "The State Administration for Market Regulation summoned executives of three food-delivery platforms over price wars.",
    "Beijing summoned Nvidia representatives to explain security risks in its H20 chips.",
])
def test_a_regulator_summoning_a_firm_stays_a_probe(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, "en")
