select path, reason, detected_encoding, size_bytes, quarantined_at
from {{ source('raw', 'quarantine') }}
