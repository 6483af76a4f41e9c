-- Pairs of mentions, from different articles, that report the same document.
-- The rule (see int_agreement_pairs.yml) is applied to candidates only: mentions of one block (type,
-- status, party set) that share one of their rarest title words — every pair whose titles can agree.
-- Mentions alike in everything the rule compares (block, date, title words) are one group, compared
-- with the others through one representative (its smallest mention id); its other members are linked
-- to that representative. So a document repeated by n reports costs n rows, not n² pairs, and the
-- clusters are the same as those of every pair.
with mentions as (
    select *, agreement_type || '|' || status || '|' || party_key as block
    from {{ ref('int_agreement_mentions') }}
),
grouped as (
    select *,
        min(mention_id) over alike as representative,
        min(article_id) over alike = max(article_id) over alike as one_article
    from mentions
    window alike as (partition by block, agreement_date, title_words)
),
representatives as (select * from grouped where mention_id = representative),
prefix as {{ jaccard_prefix('representatives', 'mention_id', 'block', 'title_words') }},
candidates as (
    select distinct pa.id as a, pb.id as b
    from prefix as pa
    join prefix as pb on pa.block = pb.block and pa.word = pb.word
    where pa.id < pb.id
),
representative_pairs as (
    select
        a.mention_id as a,
        b.mention_id as b,
        {{ word_jaccard('a.title_words', 'b.title_words') }} as title_similarity
    from candidates as c
    join representatives as a on a.mention_id = c.a
    join representatives as b
        on b.mention_id = c.b
        and a.mention_id < b.mention_id
        -- two groups pair unless all their mentions come from one article
        and not (a.one_article and b.one_article and a.article_id = b.article_id)
        and a.agreement_type = b.agreement_type
        and a.status = b.status
        and a.party_key = b.party_key
    where (a.agreement_date is null or b.agreement_date is null
           or {{ dates_compatible('a.agreement_date', 'b.agreement_date') }})
      and {{ word_jaccard('a.title_words', 'b.title_words') }} >= 0.5
),
paired as (select a as mention_id from representative_pairs union select b from representative_pairs)
select * from representative_pairs
union all
-- a group's other members: each pairs with its representative when the group spans two articles
-- (the same title pairs with itself when it has words), and with whatever the representative pairs with
select representative, mention_id, {{ word_jaccard('title_words', 'title_words') }}
from grouped
where mention_id <> representative
  and ((not one_article and len(title_words) > 0) or representative in (select mention_id from paired))
