-- One row per country per event (meeting or agreement), ready for a timeline chart.
select
    b.iso3 as country,
    'meeting' as event_kind,
    f.meeting_id as event_id,
    f.meeting_type as event_type,
    f.status,
    f.meeting_date as event_date,
    f.date_precision,
    f.meeting_date_start as event_date_start,
    list_filter(f.countries, lambda c: c <> b.iso3) as counterparts,
    f.level,
    f.source_count,
    f.evidence as description
from {{ ref('bridge_meeting_country') }} as b
join {{ ref('fct_meetings') }} as f using (meeting_id)
union all
select
    b.iso3,
    'agreement',
    f.agreement_id,
    f.agreement_type,
    f.status,
    f.agreement_date,
    f.date_precision,
    try_cast(rpad(f.agreement_date, 10, '-01-01')[:10] as date),
    list_filter(f.parties, lambda c: c <> b.iso3),
    null,
    f.source_count,
    f.title_ar
from {{ ref('bridge_agreement_party') }} as b
join {{ ref('fct_agreements') }} as f using (agreement_id)
