-- Each article's meetings with what cross-article matching needs.
select
    m.*,
    coalesce(a.published_date, e.extracted_published_date) as article_published_date,
    array_to_string(m.countries, ',') as country_key,
    {{ word_set('m.evidence') }} as evidence_words
from {{ ref('stg_meetings') }} as m
join {{ ref('stg_articles') }} as a using (article_id)
left join {{ ref('stg_extractions') }} as e using (article_id)
