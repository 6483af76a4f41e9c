-- Pairs of mentions, from different articles, that report the same document.
-- The rule (see int_agreement_pairs.yml) is applied to candidates only: mentions of one block (type,
-- status, party set) that share one of their rarest title words — every pair whose titles can agree.
with mentions as (
    select *, agreement_type || '|' || status || '|' || party_key as block
    from {{ ref('int_agreement_mentions') }}
),
prefix as {{ jaccard_prefix('mentions', 'mention_id', 'block', 'title_words') }},
candidates as (
    select distinct pa.id as a, pb.id as b
    from prefix as pa
    join prefix as pb on pa.block = pb.block and pa.word = pb.word
    where pa.id < pb.id
)
select
    a.mention_id as a,
    b.mention_id as b,
    {{ word_jaccard('a.title_words', 'b.title_words') }} as title_similarity
from candidates as c
join mentions as a on a.mention_id = c.a
join mentions as b
    on b.mention_id = c.b
    and a.mention_id < b.mention_id
    and a.article_id <> b.article_id
    and a.agreement_type = b.agreement_type
    and a.status = b.status
    and a.party_key = b.party_key
where (a.agreement_date is null or b.agreement_date is null
       or {{ dates_compatible('a.agreement_date', 'b.agreement_date') }})
  and {{ word_jaccard('a.title_words', 'b.title_words') }} >= 0.5
