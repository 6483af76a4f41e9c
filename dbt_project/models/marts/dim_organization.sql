select code as organization_code, name_en, name_ar
from {{ ref('organizations') }}
