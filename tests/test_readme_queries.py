"""The README's example queries run on the default data (seeds/) and return the expected rows."""
import re

import duckdb
import pytest

from conftest import ROOT

QUERIES = re.findall(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
ARAB_MEETINGS, REFERENCED_NEVER_SIGNED, SECTOR_GROWTH, PARTNERS = QUERIES
ARAB_LEAGUE = set(re.findall(r"'([A-Z]{3})'", ARAB_MEETINGS)) - {"TKM"}


def rows(conn, sql):
    return conn.execute(sql).fetchall()


def test_readme_has_the_four_analyst_queries():
    assert len(QUERIES) == 4 and len(ARAB_LEAGUE) == 22


@pytest.mark.parametrize("number", range(4))
def test_every_readme_query_returns_rows_on_seeds(read_only, number):
    assert rows(read_only, QUERIES[number])


def test_meetings_with_arab_states_since_2019(read_only):
    found = rows(read_only, ARAB_MEETINGS)
    assert all("TKM" in countries and ARAB_LEAGUE & set(countries) for _, _, countries, _, _ in found)
    assert all(date is None or date >= "2019" for date, *_ in found)
    assert ("2025-12-03", "phone_call", ["SOM", "TKM"], "foreign_minister", None) in found  # Somalia, by phone
    assert {c for _, _, countries, _, _ in found for c in countries} == {"IRQ", "SOM", "TKM"}
    dated = [date for date, *_ in found if date]
    assert dated == sorted(dated) and [date for date, *_ in found][len(dated):] == [None] * (len(found) - len(dated))


def test_referenced_agreements_never_signed_on_seeds(read_only):
    found = rows(read_only, REFERENCED_NEVER_SIGNED)
    referenced = rows(read_only, "select agreement_type, title_ar, agreement_date, parties, sectors from fct_agreements "
                                 "where status = 'referenced'")
    assert sorted(found, key=repr) == sorted(referenced, key=repr)  # no seed article reports one of them signed
    assert ("2019-04-05", ["RUS", "TKM"], ["security"]) in [(date, parties, sectors) for _, _, date, parties, sectors in found]


def test_a_referenced_agreement_reported_as_signed_is_left_out():
    conn = duckdb.connect()
    conn.execute("create table fct_agreements (agreement_id varchar, agreement_type varchar, status varchar, "
                 "agreement_date varchar, parties varchar[], sectors varchar[], title_ar varchar)")
    conn.execute("""insert into fct_agreements values
        ('a1', 'agreement', 'referenced', '2015-03-03', ['QAT', 'TKM'], ['energy'], 'energy agreement'),
        ('a2', 'agreement', 'signed', '2015-03-03', ['QAT', 'TKM'], ['energy'], 'energy agreement'),
        ('m1', 'memorandum_of_understanding', 'referenced', null, ['QAT', 'TKM'], ['energy'], 'gas memorandum'),
        ('m2', 'memorandum_of_understanding', 'signed', '2020-01-01', ['QAT', 'TKM'], ['energy'], 'gas memorandum'),
        ('p1', 'plan', 'referenced', null, ['RUS', 'TKM'], ['security'], 'security plan')""")
    assert [title for _, title, *_ in rows(conn, REFERENCED_NEVER_SIGNED)] == ["gas memorandum", "security plan"]


def test_sector_growth_on_seeds(read_only):
    growth = rows(read_only, SECTOR_GROWTH)
    assert ("energy", 2022, 1, 1, 1, None) in growth  # 2022: the Russia–Turkmenistan declaration
    assert [(s, y) for s, y, *_ in growth] == sorted((s, y) for s, y, *_ in growth)


def test_partners_on_seeds(read_only):
    partners = rows(read_only, PARTNERS)
    totals = [meetings + agreements for _, meetings, agreements, *_ in partners]
    assert partners[0][:3] == ("RUS", 1, 5) and totals == sorted(totals, reverse=True)
    assert {p[0] for p in partners} == {"RUS", "KAZ", "KGZ", "TJK", "UZB"}  # the Central Asian summit and its documents
