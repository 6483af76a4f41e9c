"""Generated reference data is current (never edited by hand)."""
from pipelines.reference import COUNTRY_SEED, ORGANIZATION_SEED, country_seed_csv, organization_seed_csv


def test_country_seed_is_generated_from_cldr_and_pycountry():
    assert COUNTRY_SEED.read_text(encoding="utf-8") == country_seed_csv()
    assert "TKM,TM,795,Turkmenistan,تركمانستان" in country_seed_csv()


def test_organization_seed_matches_the_gazetteer():
    assert ORGANIZATION_SEED.read_text(encoding="utf-8") == organization_seed_csv()


def test_docs_keep_the_current_facts_contract():
    from conftest import ROOT, SHARED

    for name in ("facts-contract.md", "facts-contract.schema.json"):
        assert (ROOT / "docs" / name).read_bytes() == (SHARED / name).read_bytes(), f"docs/{name} is out of date"
