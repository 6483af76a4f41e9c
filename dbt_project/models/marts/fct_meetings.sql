-- One row per real-world meeting, however many articles report it.
with mentions as (
    select m.*, c.cluster_id as meeting_id
    from {{ ref('int_meeting_mentions') }} as m
    join {{ ref('int_meeting_clusters') }} as c on c.node_id = m.mention_id
),
levels as (
    select c.cluster_id as meeting_id, arg_max(p.role, {{ role_rank('p.role') }}) as level
    from {{ ref('stg_meeting_participants') }} as p
    join {{ ref('int_meeting_clusters') }} as c on c.node_id = p.mention_id
    group by 1
)
select
    m.meeting_id,
    any_value(m.meeting_type) as meeting_type,
    any_value(m.status) as status,
    first(m.meeting_date order by length(m.meeting_date) desc nulls last, m.mention_id) as meeting_date,
    first(m.date_precision order by length(m.meeting_date) desc nulls last, m.mention_id) as date_precision,
    first(m.meeting_date_start order by length(m.meeting_date) desc nulls last, m.mention_id) as meeting_date_start,
    year(first(m.meeting_date_start order by length(m.meeting_date) desc nulls last, m.mention_id)) as meeting_year,
    any_value(m.countries) as countries,
    len(any_value(m.countries)) as country_count,
    list_sort(list_distinct(flatten(list(m.organizations)))) as organizations,
    max(m.location_city) as location_city,
    max(m.location_country) as location_country,
    max(m.round) as round,
    l.level,
    count(distinct m.article_id) as source_count,
    arg_min(m.evidence, m.mention_id) as evidence,
    max(m.extractor_version) as extractor_version
from mentions as m
left join levels as l using (meeting_id)
group by m.meeting_id, l.level
