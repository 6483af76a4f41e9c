select iso3, iso2, numeric_code, name_en, nullif(name_ar, '') as name_ar
from {{ ref('countries') }}
