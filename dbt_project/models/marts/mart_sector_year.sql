-- Sector × year: how many meetings, agreements and articles touched each sector.
with article_sectors as (
    select article_id, sector, article_year from {{ ref('fct_article_sectors') }}
),
meetings as (
    select s.sector, coalesce(f.meeting_year, s.article_year) as year, count(distinct f.meeting_id) as meetings
    from {{ ref('bridge_meeting_source') }} as src
    join {{ ref('fct_meetings') }} as f using (meeting_id)
    join article_sectors as s on s.article_id = src.article_id
    group by 1, 2
),
agreements as (
    select b.sector, coalesce(f.agreement_year, year(min(a.published_date))) as year, count(distinct f.agreement_id) as agreements
    from {{ ref('bridge_agreement_sector') }} as b
    join {{ ref('fct_agreements') }} as f using (agreement_id)
    join {{ ref('bridge_agreement_source') }} as src using (agreement_id)
    join {{ ref('dim_article') }} as a on a.article_id = src.article_id
    group by b.sector, f.agreement_year
),
articles as (
    select sector, article_year as year, count(distinct article_id) as articles
    from article_sectors
    group by 1, 2
)
select
    sector,
    cast(year as integer) as year,
    coalesce(max(m.meetings), 0) as meetings,
    coalesce(max(g.agreements), 0) as agreements,
    coalesce(max(a.articles), 0) as articles
from articles as a
full outer join meetings as m using (sector, year)
full outer join agreements as g using (sector, year)
where year is not null
group by sector, year
