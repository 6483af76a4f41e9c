select distinct f.meeting_id, unnest(f.countries) as iso3
from {{ ref('fct_meetings') }} as f
