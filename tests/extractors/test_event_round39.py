"""#15 round 39 (from the spent holdouts' and the development splits' errors). Sentences written for these tests (none
copied from an evaluation split), run through the real extractor with the event classifier as the pipeline runs it
(``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of


# extract-0.7.83: duties imposed with hyphened words between are the act the sentence reports; a later "slapped
# duties" in a clause dated "a month after" is another, earlier act and no longer stands for the news
@pytest.mark.parametrize("text", [
    "OTTAWA, May 4 - Canada has imposed final anti-dumping duties of up to 40% on Chinese steel wire for five years, "
    "a month after it slapped duties on Chinese rebar.",
    "LONDON, May 2 - Britain on Thursday imposed countervailing and anti-dumping duties on Chinese e-bike batteries "
    "for five years, weeks after it slapped duties on Chinese ceramic sinks.",
])
def test_duties_imposed_with_hyphened_words_are_the_news(full, text) -> None:  # type: ignore[no-untyped-def]
    tariffs = [e for e in events_of(full, text, "en", published="2025-05-04") if e.type == "tariff"]
    assert len(tariffs) == 1
    assert tariffs[0].trigger.startswith("imposed")
    assert tariffs[0].status == "enacted"
