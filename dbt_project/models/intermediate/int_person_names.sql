-- Every spelling of every named participant, with the key that merges spelling variants.
select
    p.mention_id,
    p.article_id,
    p.participant_index,
    p.name_ar,
    {{ person_key('p.name_ar') }} as person_key,
    p.role,
    p.country
from {{ ref('stg_meeting_participants') }} as p
where p.name_ar is not null
