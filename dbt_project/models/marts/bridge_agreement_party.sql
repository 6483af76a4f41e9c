select distinct agreement_id, unnest(parties) as iso3
from {{ ref('fct_agreements') }}
