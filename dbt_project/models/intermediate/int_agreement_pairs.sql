-- Pairs of mentions, from different articles, that report the same document.
with mentions as (select * from {{ ref('int_agreement_mentions') }})
select
    a.mention_id as a,
    b.mention_id as b,
    {{ word_jaccard('a.title_words', 'b.title_words') }} as title_similarity
from mentions as a
join mentions as b
    on a.mention_id < b.mention_id
    and a.article_id <> b.article_id
    and a.agreement_type = b.agreement_type
    and a.status = b.status
    and a.party_key = b.party_key
where (a.agreement_date is null or b.agreement_date is null
       or {{ dates_compatible('a.agreement_date', 'b.agreement_date') }})
  and {{ word_jaccard('a.title_words', 'b.title_words') }} >= 0.5
