-- Pairs of mentions, from different articles, that report the same real-world meeting.
-- The rule (see int_meeting_pairs.yml) is strict on what the facts say and lenient on wording.
with mentions as (select * from {{ ref('int_meeting_mentions') }})
select
    a.mention_id as a,
    b.mention_id as b,
    {{ word_jaccard('a.evidence_words', 'b.evidence_words') }} as evidence_similarity
from mentions as a
join mentions as b
    on a.mention_id < b.mention_id
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
