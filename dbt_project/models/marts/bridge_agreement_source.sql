select
    c.cluster_id as agreement_id,
    g.mention_id,
    g.article_id,
    g.evidence,
    g.evidence_start,
    g.evidence_end,
    g.agreement_date as reported_date,
    g.extractor_version
from {{ ref('stg_agreements') }} as g
join {{ ref('int_agreement_clusters') }} as c on c.node_id = g.mention_id
