select path, article_id, note, noted_at
from {{ source('raw', 'ingest_notes') }}
