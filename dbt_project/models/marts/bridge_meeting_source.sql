select
    c.cluster_id as meeting_id,
    m.mention_id,
    m.article_id,
    m.evidence,
    m.evidence_start,
    m.evidence_end,
    m.meeting_date as reported_date,
    m.extractor_version
from {{ ref('stg_meetings') }} as m
join {{ ref('int_meeting_clusters') }} as c on c.node_id = m.mention_id
