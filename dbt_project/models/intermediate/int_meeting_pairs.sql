-- Pairs of mentions, from different articles, that report the same real-world meeting.
-- The rule (see int_meeting_pairs.yml) is strict on what the facts say and lenient on wording.
-- It is applied to candidates only, never to every pair: within one block (type, status, country
-- set), dated mentions of the same year, undated mentions of the same round, and mentions sharing
-- one of their rarest words (the only ones whose wordings can agree) — a superset of the pairs.
with mentions as (
    select *, meeting_type || '|' || status || '|' || country_key as block
    from {{ ref('int_meeting_mentions') }}
),
prefix as {{ jaccard_prefix('mentions', 'mention_id', 'block', 'evidence_words') }},
candidates as (
    select a.mention_id as a, b.mention_id as b
    from mentions as a
    join mentions as b on a.block = b.block and left(a.meeting_date, 4) = left(b.meeting_date, 4)
    where a.mention_id < b.mention_id and length(a.meeting_date) >= 4 and length(b.meeting_date) >= 4
    union
    -- a date shorter than a year (not in the contract) is compared with every dated mention
    select least(a.mention_id, b.mention_id), greatest(a.mention_id, b.mention_id)
    from mentions as a
    join mentions as b on a.block = b.block and a.mention_id <> b.mention_id
    where length(a.meeting_date) < 4 and b.meeting_date is not null
    union
    select a.mention_id, b.mention_id
    from mentions as a
    join mentions as b on a.block = b.block and a.round = b.round
    where a.mention_id < b.mention_id and a.meeting_date is null and b.meeting_date is null
    union
    select pa.id, pb.id
    from prefix as pa
    join prefix as pb on pa.block = pb.block and pa.word = pb.word
    where pa.id < pb.id
)
select
    a.mention_id as a,
    b.mention_id as b,
    {{ word_jaccard('a.evidence_words', 'b.evidence_words') }} as evidence_similarity
from candidates as c
join mentions as a on a.mention_id = c.a
join mentions as b
    on b.mention_id = c.b
    and a.mention_id < b.mention_id
    and a.article_id <> b.article_id
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
