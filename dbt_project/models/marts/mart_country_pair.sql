-- Each unordered pair of countries that met or signed together: how often, since when, at what level, on what.
with meeting_pairs as (
    select a.iso3 as country_a, b.iso3 as country_b, f.meeting_id as event_id, f.meeting_date_start as event_date,
           f.level, 'meeting' as kind
    from {{ ref('bridge_meeting_country') }} as a
    join {{ ref('bridge_meeting_country') }} as b on a.meeting_id = b.meeting_id and a.iso3 < b.iso3
    join {{ ref('fct_meetings') }} as f on f.meeting_id = a.meeting_id
),
agreement_pairs as (
    select a.iso3 as country_a, b.iso3 as country_b, f.agreement_id as event_id,
           try_cast(rpad(f.agreement_date, 10, '-01-01')[:10] as date) as event_date, null as level, 'agreement' as kind
    from {{ ref('bridge_agreement_party') }} as a
    join {{ ref('bridge_agreement_party') }} as b on a.agreement_id = b.agreement_id and a.iso3 < b.iso3
    join {{ ref('fct_agreements') }} as f on f.agreement_id = a.agreement_id
),
events as (
    select * from meeting_pairs
    union all
    select * from agreement_pairs
),
event_articles as (
    select meeting_id as event_id, article_id from {{ ref('bridge_meeting_source') }}
    union
    select agreement_id as event_id, article_id from {{ ref('bridge_agreement_source') }}
),
pair_sectors as (
    select e.country_a, e.country_b, s.sector, count(distinct s.article_id) as articles
    from events as e
    join event_articles as ea using (event_id)
    join {{ ref('fct_article_sectors') }} as s on s.article_id = ea.article_id
    group by 1, 2, 3
),
top_sectors as (
    select country_a, country_b, list(sector order by articles desc, sector)[:3] as top_sectors
    from pair_sectors
    group by 1, 2
)
select
    e.country_a,
    e.country_b,
    count(distinct e.event_id) filter (where e.kind = 'meeting') as meetings,
    count(distinct e.event_id) filter (where e.kind = 'agreement') as agreements,
    min(e.event_date) as first_event_date,
    max(e.event_date) as last_event_date,
    arg_max(e.level, {{ role_rank('e.level') }}) as highest_level,
    coalesce(any_value(t.top_sectors), []::varchar[]) as top_sectors
from events as e
left join top_sectors as t using (country_a, country_b)
group by e.country_a, e.country_b
