"""The document phrase grammar the agreement stage reads: vocabulary, phrases (heads, counts, lists), status."""
from .fields import document_sectors
from .phrases import Head, find_heads, list_items, title_end
from .status import earlier_than, relative_clause, status_of
from .vocabulary import vocabulary

__all__ = ["Head", "document_sectors", "earlier_than", "find_heads", "list_items", "relative_clause", "status_of", "title_end", "vocabulary"]
