select s.article_id, s.sector, a.article_year, s.extractor_version
from {{ ref('stg_article_sectors') }} as s
join {{ ref('dim_article') }} as a using (article_id)
