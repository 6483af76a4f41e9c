"""The Python asset checks' rules: silent on the seeds' warehouse, and each one catches the fault it is for."""
import shutil

import duckdb
import pytest

from pipelines.defs.checks import evidence_mismatches, meetings_after_publication, unknown_countries


@pytest.fixture
def copy(seeds_warehouse, tmp_path):
    target = tmp_path / "diplomacy.duckdb"
    shutil.copyfile(seeds_warehouse, target)
    conn = duckdb.connect(str(target))
    yield conn
    conn.close()


def test_checks_pass_on_the_seeds(copy):
    checked, bad = evidence_mismatches(copy)
    assert checked == copy.execute("select (select count(*) from raw.meetings) + "
                                   "(select count(*) from raw.agreements)").fetchone()[0] > 0
    assert bad == []
    for table in ("fct_meetings", "fct_agreements"):
        checked, unknown = unknown_countries(copy, table)
        assert checked > 0 and unknown == []
    assert meetings_after_publication(copy) == []


def test_shifted_offsets_are_caught(copy):
    fact_id = copy.execute("select meeting_id from raw.meetings order by 1 limit 1").fetchone()[0]
    copy.execute("update raw.meetings set evidence_start = evidence_start + 1 where meeting_id = ?", [fact_id])
    assert [f for f, _ in evidence_mismatches(copy)[1]] == [fact_id]


def test_unknown_country_code_is_caught(copy):
    agreement = copy.execute("select agreement_id from fct_agreements order by 1 limit 1").fetchone()[0]
    copy.execute("update fct_agreements set parties = list_append(parties, 'XYZ') where agreement_id = ?", [agreement])
    assert unknown_countries(copy, "fct_agreements")[1] == [(agreement, "XYZ")]


def test_held_meeting_after_its_article_is_caught(copy):
    meeting, day, article = copy.execute("""
        select m.meeting_id, m.meeting_date_start, s.article_id from fct_meetings m join bridge_meeting_source s
        using (meeting_id) where m.status = 'held' and m.meeting_date_start is not null order by 1 limit 1""").fetchone()
    copy.execute("update dim_article set published_date = ? - interval 1 day where article_id = ?", [day, article])
    assert [row[0] for row in meetings_after_publication(copy)] == [meeting]
    copy.execute("update dim_article set published_date = ? where article_id = ?", [day, article])
    assert meetings_after_publication(copy) == []  # the same day is fine
