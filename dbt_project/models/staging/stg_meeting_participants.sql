select
    meeting_id as mention_id,
    article_id,
    participant_index,
    name_ar,
    role,
    country
from {{ source('raw', 'meeting_participants') }}
