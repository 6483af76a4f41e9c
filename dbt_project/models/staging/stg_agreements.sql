select
    agreement_id as mention_id,
    article_id,
    agreement_index,
    agreement_type,
    status,
    agreement_date,
    case length(agreement_date) when 10 then 'day' when 7 then 'month' when 4 then 'year' end as date_precision,
    list_sort(parties) as parties,
    list_sort(sectors) as sectors,
    title_ar,
    evidence,
    evidence_start,
    evidence_end,
    extractor_version,
    extracted_at
from {{ source('raw', 'agreements') }}
