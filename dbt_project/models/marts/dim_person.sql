-- One row per real person: spelling variants merged on the person key (see int_person_names).
select
    md5(person_key)[:16] as person_id,
    person_key,
    mode(name_ar) as name_ar,
    mode(country) as country,
    arg_max(role, {{ role_rank('role') }}) as highest_role,
    count(distinct name_ar) as spelling_count,
    count(distinct mention_id) as meeting_mentions
from {{ ref('int_person_names') }}
group by person_key
