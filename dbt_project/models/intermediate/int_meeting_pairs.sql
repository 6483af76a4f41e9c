-- Pairs of mentions, from different articles, that report the same real-world meeting.
-- The rule (see int_meeting_pairs.yml) is strict on what the facts say and lenient on wording.
-- It is applied to candidates only, never to every pair: within one block (type, status, country
-- set), dated mentions of the same year, undated mentions of the same round, and mentions sharing
-- one of their rarest words (the only ones whose wordings can agree) — a superset of the pairs.
-- Mentions alike in everything the rule compares (block, date, round, evidence words) are one group,
-- compared with the others through one representative (its smallest mention id); its other members
-- are linked to that representative. So an event repeated by n reports costs n rows, not n² pairs,
-- and the clusters are the same as those of every pair.
with mentions as (
    select *, meeting_type || '|' || status || '|' || country_key as block
    from {{ ref('int_meeting_mentions') }}
),
grouped as (
    select *,
        min(mention_id) over alike as representative,
        min(article_id) over alike = max(article_id) over alike as one_article
    from mentions
    window alike as (partition by block, meeting_date, round, evidence_words)
),
representatives as (select * from grouped where mention_id = representative),
prefix as {{ jaccard_prefix('representatives', 'mention_id', 'block', 'evidence_words') }},
candidates as (
    select a.mention_id as a, b.mention_id as b
    from representatives as a
    join representatives as b on a.block = b.block and left(a.meeting_date, 4) = left(b.meeting_date, 4)
    where a.mention_id < b.mention_id and length(a.meeting_date) >= 4 and length(b.meeting_date) >= 4
    union
    -- a date shorter than a year (not in the contract) is compared with every dated mention
    select least(a.mention_id, b.mention_id), greatest(a.mention_id, b.mention_id)
    from representatives as a
    join representatives as b on a.block = b.block and a.mention_id <> b.mention_id
    where length(a.meeting_date) < 4 and b.meeting_date is not null
    union
    select a.mention_id, b.mention_id
    from representatives as a
    join representatives as b on a.block = b.block and a.round = b.round
    where a.mention_id < b.mention_id and a.meeting_date is null and b.meeting_date is null
    union
    select pa.id, pb.id
    from prefix as pa
    join prefix as pb on pa.block = pb.block and pa.word = pb.word
    where pa.id < pb.id
),
representative_pairs as (
    select
        a.mention_id as a,
        b.mention_id as b,
        {{ word_jaccard('a.evidence_words', 'b.evidence_words') }} as evidence_similarity
    from candidates as c
    join representatives as a on a.mention_id = c.a
    join representatives as b
        on b.mention_id = c.b
        and a.mention_id < b.mention_id
        -- two groups pair unless all their mentions come from one article
        and not (a.one_article and b.one_article and a.article_id = b.article_id)
        and a.meeting_type = b.meeting_type
        and a.status = b.status
        and a.country_key = b.country_key
        and (a.round is null or b.round is null or a.round = b.round)
    where case
        when a.meeting_date is not null and b.meeting_date is not null
            then {{ dates_compatible('a.meeting_date', 'b.meeting_date') }}
        when a.meeting_date is null and b.meeting_date is null and a.round is not null and a.round = b.round
            then true
        else {{ word_jaccard('a.evidence_words', 'b.evidence_words') }} >= 0.5
    end
),
paired as (select a as mention_id from representative_pairs union select b from representative_pairs)
select * from representative_pairs
union all
-- a group's other members: each pairs with its representative when the group spans two articles
-- (two alike mentions pair when dated, of a round, or worded), and with whatever the representative pairs with
select representative, mention_id, {{ word_jaccard('evidence_words', 'evidence_words') }}
from grouped
where mention_id <> representative
  and ((not one_article and (meeting_date is not null or round is not null or len(evidence_words) > 0))
       or representative in (select mention_id from paired))
