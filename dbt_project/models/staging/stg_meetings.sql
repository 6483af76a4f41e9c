select
    meeting_id as mention_id,
    article_id,
    meeting_index,
    meeting_type,
    status,
    meeting_date,
    case length(meeting_date) when 10 then 'day' when 7 then 'month' when 4 then 'year' end as date_precision,
    case length(meeting_date)
        when 10 then cast(meeting_date as date)
        when 7 then cast(meeting_date || '-01' as date)
        when 4 then cast(meeting_date || '-01-01' as date)
    end as meeting_date_start,
    list_sort(countries) as countries,
    organizations,
    location_city,
    location_country,
    round,
    evidence,
    evidence_start,
    evidence_end,
    extractor_version,
    extracted_at
from {{ source('raw', 'meetings') }}
