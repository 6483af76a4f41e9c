"""Reference data for the warehouse, generated from well-kept sources (never typed by hand).

`python -m pipelines.reference` rewrites dbt_project/seeds/countries.csv from
pycountry (ISO codes, English names) and Babel's CLDR (Arabic names), and
organizations.csv from the extractor's organisation gazetteer.
"""
from __future__ import annotations

import csv
import io
import sys

import pycountry
from babel import Locale

from .extract.lexicon import DATA_DIR
from .settings import DBT_PROJECT_DIR

COUNTRY_SEED = DBT_PROJECT_DIR / "seeds" / "countries.csv"
ORGANIZATION_SEED = DBT_PROJECT_DIR / "seeds" / "organizations.csv"


def country_rows() -> list[dict[str, str]]:
    """One row per ISO 3166-1 country: ISO3, ISO2, numeric code, English and Arabic names."""
    arabic = Locale("ar").territories
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        rows.append({"iso3": c.alpha_3, "iso2": c.alpha_2, "numeric_code": c.numeric,
                     "name_en": getattr(c, "common_name", None) or c.name, "name_ar": arabic.get(c.alpha_2, "")})
    return rows


def organization_rows() -> list[dict[str, str]]:
    """One row per organisation code of the gazetteer: English name and its first Arabic form."""
    with open(DATA_DIR / "organizations.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        out.setdefault(row["code"], {"code": row["code"], "name_en": row["name_en"], "name_ar": row["form"]})
    return [out[k] for k in sorted(out)]


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def country_seed_csv() -> str:
    return _csv(country_rows())


def organization_seed_csv() -> str:
    return _csv(organization_rows())


if __name__ == "__main__":
    COUNTRY_SEED.parent.mkdir(parents=True, exist_ok=True)
    COUNTRY_SEED.write_text(country_seed_csv(), encoding="utf-8")
    ORGANIZATION_SEED.write_text(organization_seed_csv(), encoding="utf-8")
    print(f"wrote {COUNTRY_SEED} and {ORGANIZATION_SEED}", file=sys.stderr)
