select sector, label_en, label_ar, scope
from {{ ref('sectors') }}
