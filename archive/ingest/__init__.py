"""Ingestion: pure functions from a file's raw bytes to a ParsedDocument. No Django, no database.

``parse`` runs the chain in ``pipeline``; ``text_fingerprint`` and ``similarity`` let the writer
(``archive/services/``) find exact and near duplicates before it stores anything.
"""

from .fingerprint import shingle_sample, similarity, text_fingerprint
from .model import KINDS, ContentsEntry, IngestError, ParsedDocument, ParsedSection, PartialDate
from .pipeline import parse

__all__ = [
    "KINDS",
    "ContentsEntry",
    "IngestError",
    "ParsedDocument",
    "ParsedSection",
    "PartialDate",
    "parse",
    "shingle_sample",
    "similarity",
    "text_fingerprint",
]
