select distinct agreement_id, unnest(sectors) as sector
from {{ ref('fct_agreements') }}
