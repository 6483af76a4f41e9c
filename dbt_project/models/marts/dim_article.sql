with first_dates as (
    select article_id, min(meeting_date_start) as first_event_date
    from {{ ref('stg_meetings') }}
    group by article_id
)
select
    a.article_id,
    a.source_id,
    coalesce(regexp_extract(a.url, '^[a-z]+://([^/]+)', 1), regexp_extract(a.source_path, '([^/]+)/[^/]+$', 1)) as source,
    a.url,
    a.title,
    coalesce(a.published_date, e.extracted_published_date) as published_date,
    year(coalesce(a.published_date, e.extracted_published_date, f.first_event_date)) as article_year,
    e.extractor_version,
    a.char_count,
    a.encoding,
    a.content_hash,
    a.ingested_at,
    e.extracted_at
from {{ ref('stg_articles') }} as a
left join {{ ref('stg_extractions') }} as e using (article_id)
left join first_dates as f using (article_id)
