select
    article_id,
    content_hash,
    source_id,
    source_path,
    url,
    title,
    published_date,
    text as article_text,
    length(text) as char_count,
    encoding,
    size_bytes,
    ingested_at
from {{ source('raw', 'articles') }}
