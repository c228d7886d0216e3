"""#15 extract-0.7.26 (round 26): who acts in a prosecution. Found on the actor errors of the spent holdouts (people
charged with crimes whose actor was missed); sentences written for these tests (none copied from an evaluation
split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_roles import valid_actor_hits

from tests.extractors.conftest import events_of


def _actor(full, text: str, lang: str, etype: str) -> str | None:  # type: ignore[no-untyped-def]
    found = [e for e in events_of(full, text, lang) if e.type == etype]
    assert found, f"no {etype} event in {text!r}"
    return found[0].actor


@pytest.mark.parametrize("text", [
    # the body that closes the sentence by saying it is its subject, not a name later in an enumeration
    "A chemist has been arrested and charged with stealing battery secrets for the benefit of China, the Justice "
    "Department said.",
    "A former contractor was charged with smuggling circuit boards to buyers in Russia and China, the Justice "
    "Department said on Tuesday.",
])
def test_the_body_that_says_it_closing_the_sentence_acts(full, text) -> None:  # type: ignore[no-untyped-def]
    assert _actor(full, text, "en", "investigation") == "us-gov"


@pytest.mark.parametrize("text", [
    "A software engineer has been charged with stealing source code after FBI agents arrested him at the airport.",
    "FBI agents arrested a researcher who has been charged with economic espionage.",
])
def test_the_fbi_acts_for_the_us_government(full, text) -> None:  # type: ignore[no-untyped-def]
    assert _actor(full, text, "en", "investigation") == "us-gov"


def test_an_enumerated_origin_is_still_no_actor() -> None:
    # a name later in an enumeration after a preposition stays an object when no verb of saying follows it
    sentence = "Duties on imports from the EU, Japan and Korea rose."
    start = sentence.index("Japan")
    hits = [(start, start + len("Japan"), "jp-gov", "agency")]
    assert valid_actor_hits(sentence, hits) == []
    said = "Duties rose for imports from Korea, Japan said."
    start = said.index("Japan")
    assert valid_actor_hits(said, [(start, start + len("Japan"), "jp-gov", "agency")])


@pytest.mark.parametrize(("text", "lang"), [
    # scrutiny stepped up over a class of deals or platforms is a trend, not a probe of anyone
    ("Officials have said they are stepping up scrutiny of purchases routed through intermediaries.", "en"),
    ("Regulators have tightened scrutiny of cross-border shopping apps over the past year.", "en"),
    ("业内人士指出，跨境数据交易正受到越来越严格的审查，企业赴美投资的不确定性上升。", "zh"),
])
def test_scrutiny_stepped_up_is_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("Regulators opened an inquiry into the shopping app's data practices on Monday.", "en"),
    ("市场监管总局对该平台涉嫌垄断行为立案调查。", "zh"),
])
def test_a_probe_opened_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    # a person charged with a crime, alone in its sentence: the classifier no longer drops the prosecution
    ("A researcher has been charged with economic espionage.", "en"),
    ("A former engineer has been charged with stealing trade secrets.", "en"),
])
def test_a_charge_alone_in_its_sentence_is_a_prosecution(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in {e.type for e in events_of(full, text, lang)}
