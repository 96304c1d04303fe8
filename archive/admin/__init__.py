"""Editors manage the archive in Django admin; each module adds one part of the document admin."""

from archive.admin import documents  # noqa: F401  (registers the admin)
