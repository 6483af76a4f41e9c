-- One row per real-world document, however many articles report it.
with mentions as (
    select g.*, c.cluster_id as agreement_id
    from {{ ref('int_agreement_mentions') }} as g
    join {{ ref('int_agreement_clusters') }} as c on c.node_id = g.mention_id
)
select
    agreement_id,
    any_value(agreement_type) as agreement_type,
    any_value(status) as status,
    first(agreement_date order by length(agreement_date) desc nulls last, mention_id) as agreement_date,
    first(date_precision order by length(agreement_date) desc nulls last, mention_id) as date_precision,
    try_cast(left(first(agreement_date order by length(agreement_date) desc nulls last, mention_id), 4) as integer) as agreement_year,
    any_value(parties) as parties,
    list_sort(list_distinct(flatten(list(sectors)))) as sectors,
    first(title_ar order by length(title_ar) desc nulls last, mention_id) as title_ar,
    count(distinct article_id) as source_count,
    max(extractor_version) as extractor_version
from mentions
group by agreement_id
