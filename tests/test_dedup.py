"""Cross-article deduplication: one row per real-world event, every source linked."""
import shutil

import duckdb
import pytest

from conftest import ROOT, refresh

REWORDED_001 = """العراق وتركمانستان يوقعان مذكرة تفاهم في مجال الطاقة

عُقدت في بغداد الجولة الرابعة من المشاورات السياسية بين العراق وتركمانستان في مقر وزارة الخارجية. ووقع البلدان مذكرة تفاهم للتعاون في مجال الطاقة واستيراد الغاز.

وترأس الجانب العراقي وكيل وزارة الخارجية للعلاقات الثنائية السفير محمد حسين بحر العلوم، فيما ترأس الجانب التركمانستاني وكيل وزارة الخارجية أحمد قربانوف.

وبحث الجانبان آفاق التعاون في المجالات الاقتصادية والتجارية والاستثمارية والثقافية والتعليمية.
"""

FIFTH_ROUND = """بغداد تستضيف الجولة الخامسة من المشاورات السياسية مع تركمانستان

انعقدت في بغداد الجولة الخامسة من المشاورات السياسية بين العراق وتركمانستان برئاسة وكيلي وزارتي الخارجية في البلدين.
"""


def counts(path):
    with duckdb.connect(str(path), read_only=True) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("fct_meetings", "fct_agreements")}


@pytest.fixture(scope="module")
def duplicated_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dedup")
    articles = tmp / "articles"
    shutil.copytree(ROOT / "seeds", articles)
    shutil.copy(articles / "001_079d5c1b2b9b6042.txt", articles / "copy_of_001.txt")
    (articles / "reworded_001.txt").write_text(REWORDED_001, encoding="utf-8")
    refresh(articles, tmp / "w.duckdb", tmp / "home")
    return tmp / "w.duckdb"


def test_copies_of_an_article_do_not_add_events(seeds_warehouse, duplicated_run):
    assert counts(duplicated_run) == counts(seeds_warehouse)


def test_duplicated_events_link_every_source(duplicated_run):
    with duckdb.connect(str(duplicated_run), read_only=True) as conn:
        meeting = conn.execute("select meeting_id, source_count from fct_meetings where meeting_type = 'consultations'").fetchall()
        agreement = conn.execute("""select source_count from fct_agreements
                                    where agreement_type = 'memorandum_of_understanding' and status = 'signed'""").fetchall()
        sources = conn.execute("""select a.source_id from bridge_meeting_source s join fct_meetings f using (meeting_id)
                                  join dim_article a using (article_id)
                                  where f.meeting_type = 'consultations' order by 1""").fetchall()
        duplicates = conn.execute("""select d.path, a.source_id from raw.duplicates d
                                     join dim_article a on a.article_id = d.duplicate_of""").fetchall()
    assert [m[1] for m in meeting] == [2] and [a[0] for a in agreement] == [2]
    assert [s[0] for s in sources] == ["001_079d5c1b2b9b6042.txt", "reworded_001.txt"]
    assert [(p.rsplit("/", 1)[-1], d) for p, d in duplicates] == [("copy_of_001.txt", "001_079d5c1b2b9b6042.txt")]


def test_two_rounds_of_the_same_consultations_stay_two_meetings(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(ROOT / "seeds" / "001_079d5c1b2b9b6042.txt", articles)
    (articles / "fifth_round.txt").write_text(FIFTH_ROUND, encoding="utf-8")
    refresh(articles, tmp_path / "w.duckdb", tmp_path / "home")
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as conn:
        rounds = conn.execute("""select round, source_count from fct_meetings
                                 where meeting_type = 'consultations' order by round""").fetchall()
    assert rounds == [(4, 1), (5, 1)]
