"""Link precision by content (sinowatch/official/acts.py, rules 6 and 7 of linking.py) and
successive acts on one firm (rules S1 and S2 of docs/views.md), in the pure functions and through
the stages on a real DuckDB warehouse."""

from __future__ import annotations

from datetime import date, timedelta

from sinowatch.official.acts import (
    CSL_ADDITION,
    RecordAct,
    content_agrees,
    date_stated,
    news_kinds,
    record_act_fr,
    sentence_kind,
    stated_days,
)
from sinowatch.official.stage import OfficialStats, attach
from tests.actions.conftest import NOW, article, event, ex, membership, save

ENACTED = frozenset({"enacted"})


def test_a_record_s_act_from_its_title_then_its_abstract() -> None:
    assert record_act_fr("Temporary General License: Extension of Validity",
                         "BIS extends the TGL, which authorizes certain transactions.") == RecordAct("extension")
    assert record_act_fr("Addition of Entities to the Entity List", None) == RecordAct("addition")
    assert record_act_fr("Removal of Certain Entities From the Entity List", None) == RecordAct("removal")
    assert record_act_fr("Entity List; Revision of an Existing Entry", None) == RecordAct("revision")
    assert record_act_fr('Release of "Technology" to Certain Entities on the Entity List in the Context of '
                         "Standards Organizations", None) == RecordAct("authorization")
    assert record_act_fr("Commerce Control List Additions and Revisions; Implementation of Controls on Advanced "
                         "Technologies", None) == RecordAct("controls")
    # the title says nothing: the abstract decides
    assert record_act_fr("Revisions to the Unverified List", "BIS removes 33 entities from the UVL.").kind == "removal"
    assert record_act_fr("Revisions to the Unverified List", "BIS adds 33 entities to the UVL.").kind == "addition"
    assert record_act_fr("Establishment of Reporting Requirements", "BIS proposes reports.",
                         "Proposed rule.", "Proposed Rule") == RecordAct(None, proposed=True)
    assert record_act_fr("Additions to the Entity List", None, "Proposed rule.").proposed
    # a permission revoked restricts; a rule rescinded eases
    assert record_act_fr("Revocation of Validated End-User Authorizations", None).kind == "controls"
    assert record_act_fr("Rescission of the Framework for AI Diffusion", None).kind == "removal"


def test_what_a_report_says_was_done_in_english_and_chinese() -> None:
    assert sentence_kind("The U.S. Commerce Department on Monday extended by 90 days a temporary licence") == "extension"
    assert sentence_kind("美方宣布将允许美国企业与华为开展有限交易的临时通用许可证再延长90天") == "extension"
    assert sentence_kind("Commerce added six Inspur units to the Entity List.") == "addition"
    assert sentence_kind("美国商务部将浪潮集团六家子公司列入实体清单。") == "addition"
    assert sentence_kind("Commerce removed two Chinese firms from the Entity List.") == "removal"
    assert sentence_kind("已开始向部分美国企业发放对华为供货的许可证") == "authorization"
    assert sentence_kind("The Commerce Department amended its rules to allow companies to work with Huawei") \
        == "authorization"
    assert sentence_kind("Washington will require licences for exports of the H20.") == "controls"
    assert sentence_kind("BIS said it would revoke the validated end-user status of the factories") == "controls"
    assert sentence_kind("将撤销三星电子和SK海力士在华工厂的“经验证最终用户”资格") == "controls"
    assert sentence_kind("Commerce said it had rescinded the AI Diffusion Rule") == "removal"
    assert sentence_kind("Huawei, listed in 2019.") is None
    assert news_kinds(["Huawei, listed in 2019.", "Commerce added Huawei units."]) == {"addition"}


def test_content_must_agree() -> None:
    ext, add, rem = RecordAct("extension"), RecordAct("addition"), RecordAct("removal")
    extension_news = news_kinds(["Commerce extended the temporary licence by 90 days."])
    addition_news = news_kinds(["Commerce added Huawei affiliates to the Entity List."])
    # an extension record never joins a designation; a removal never joins an addition
    assert not content_agrees(ext, "export_control", addition_news, ENACTED)
    assert content_agrees(ext, "export_control", extension_news, frozenset({"reversed"}))
    assert not content_agrees(rem, "entity_list", addition_news, ENACTED)
    assert content_agrees(add, "entity_list", addition_news, ENACTED)
    # no kind stated: the type's usual act (an Entity List action is an addition; an export
    # control action is new controls, never an extension)
    assert content_agrees(add, "entity_list", frozenset(), ENACTED)
    assert not content_agrees(ext, "export_control", frozenset(), ENACTED)
    # a proposed rule joins only an action seen proposed; a final rule only one seen enacted/reversed
    proposed = RecordAct("addition", proposed=True)
    assert content_agrees(proposed, "entity_list", frozenset(), frozenset({"proposed", "enacted"}))
    assert not content_agrees(proposed, "entity_list", frozenset(), ENACTED)
    assert content_agrees(add, "entity_list", frozenset(), frozenset({"proposed"}))  # its enactment
    assert not content_agrees(add, "entity_list", frozenset(), frozenset({"background"}))
    # a revision of entries, or a record of unknown kind, joins by its citation only
    assert not content_agrees(RecordAct("revision"), "entity_list", addition_news, ENACTED)
    assert not content_agrees(RecordAct(None), "export_control", frozenset(), ENACTED)


def test_dates_a_report_states() -> None:
    assert stated_days("The rule, published on March 12, takes effect 12 April.") == {(3, 12), (4, 12)}
    assert stated_days("美国商务部10日宣布，有效期至5月15日") == {(5, 15)}
    assert date_stated(["It will be published on Nov. 30."], date(2026, 11, 30), None)
    assert not date_stated(["It will be published on Nov. 30."], date(2026, 11, 29), date(2026, 12, 1))


def _huawei_extension(conn) -> str:  # type: ignore[no-untyped-def]
    save(conn, [article("n", "U.S. extends Huawei licence")],
         [ex("n", event("export_control", targets=("huawei",), status="reversed",
                        sentence="Commerce extended the temporary licence for Huawei by 90 days."))])
    return str(conn.execute("SELECT action_id FROM action_reports").fetchone()[0])


def _attach(conn, title: str, days: int, *, event_type: str = "export_control", abstract: str | None = None,  # type: ignore[no-untyped-def]
            kind: str = "federal_register", number: str = "2026-500", citation: str = "91 FR 500",
            doc_type: str = "Rule", stats: OfficialStats | None = None,
            targets: tuple[str, ...] = ("huawei",)) -> str | None:
    act = CSL_ADDITION if kind == "screening_list" else record_act_fr(title, abstract, None, doc_type)
    return attach(conn, event_type, list(targets), (NOW + timedelta(days=days)).date(), kind=kind, record_id=number,
                  citation=citation, url=None, effective=None, title=title, stats=stats or OfficialStats(), now=NOW,
                  act=act, document_number=number if kind == "federal_register" else None)


def test_a_record_of_another_act_on_the_same_firm_the_same_week_joins_nothing(conn) -> None:
    news = _huawei_extension(conn)
    stats = OfficialStats()
    # the standards carve-out two days later: same firm, same type, another act
    assert _attach(conn, 'Release of "Technology" in the Context of Standards Organizations', 2, stats=stats) is None
    assert (stats.linked, stats.started, stats.unmatched) == (0, 0, 1)
    assert "1 left unlinked as matching no reported act" in stats.lines()[0]
    # the extension rule itself joins the news action
    assert _attach(conn, "Temporary General License: Extension of Validity", 3, number="2026-501",
                   citation="91 FR 501") == news
    assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] == 1  # nothing started


def test_a_removal_never_joins_an_addition(conn) -> None:
    save(conn, [article("n", "Huawei units blacklisted")],
         [ex("n", event(targets=("huawei",), sentence="Commerce added Huawei units to the Entity List."))])
    got = _attach(conn, "Removal of Certain Entities From the Entity List", 1, event_type="entity_list")
    assert got is None and conn.execute("SELECT count(*) FROM action_records").fetchone()[0] == 0


def test_a_proposed_rule_joins_only_a_proposed_action(conn) -> None:
    save(conn, [article("p", "U.S. weighs listing SMIC units", days=-2), article("e", "U.S. bars Huawei units")],
         [ex("p", event(targets=("smic",), status="proposed",
                        sentence="Commerce is weighing adding more SMIC units to the Entity List.")),
          ex("e", event(targets=("huawei",), sentence="Commerce added Huawei units to the Entity List."))])
    weighed = membership(conn)["p#0"]
    stats = OfficialStats()
    # a proposed rule never joins an act already enacted ...
    assert _attach(conn, "Additions to the Entity List", 1, event_type="entity_list", doc_type="Proposed Rule",
                   stats=stats) is None
    assert stats.unmatched == 1
    # ... and joins the act that was reported as weighed, as its history
    assert _attach(conn, "Additions to the Entity List", 1, event_type="entity_list", doc_type="Proposed Rule",
                   number="2026-600", citation="91 FR 600", targets=("smic",)) == weighed
    # a final rule days later is that act's enactment: the proposed rule's citation is no
    # contradiction (the Federal Register document says it was a proposal)
    from sinowatch.warehouse import official as odb

    from sinowatch.official.records import FrDocument

    odb.upsert_fr_documents(conn, "fr", [FrDocument(
        document_number="2026-600", citation="91 FR 600", title="Additions to the Entity List", abstract=None,
        action="Proposed rule.", doc_type="Proposed Rule", publication_date=(NOW + timedelta(days=1)).date(),
        effective_on=None, html_url=None, pdf_url=None, raw_text_url=None, cfr_references="[]", agencies=())], NOW)
    assert _attach(conn, "Additions to the Entity List", 2, event_type="entity_list", number="2026-601",
                   citation="91 FR 601", targets=("smic",)) == weighed
    # a second final rule with yet another citation documents another act
    assert _attach(conn, "Additions to the Entity List", 3, event_type="entity_list", number="2026-602",
                   citation="91 FR 602", targets=("smic",)) is None


def test_an_act_over_a_week_from_the_record_needs_its_citation_or_date(conn) -> None:
    save(conn, [article("n", "Huawei units blacklisted", days=-10)],
         [ex("n", event(targets=("huawei",), sentence="Commerce added Huawei units to the Entity List."))])
    news = membership(conn)["n#0"]
    assert _attach(conn, "Additions to the Entity List", 0, event_type="entity_list") is None
    # a report that states the record's publication date corroborates it
    day = NOW.date()
    save(conn, [article("d", "Rule text out soon", days=-9)],
         [ex("d", event(targets=("huawei",), sentence=f"Commerce added Huawei units; the rule is due on "
                                                          f"{day:%B} {day.day}."))])
    assert membership(conn)["d#0"] == news
    assert _attach(conn, "Additions to the Entity List", 0, event_type="entity_list") == news


def test_an_uncorroborated_addition_weeks_after_the_news_starts_no_second_action(conn) -> None:
    """A screening-list addition ten days after news of the same listing, which states neither its
    citation nor its date: not linked (rule 7), and not started either (it would alert twice)."""
    save(conn, [article("n", "Huawei units blacklisted", days=-10)],
         [ex("n", event(targets=("huawei",), sentence="The move restricts exports to Huawei units."))])
    news = membership(conn)["n#0"]
    stats = OfficialStats()
    got = _attach(conn, "EL additions", 0, event_type="entity_list", kind="screening_list", number="91 FR 9",
                  citation="91 FR 9", stats=stats)
    assert got is None and (stats.linked, stats.started, stats.uncorroborated) == (0, 0, 1)
    assert news in " ".join(stats.notes) and "1 as uncorroborated" in stats.lines()[0]
    assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] == 1
    # the same addition four days after the news joins it: "restricts exports" on the Entity List
    # is the listing
    assert _attach(conn, "EL additions", -6, event_type="entity_list", kind="screening_list", number="91 FR 10",
                   citation="91 FR 10") == news


def test_a_cited_record_joins_whatever_its_kind(conn) -> None:
    save(conn, [article("n", "Huawei entries revised", days=-10)],
         [ex("n", event(targets=("huawei",), sentence="Commerce revised Huawei's entries (91 FR 700)."))])
    news = membership(conn)["n#0"]
    assert _attach(conn, "Entity List; Revision of an Existing Entry", 0, event_type="entity_list",
                   citation="91 FR 700", number="2026-700") == news


def test_only_a_recent_screening_list_addition_starts_an_action(conn) -> None:
    stats = OfficialStats()
    assert _attach(conn, "Additions to the Entity List", 0, event_type="entity_list", stats=stats) is None
    old = _attach(conn, "EL additions", -60, event_type="entity_list", kind="screening_list", number="90 FR 1",
                  citation="90 FR 1", stats=stats)
    new = _attach(conn, "EL additions", -1, event_type="entity_list", kind="screening_list", number="91 FR 2",
                  citation="91 FR 2", stats=stats)
    assert old is None and new is not None and (stats.started, stats.unmatched) == (1, 2)
    # the Federal Register rule with the addition's citation then joins the action it started
    assert _attach(conn, "Additions to the Entity List", 0, event_type="entity_list", number="2026-800",
                   citation="91 FR 2") == new


def test_an_unlinked_rule_is_tried_again_when_news_arrives(conn) -> None:
    from sinowatch.warehouse import official as odb

    from sinowatch.official.names import NameIndex
    from sinowatch.official.records import FrDocument
    from sinowatch.official.stage import link_fr_documents
    from tests.actions.test_official import _watchlist

    doc = FrDocument(document_number="2026-900", citation="91 FR 900", title="Temporary General License: "
                     "Extension of Validity", abstract="BIS extends the TGL for Huawei Technologies Co., Ltd.",
                     action="Final rule.", doc_type="Rule", publication_date=NOW.date(), effective_on=None,
                     html_url=None, pdf_url=None, raw_text_url=None, cfr_references="[]",
                     agencies=("industry-and-security-bureau",))
    odb.upsert_fr_documents(conn, "fr", [doc], NOW)
    names = NameIndex.from_watchlist(_watchlist())
    first = OfficialStats()
    link_fr_documents(conn, names, first, NOW)
    assert (first.linked, first.started, first.unmatched) == (0, 0, 1)
    news = _huawei_extension(conn)
    second = OfficialStats()
    link_fr_documents(conn, names, second, NOW + timedelta(days=1))
    assert second.linked == 1
    assert conn.execute("SELECT action_id FROM action_records").fetchall() == [(news,)]


def _extension(key: str, days: float, sentence: str, *, status: str = "reversed", lang: str = "en"):  # type: ignore[no-untyped-def]
    return (article(key, sentence[:60], days=days, language=lang),
            event("export_control", targets=("huawei",), status=status, sentence=sentence))


def test_successive_extensions_weeks_apart_are_two_acts(conn) -> None:
    """S1: the March article names the February extension as background (a shared "45"): its news
    is another act. S2: a Chinese report saying 再延长 weeks after the last report starts another."""
    feb = [_extension("feb-en", 0, "Washington on Thursday extended for 45 days the temporary licence"),
           _extension("feb-zh", 1, "美国商务部将华为临时通用许可证的有效期再延长45天", lang="zh")]
    save(conn, [a for a, _ in feb], [ex(a.key, e, lang=a.language or "en") for a, e in feb])
    mar_news = _extension("mar-en", 26, "The administration on Tuesday once more extended the temporary licence")
    mar_bg = event("export_control", targets=("huawei",), status="background",
                   sentence="The previous 45-day extension, announced in February")
    save(conn, [mar_news[0]], [ex("mar-en", mar_news[1], mar_bg)])
    m = membership(conn)
    assert m["feb-en#0"] == m["feb-zh#0"] == m["mar-en#1"] != m["mar-en#0"]
    # a repeat said in Chinese, 30 days after the last February report and with no background
    save(conn, [article("apr-zh", "再延长", days=31, language="zh")],
         [ex("apr-zh", event("export_control", targets=("huawei",), status="reversed",
                             sentence="美国商务部宣布再次延长华为临时许可"), lang="zh")])
    m = membership(conn)
    assert m["apr-zh#0"] == m["mar-en#0"]  # five days after March's report: the same act
    assert m["apr-zh#0"] != m["feb-en#0"]


def test_a_repeat_marker_alone_does_not_split_one_act(conn) -> None:
    """S2 applies only against an action last reported over a week earlier; and without a marker
    a report 26 days later still joins (the 30-day window is unchanged)."""
    a = [_extension("d0", 0, "Commerce extended the temporary licence by 90 days"),
         _extension("d2", 2, "Commerce once again extended the temporary licence")]
    save(conn, [x for x, _ in a], [ex(x.key, e) for x, e in a])
    late = _extension("d26", 26, "The 90-day licence extension was welcomed by rural carriers")
    save(conn, [late[0]], [ex("d26", late[1])])
    m = membership(conn)
    assert m["d0#0"] == m["d2#0"] == m["d26#0"]


def test_a_background_without_shared_evidence_does_not_split(conn) -> None:
    """S1 needs a shared number or id: "the rule issued in January" names nothing the fold can check,
    so the article's news joins the action it fits as before."""
    save(conn, [article("x", "Commerce tightens rule")],
         [ex("x", event("export_control", targets=("huawei",), sentence="Commerce tightened the rule on Huawei."))])
    save(conn, [article("y", "More on the rule", days=2)],
         [ex("y", event("export_control", targets=("huawei",), sentence="Commerce tightened the rule on Huawei."),
             event("export_control", targets=("huawei",), status="background",
                   sentence="the rule issued in January"))])
    m = membership(conn)
    assert m["y#0"] == m["x#0"] != m["y#1"]
