select
    article_id,
    content_hash,
    extractor_version,
    published_date as extracted_published_date,
    extracted_at
from {{ source('raw', 'extractions') }}
