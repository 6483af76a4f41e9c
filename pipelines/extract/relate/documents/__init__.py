"""The document phrase grammar the agreement stage reads: vocabulary, phrases (heads, counts, lists), status."""
from .phrases import Head, find_heads, list_items, title_end
from .status import earlier_than, status_of
from .vocabulary import vocabulary

__all__ = ["Head", "earlier_than", "find_heads", "list_items", "status_of", "title_end", "vocabulary"]
