"""The document phrase grammar the agreement stage reads: vocabulary, phrases (heads, counts, lists), status."""
from ...sectors import sectors_in
from .fields import described_set_fields, described_set_items, document_sectors
from .phrases import Head, counted_parts, find_heads, list_items, title_end
from .status import (document_set, earlier_than, included, opening_status, past_signing, recalled, relative_clause,
                     status_of)
from .vocabulary import vocabulary

__all__ = ["Head", "counted_parts", "described_set_fields", "described_set_items", "document_sectors", "document_set",
           "earlier_than", "find_heads", "included", "list_items", "opening_status", "past_signing", "recalled",
           "relative_clause", "sectors_in", "status_of", "title_end", "vocabulary"]
