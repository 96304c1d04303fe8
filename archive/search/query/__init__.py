"""The query language: what a researcher types, read into the Lucene syntax every engine is sent."""

from archive.search.query.lucene import QueryError
from archive.search.query.parse import ParsedQuery, parse_query

__all__ = ["ParsedQuery", "QueryError", "parse_query"]
