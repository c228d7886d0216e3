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


def test_rule_2_prime_a_record_that_names_no_watched_firm_pure() -> None:
    """A rule on a class of items names no firm: it joins the only agreeing action of a stated US
    actor, never an unknown actor's, never two at once, never a designation of a watched firm."""
    from sinowatch.official.linking import choose_unnamed, other_destination, subject_words, unique_record

    controls = record_act_fr("Export Controls on Quantum Items", None)
    addition = record_act_fr("Additions to the Entity List", None)
    ctl = {"event_type": "export_control", "statuses": frozenset({"enacted"})}

    def pick(cands: list[Candidate], act=controls, event_type="export_control"):  # type: ignore[no-untyped-def]
        return choose_unnamed(cands, event_type=event_type, when=DAY, citation="91 FR 700", actors=US - {None},
                              act=act, document_number="2026-700")

    # an export control rule joins an action on the controlled chips' maker (targets may differ)
    assert pick([_cand("act-a", ("nvidia",), **ctl)]).action_id == "act-a"
    assert pick([_cand("act-a", ("nvidia",), actor=None, **ctl)]).action_id is None  # the actor must be stated
    assert pick([_cand("act-a", (), actor="mofcom", **ctl)]).action_id is None  # another government
    two = pick([_cand("act-a", (), **ctl), _cand("act-b", (), days=2, **ctl)])
    assert two.action_id is None and two.ambiguous == ("act-a", "act-b")
    # ... unless one report states the citation or the document number
    said = pick([_cand("act-a", (), **ctl), _cand("act-b", (), days=2, evidence=("BIS published 91 FR 700.",), **ctl)])
    assert said.action_id == "act-b"
    # documented by another rule already, or over a week away without corroboration: no
    assert pick([_cand("act-a", (), citations=frozenset({"91 FR 1"}), **ctl)]).action_id is None
    far = pick([_cand("act-a", (), days=-10, **ctl)])
    assert far.action_id is None and far.uncorroborated == ("act-a",)
    # an Entity List rule naming no watched firm never joins the designation of a watched firm
    el = {"event_type": "entity_list", "statuses": frozenset({"enacted"})}
    assert pick([_cand("act-a", ("inspur",), **el)], addition, "entity_list").action_id is None
    assert pick([_cand("act-a", (), **el)], addition, "entity_list").action_id == "act-a"
    # the record's kind must still be the reports' (a removal never joins an addition)
    removal = record_act_fr("Removal of Certain Entities From the Entity List", None)
    assert pick([_cand("act-a", (), **el)], removal, "entity_list").action_id is None
    # destinations: a rule for Russia only is not of this beat
    assert other_destination("BIS adds 28 entities under the destinations of Russia and Belarus to the Entity List.")
    assert not other_destination("BIS adds entities under the destinations of China and Russia.")
    assert not other_destination("BIS imposes controls on gallium.")  # no destination stated
    # two records, one action: the citation stated, else the subject the reports state, else none
    c = _cand("act-a", (), evidence=("Commerce opened a Section 232 probe into polysilicon imports.",), **ctl)
    recs = [("91 FR 101", "d1", "Section 232 National Security Investigation of Imports of Unmanned Aircraft"),
            ("91 FR 202", "d2", "Section 232 National Security Investigation of Imports of Polysilicon")]
    assert subject_words(recs[1][2]) == {"polysilicon"}
    assert unique_record(recs, c) == 1
    assert unique_record([recs[0], recs[0]], c) is None
    assert unique_record(recs, _cand("act-a", (), evidence=("See 91 FR 101.",), **ctl)) == 0


def test_rule_2_prime_in_the_stage_links_a_class_rule_and_its_unnamed_list_entries(conn) -> None:
    """Through the stage: a BIS rule on quantum items (no firm) joins the news action of the same
    days; a second class rule the same week on another subject does not join it as well; an Entity
    List rule on unwatched firms joins the designation that names no watched firm, and the
    screening-list entries citing it follow it by their notice; a Russia-only rule joins nothing."""
    from sinowatch.warehouse import official as odb

    from sinowatch.official.names import NameIndex
    from sinowatch.official.records import FrDocument, parse_csl
    from sinowatch.official.stage import link_fr_documents, link_unnamed_additions
    from tests.actions.test_official import _watchlist

    save(conn, [article("q", "U.S. curbs exports of quantum computers to China"),
                article("e", "Commerce blacklists 12 Chinese research institutes", days=0.5)],
         [ex("q", event("export_control", targets=(), status="enacted", actor="bis",
                        sentence="BIS imposed licence requirements on quantum computing items for China.")),
          ex("e", event("entity_list", targets=(), status="enacted", actor="us-commerce",
                        sentence="Commerce added 12 Chinese institutes to the Entity List."))])
    ids = dict(conn.execute("SELECT event_type, action_id FROM actions").fetchall())

    def doc(number: str, title: str, abstract: str, days: int = 1) -> FrDocument:
        return FrDocument(document_number=number, citation=f"91 FR {number[-3:]}", title=title, abstract=abstract,
                          action="Interim final rule.", doc_type="Rule",
                          publication_date=(NOW + timedelta(days=days)).date(), effective_on=None, html_url=None,
                          pdf_url=None, raw_text_url=None, cfr_references="[]",
                          agencies=("commerce-department", "industry-and-security-bureau"))

    odb.upsert_fr_documents(conn, "fr", [
        doc("2026-801", "Export Controls on Quantum Computing Items", "BIS imposes controls on quantum items to China."),
        doc("2026-802", "Export Controls on Marine Propulsion Items", "BIS imposes controls on marine propulsion items.",
            days=2),
        doc("2026-803", "Additions to the Entity List", "BIS adds 12 entities under the destination of China."),
        doc("2026-804", "Additions to the Entity List", "BIS adds 30 entities under the destinations of Russia "
            "and Belarus to the Entity List.", days=2)], NOW)
    entries, _ = parse_csl(json.dumps({"results": [
        {"id": f"el-{i}", "source": "Entity List (EL) - Bureau of Industry and Security", "name": name,
         "addresses": [{"country": "CN"}], "federal_register_notice": "91 FR 803",
         "start_date": (NOW + timedelta(days=1)).date().isoformat()}
        for i, name in enumerate(["Hefei Institute of Quantum Optics", "Anhui Lattice Research Center"])]}).encode())
    odb.store_snapshot(conn, "csl", "s0", NOW, [], {}, [], baseline=True)
    from sinowatch.official.records import diff

    odb.store_snapshot(conn, "csl", "s1", NOW, entries, {e.entry_key: () for e in entries}, diff({}, entries),
                       baseline=False)
    stats = OfficialStats()
    later = NOW + timedelta(days=3)
    link_fr_documents(conn, NameIndex.from_watchlist(_watchlist()), stats, later)
    link_unnamed_additions(conn, stats, later)
    linked = sorted(conn.execute("SELECT record_kind, record_id, action_id FROM action_records").fetchall())
    assert linked == [("federal_register", "2026-801", ids["export_control"]),
                      ("federal_register", "2026-803", ids["entity_list"]),
                      ("screening_list", "91 FR 803", ids["entity_list"])]
    said = " ".join(stats.lines())
    assert "2026-804: names no watched firm and states no Chinese destination" in said
    # the marine rule agreed with the quantum action too, but the reports state its subject less
    assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] == 2  # no action started
