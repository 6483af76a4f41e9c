-- Each article's agreements with what cross-article matching needs.
select
    g.*,
    array_to_string(g.parties, ',') as party_key,
    {{ word_set("coalesce(g.title_ar, '') || ' ' || g.evidence") }} as title_words
from {{ ref('stg_agreements') }} as g
