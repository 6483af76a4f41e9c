-- Who took part in each real-world meeting (named people once, unnamed roles once per country).
with participants as (
    select
        c.cluster_id as meeting_id,
        case when p.name_ar is not null then md5({{ person_key('p.name_ar') }})[:16] end as person_id,
        p.name_ar,
        p.role,
        p.country,
        p.mention_id
    from {{ ref('stg_meeting_participants') }} as p
    join {{ ref('int_meeting_clusters') }} as c on c.node_id = p.mention_id
)
select
    meeting_id,
    person_id,
    arg_min(name_ar, mention_id) as name_ar,
    arg_max(role, {{ role_rank('role') }}) as role,
    max(country) as country,
    count(distinct mention_id) as mentions
from participants
group by meeting_id, person_id, case when person_id is null then role || coalesce(country, '?') end
