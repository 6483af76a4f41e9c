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
    arg_max(agreement_date, coalesce(length(agreement_date), 0)) as agreement_date,
    arg_max(date_precision, coalesce(length(agreement_date), 0)) as date_precision,
    try_cast(left(arg_max(agreement_date, coalesce(length(agreement_date), 0)), 4) as integer) as agreement_year,
    any_value(parties) as parties,
    list_sort(list_distinct(flatten(list(sectors)))) as sectors,
    arg_max(title_ar, length(title_ar)) as title_ar,
    count(distinct article_id) as source_count,
    max(extractor_version) as extractor_version
from mentions
group by agreement_id
