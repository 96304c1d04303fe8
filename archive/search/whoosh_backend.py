"""haystack's Whoosh backend, adjusted for the archive.

- every text field uses ``archive_analyzer`` (keeps "US", "May", "U.S.", "10+1");
- facet fields are stored unanalysed (facets come back as printed, not stemmed);
- writes take the index lock with a timeout and retry instead of failing or silently queueing,
  and ``apply`` writes a whole transaction's changes in one Whoosh commit.
"""

import logging
import time

from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.backends import BaseEngine
from haystack.constants import ID
from haystack.exceptions import SkipDocument
from haystack.fields import FacetField
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import TEXT
from whoosh.index import LockError

from archive.search.analysis import archive_analyzer

log = logging.getLogger(__name__)

LOCK_TIMEOUT_SECONDS = 30.0


class ArchiveWhooshBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            name = field_class.index_fieldname
            if isinstance(field_class, FacetField):
                schema.remove(name)
                schema.add(name, WHOOSH_ID(stored=True))
            elif isinstance(schema[name], TEXT) or (field_class.is_multivalued and field_class.indexed):
                # Multi-valued fields (authors) are searched word by word, like any text.
                schema.remove(name)
                schema.add(
                    name,
                    TEXT(
                        stored=True,
                        analyzer=archive_analyzer(),
                        field_boost=field_class.boost,
                        spelling=field_class.document,
                    ),
                )
        return content_field_name, schema

    def update(self, index, iterable, commit=True):
        self.apply(updates=[(index, list(iterable))], removals=[])

    def remove(self, obj_or_string, commit=True):
        from haystack.utils import get_identifier

        self.apply(updates=[], removals=[get_identifier(obj_or_string)])

    def apply(self, *, updates, removals) -> None:
        """Write updates and removals in one commit, waiting for the index lock rather than losing them."""
        if not self.setup_complete:
            self.setup()
        if not removals and not any(objs for _, objs in updates):
            return
        self.index = self.index.refresh()
        writer = self._writer()
        try:
            for identifier in removals:
                writer.delete_by_term(ID, identifier)
            for index, objs in updates:
                for obj in objs:
                    try:
                        doc = index.full_prepare(obj)
                    except SkipDocument:
                        continue
                    doc = {key: self._from_python(value) for key, value in doc.items() if key != "boost"}
                    writer.update_document(**doc)
        except Exception:
            writer.cancel()
            raise
        writer.commit()

    def _writer(self):
        """Open a writer, retrying while another process holds the lock."""
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                return self.index.writer(timeout=1.0)
            except LockError:
                if time.monotonic() > deadline:
                    raise
                log.info("Whoosh index is locked by another writer; waiting")


class ArchiveWhooshEngine(BaseEngine):
    backend = ArchiveWhooshBackend
    query = WhooshSearchQuery
