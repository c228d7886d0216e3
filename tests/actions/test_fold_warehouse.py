"""Folding in the load: events join actions in the extraction stage's transaction, across
outlets and languages; a status change stays on the action; reruns never duplicate."""

from __future__ import annotations

from tests.actions.conftest import actions, article, event, ex, membership, save


def _inspur_reports():  # type: ignore[no-untyped-def]
    """Four reports of one listing (a rumour first, three outlets, two languages) and another act."""
    arts = [article("rumour", "US weighs adding more Inspur units to Entity List", days=-3),
            article("en1", "Commerce adds six Inspur Group units to Entity List"),
            article("en2", "US adds six Inspur units to trade blacklist", days=0.2, feed="globalwire"),
            article("zh1", "美国商务部将浪潮集团六家子公司列入实体清单", days=0.4, feed="caixin-tech", language="zh"),
            article("other", "US adds SMIC to the Entity List", days=1)]
    exs = [ex("rumour", event(status="proposed", sentence="US officials weigh adding more Inspur units.")),
           ex("en1", event()),
           ex("en2", event(actor="us-gov", sentence="The United States added six subsidiaries of Inspur.")),
           ex("zh1", event(actor="us-commerce", sentence="美国商务部将浪潮集团六家子公司列入实体清单。"), lang="zh"),
           ex("other", event(targets=("smic",), sentence="Commerce added SMIC to the Entity List."))]
    return arts, exs


def _inspur_story(conn) -> None:  # type: ignore[no-untyped-def]
    save(conn, *_inspur_reports())


def test_reports_across_outlets_and_languages_fold_into_one_action(conn) -> None:
    _inspur_story(conn)
    rows = actions(conn)
    assert len(rows) == 2
    inspur = next(r for r in rows if r[4] == ["inspur"])
    assert inspur[1:4] == ("entity_list", "enacted", "us-commerce")
    assert inspur[5] == 4 and inspur[6] == ["en", "zh"]
    history = conn.execute("SELECT status FROM action_history WHERE action_id = ? ORDER BY seen_at", [inspur[0]]).fetchall()
    assert [h[0] for h in history] == ["proposed", "enacted"]
    cov = conn.execute("SELECT language, feed, reports FROM action_coverage WHERE action_id = ? ORDER BY feed",
                       [inspur[0]]).fetchall()
    assert cov == [("zh", "caixin-tech", 1), ("en", "globalwire", 1), ("en", "policydesk", 2)]


def test_rerun_and_reextract_never_duplicate(conn) -> None:
    _inspur_story(conn)
    before = (actions(conn), membership(conn))
    _inspur_story(conn)  # the same batch saved again (a rerun, a re-extraction)
    assert (actions(conn), membership(conn)) == before
    assert conn.execute("SELECT count(*) FROM action_history").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM action_keys").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM (SELECT DISTINCT * FROM action_keys)").fetchone()[0]


def test_incremental_batches_fold_like_one_batch(tmp_path, conn) -> None:
    from sinowatch.warehouse.db import connect

    _inspur_story(conn)
    one = sorted(membership(conn).items())
    other = connect(tmp_path / "b.duckdb")
    from tests.actions.conftest import ENTITIES
    other.executemany("INSERT INTO entities (entity, kind, name, country, parent, watchlist_version) VALUES (?, ?, ?, ?, ?, 'w1')", ENTITIES)
    arts, exs = _inspur_reports()
    for a, e in zip(arts, exs, strict=True):  # one article per transaction, in publication order
        save(other, [a], [e])
    assert sorted(membership(other).items()) == one
    other.close()


def test_different_government_far_in_time_or_other_citation_start_new_actions(conn) -> None:
    arts = [article("a", "Commerce adds Inspur units"),
            article("b", "China's MOFCOM lists Inspur?", days=1),  # another government: another act
            article("c", "Inspur listed again", days=40),  # beyond the window
            article("d", "Rule 90 FR 11111 lists Inspur", days=2),
            article("e", "Rule 90 FR 22222 lists Inspur", days=3)]
    exs = [ex("a", event()), ex("b", event(actor="mofcom")), ex("c", event()),
           ex("d", event(sentence="The rule, 90 FR 11111, adds Inspur units.")),
           ex("e", event(sentence="The rule, 90 FR 22222, adds Inspur units."))]
    save(conn, arts, exs)
    m = membership(conn)
    assert m["a#0"] == m["d#0"]  # a carried no citation: d joins it
    assert len({m["a#0"], m["b#0"], m["c#0"], m["e#0"]}) == 4


def test_events_without_targets_fall_back_to_firms_not_agencies(conn) -> None:
    arts = [article("a", "Commerce adds Inspur units")]
    save(conn, arts, [ex("a", event(targets=(), entities=("us-commerce", "entity-list", "inspur")))])
    assert [r[4] for r in actions(conn)] == [["inspur"]]
    save(conn, arts, [ex("a", event(targets=(), entities=("us-commerce", "entity-list")))])
    (row,) = actions(conn)  # re-extracted without a firm: keyed by the acting government
    assert row[4] == [] and conn.execute("SELECT DISTINCT target FROM action_keys").fetchall() == [("@US",)]
    save(conn, arts, [ex("a", event(targets=(), actor=None, entities=("entity-list",)))])
    assert actions(conn) == []  # neither a firm nor an actor: no action; the old one goes with its only report


def test_an_actions_targets_are_the_firms_most_of_its_reports_name(conn) -> None:
    """Six outlets report the Inspur listing; one of them also names Intel and AMD as suppliers
    that now need licences. The action is against Inspur; the suppliers stay in the index (a later
    report may still find the action through them) but are not its targets."""
    arts = [article(f"r{i}", f"Inspur units added to the Entity List ({i})", days=i * 0.1) for i in range(6)]
    exs = [ex(f"r{i}", event(targets=("inspur", "intel", "amd") if i == 3 else ("inspur",))) for i in range(6)]
    save(conn, arts, exs)
    ((_, _, _, _, targets, n, _),) = actions(conn)
    assert n == 6 and targets == ["inspur"]
    keyed = {t for (t,) in conn.execute("SELECT DISTINCT target FROM action_keys").fetchall()}
    assert keyed == {"inspur", "intel", "amd"}
    # two reports of which one names a second firm: both are named by at least a third
    save(conn, [article("s0", "Sugon listed", days=20), article("s1", "Sugon and Hygon listed", days=20.1)],
         [ex("s0", event(targets=("sugon",))), ex("s1", event(targets=("sugon", "smic")))])
    assert sorted(r[4] for r in actions(conn)) == [["inspur"], ["smic", "sugon"]]
