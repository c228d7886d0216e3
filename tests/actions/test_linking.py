"""Linking needs agreement, not just a shared name (sinowatch/official/linking.py): the rules that
choose among agreeing actions, and an ambiguous record left unlinked and reported, in the pure
function, in the stage and in `sinowatch official`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from typer.testing import CliRunner

from sinowatch.official.acts import CSL_ADDITION, record_act_fr
from sinowatch.official.linking import Candidate, choose, citation_keys
from sinowatch.official.stage import OfficialStats, attach
from tests import configs
from tests.actions.conftest import ENTITIES, NOW, article, event, ex, save

US = {None, "bis", "us-commerce", "us-gov"}
DAY = date(2026, 11, 20)


def _cand(aid: str, targets: tuple[str, ...] = ("inspur",), days: int = 0, **kw) -> Candidate:  # type: ignore[no-untyped-def]
    return Candidate(action_id=aid, actor=kw.pop("actor", "bis"), targets=targets,
                     act_date=datetime(2026, 11, 20, 12, tzinfo=UTC) + timedelta(days=days),
                     status=kw.pop("status", "enacted"), **kw)


def _choose(cands: list[Candidate], targets: tuple[str, ...] = ("inspur",), citation: str | None = "91 FR 500"):
    return choose(cands, targets=targets, when=DAY, citation=citation, actors=US)


def test_two_equal_actions_are_ambiguous_and_neither_is_chosen() -> None:
    got = _choose([_cand("act-b"), _cand("act-a")])
    assert got.action_id is None and got.ambiguous == ("act-a", "act-b")


def test_the_rules_in_order() -> None:
    # a: the citation agrees (a linked record or a report's evidence states it) beats everything after
    assert _choose([_cand("act-a", ("inspur", "sugon"), evidence=("Commerce published 91 FR 500.",)),
                    _cand("act-b")], targets=("inspur",)).action_id == "act-a"
    assert _choose([_cand("act-a", days=-20, citations=frozenset({"91 FR 500"})),
                    _cand("act-b")]).action_id == "act-a"
    # b: more shared firms
    assert _choose([_cand("act-a"), _cand("act-b", ("inspur", "sugon"))],
                   targets=("inspur", "sugon")).action_id == "act-b"
    # c: fewer firms the record does not name
    assert _choose([_cand("act-a", ("inspur", "smic")), _cand("act-b")]).action_id == "act-b"
    # d: enacted before proposed
    assert _choose([_cand("act-a", status="proposed"), _cand("act-b", days=-3)]).action_id == "act-b"
    # e: the closest act date
    assert _choose([_cand("act-a", days=-5), _cand("act-b", days=2)]).action_id == "act-b"


def test_disagreement_excludes() -> None:
    # an action documented by another rule is another act: the record starts its own
    got = _choose([_cand("act-a", citations=frozenset({"91 FR 400"}))])
    assert got.action_id is None and not got.is_ambiguous and got.excluded == ("act-a",)
    assert _choose([_cand("act-a", actor="mofcom")]).action_id is None  # another government's act
    assert _choose([_cand("act-a", ("sugon",))]).action_id is None  # no shared firm


def test_citations_of_a_record() -> None:
    assert citation_keys("90 FR 12345") == citation_keys("90  FR 12345") == frozenset({"90 FR 12345"})
    assert citation_keys("83 FR 54519, 84 FR 22963 5/21/19") == frozenset({"83 FR 54519", "84 FR 22963"})
    assert citation_keys(None) == frozenset()
    # a record citing two rules agrees with an action documented by either
    assert _choose([_cand("act-a", citations=frozenset({"84 FR 22963"}))],
                   citation="83 FR 54519, 84 FR 22963").action_id == "act-a"


def test_a_document_takes_the_firms_of_entries_citing_it_among_others(conn) -> None:
    from sinowatch.warehouse import official as odb

    from sinowatch.official.names import NameIndex
    from sinowatch.official.records import CslEntry
    from sinowatch.official.stage import document_targets
    from tests.actions.test_official import _watchlist

    def entry(key: str, name: str, notice: str) -> CslEntry:
        return CslEntry(entry_key=key, source="EL", name=name, alt_names=(), addresses="[]", countries=("CN",),
                        programs=(), federal_register_notice=notice, start_date=None, license_requirement=None,
                        license_policy=None, source_list_url=None)

    names = NameIndex.from_watchlist(_watchlist())
    entries = [entry("EL:1", "Sugon", "83 FR 54519, 84 FR 22963"), entry("EL:2", "Inspur Group", "84 FR 229631"),
               entry("EL:3", "Huawei Technologies", "84 FR 22963")]
    odb.store_snapshot(conn, "csl", "s1", NOW, entries, {e.entry_key: names.resolve(e.name) for e in entries}, [],
                       baseline=True)
    assert document_targets(conn, names, "84 FR 22963", "Additions to the Entity List") == ["huawei", "sugon"]


def _two_acts(conn) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Two Inspur designations the same day, kept apart by the fold because their reports cite
    two different rules."""
    save(conn, [article("a", "Inspur units listed (91 FR 111)"), article("b", "More Inspur units (91 FR 222)")],
         [ex("a", event(sentence="Commerce added Inspur units to the Entity List in 91 FR 111.")),
          ex("b", event(sentence="Commerce added other Inspur units to the Entity List in 91 FR 222."))])
    ids = dict(conn.execute("SELECT article_key, action_id FROM action_reports").fetchall())
    assert ids["a"] != ids["b"]
    return ids


def test_an_ambiguous_record_is_left_unlinked_and_said(conn) -> None:
    ids = _two_acts(conn)
    stats = OfficialStats()
    got = attach(conn, "entity_list", ["inspur"], NOW.date(), kind="screening_list", record_id="91 FR 333",
                 citation="91 FR 333", url=None, effective=None, title="EL additions", stats=stats, now=NOW, act=CSL_ADDITION)
    assert got is None and (stats.ambiguous, stats.linked, stats.started) == (1, 0, 0)
    assert conn.execute("SELECT count(*) FROM action_records").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] == 2  # no third action
    said = " ".join(stats.lines())
    assert "1 record(s) left unlinked as ambiguous" in said and ids["a"] in said and ids["b"] in said
    # the record whose citation one action's reports state joins that one
    got = attach(conn, "entity_list", ["inspur"], NOW.date(), kind="federal_register", record_id="2026-222",
                 citation="91 FR 222", url=None, effective=None, title="rule", stats=stats, now=NOW,
                 document_number="2026-222", act=record_act_fr("Additions to the Entity List", None))
    assert got == ids["b"] and stats.linked == 1


def test_sinowatch_official_says_a_record_was_ambiguous(tmp_path, feed_server) -> None:
    from sinowatch.warehouse.db import connect

    from sinowatch.cli import app

    path = configs.write_config(tmp_path, [
        {"name": "csl", "url": feed_server.url("/csl.json"), "kind": "screening_list"}])
    conn = connect(tmp_path / "w.duckdb")
    conn.executemany("INSERT INTO entities (entity, kind, name, country, parent, watchlist_version) "
                     "VALUES (?, ?, ?, ?, ?, 'w1')", ENTITIES)
    ids = _two_acts(conn)
    conn.close()
    runner = CliRunner()
    feed_server.routes["/csl.json"] = b'{"results": []}'
    assert runner.invoke(app, ["--config", str(path), "official"]).exit_code == 0  # the baseline
    entry = {"id": "el-1", "source": "Entity List (EL) - Bureau of Industry and Security",
             "name": "Inspur (Beijing) Electronic Information Industry Co., Ltd.", "addresses": [{"country": "CN"}],
             "federal_register_notice": "91 FR 333", "start_date": NOW.date().isoformat()}
    feed_server.routes["/csl.json"] = json.dumps({"results": [entry]}).encode()
    res = runner.invoke(app, ["--config", str(path), "official"])
    assert res.exit_code == 0, res.output
    assert "1 record(s) left unlinked as ambiguous" in res.output
    assert "not linked, 2 actions agree with it equally" in res.output and ids["a"] in res.output


def test_only_bis_documents_are_linked(conn) -> None:
    """Rule 0: a procurement ban by DoD, GSA and NASA that names Huawei, published days before a
    BIS rule on Huawei, is stored but never linked; the BIS rule joins the news action."""
    from sinowatch.warehouse import official as odb

    from sinowatch.official.linking import is_bis_document
    from sinowatch.official.names import NameIndex
    from sinowatch.official.records import FrDocument
    from sinowatch.official.stage import link_fr_documents
    from tests.actions.test_official import _watchlist

    save(conn, [article("n", "U.S. extends Huawei licence")],
         [ex("n", event("export_control", targets=("huawei",), status="reversed",
                        sentence="Commerce extended the temporary licence for Huawei by 90 days."))])
    news_action = conn.execute("SELECT action_id FROM action_reports").fetchone()[0]

    def doc(number: str, title: str, days: int, agencies: tuple[str, ...]) -> FrDocument:
        return FrDocument(document_number=number, citation=f"91 FR {number[-3:]}", title=title,
                          abstract="It concerns Huawei Technologies Co., Ltd.", action="Rule.", doc_type="Rule",
                          publication_date=(NOW + timedelta(days=days)).date(), effective_on=None, html_url=None,
                          pdf_url=None, raw_text_url=None, cfr_references="[]", agencies=agencies)

    far = doc("2026-101", "Prohibition on Contracting for Certain Telecommunications Equipment", -2,
              ("defense-department", "general-services-administration", "national-aeronautics-and-space-administration"))
    bis = doc("2026-202", "Temporary General License: Extension of Validity", 1,
              ("commerce-department", "industry-and-security-bureau"))
    assert not is_bis_document(far.agencies) and is_bis_document(bis.agencies)
    assert is_bis_document(("Industry and Security  Bureau",)) and not is_bis_document(())
    odb.upsert_fr_documents(conn, "fr", [far, bis], NOW)
    stats = OfficialStats()
    link_fr_documents(conn, NameIndex.from_watchlist(_watchlist()), stats, NOW + timedelta(days=2))
    linked = dict(conn.execute("SELECT record_id, action_id FROM action_records").fetchall())
    assert linked == {"2026-202": news_action}
    assert conn.execute("SELECT count(*) FROM fr_documents").fetchone()[0] == 2  # the FAR rule is kept


def test_a_document_is_an_entity_list_act_only_when_it_changes_the_list() -> None:
    from sinowatch.official.records import FrDocument

    def doc(title: str, abstract: str) -> FrDocument:
        return FrDocument(document_number="d", citation=None, title=title, abstract=abstract, action=None,
                          doc_type="Rule", publication_date=NOW.date(), effective_on=None, html_url=None,
                          pdf_url=None, raw_text_url=None, cfr_references="[]", agencies=())

    assert doc("Additions to the Entity List", "BIS adds 12 entities.").event_type == "entity_list"
    assert doc("Revisions", "BIS amends the EAR by adding 27 entities under China to the Entity List.").event_type \
        == "entity_list"
    assert doc("Revisions", "BIS revises the entries of Huawei Technologies Co., Ltd. on the Entity List.").event_type \
        == "entity_list"
    # a rule that only mentions listed parties is an export control
    assert doc("Temporary General License: Extension of Validity",
               "BIS extends the temporary general license for transactions with Huawei Technologies Co., Ltd. "
               "and its affiliates on the Entity List, and revises the authorized transactions.").event_type \
        == "export_control"
    assert doc("Foreign Direct Product Rule", "BIS removes two exclusions. Parties on the Entity List are "
               "covered.").event_type == "export_control"
    # the title decides when it names the list: a change of it, or a rule about listed parties
    assert doc("Entity List; Revision of an Existing Entry", "").event_type == "entity_list"
    assert doc('Release of "Technology" to Certain Entities on the Entity List in the Context of Standards',
               "BIS revises the authorization for releases.").event_type == "export_control"
    assert doc("Addition of Entities to the Entity List; Correction", "").is_correction
    assert not doc("Additions to the Entity List", "").is_correction


def test_a_rule_weeks_away_from_the_act_does_not_join_it(conn) -> None:
    """RECORD_GAP: a licence rule on Huawei published 25 days before news of another act on Huawei
    (same type) joins nothing, and starts nothing (not a screening-list addition); one published
    3 days after the news joins it."""
    save(conn, [article("s", "U.S. lets firms work with Huawei on standards")],
         [ex("s", event("export_control", targets=("huawei",), status="enacted",
                        sentence="Commerce will let U.S. companies work with Huawei on setting standards."))])
    news = conn.execute("SELECT action_id FROM action_reports").fetchone()[0]
    stats = OfficialStats()
    tgl = "Temporary General License: Extension of Validity"
    early = attach(conn, "export_control", ["huawei"], (NOW - timedelta(days=25)).date(), kind="federal_register",
                   record_id="2026-301", citation="91 FR 301", url=None, effective=None, title=tgl, stats=stats,
                   now=NOW, act=record_act_fr(tgl, None))
    assert early is None and (stats.started, stats.unmatched) == (0, 1)
    release = "Release of Technology in the Context of Standards Organizations"
    late = attach(conn, "export_control", ["huawei"], (NOW + timedelta(days=3)).date(), kind="federal_register",
                  record_id="2026-302", citation="91 FR 302", url=None, effective=None, title=release,
                  stats=stats, now=NOW, act=record_act_fr(release, None))
    assert late == news
