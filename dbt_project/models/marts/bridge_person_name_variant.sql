select
    md5(person_key)[:16] as person_id,
    name_ar,
    count(*) as mentions
from {{ ref('int_person_names') }}
group by 1, 2
