select
    article_id,
    sector,
    extractor_version
from {{ source('raw', 'article_sectors') }}
