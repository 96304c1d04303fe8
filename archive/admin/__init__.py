"""Editors manage the archive in Django admin; each module adds one part of the document admin."""

from django.contrib import admin

from archive.admin import documents  # noqa: F401  (registers the admin)

# Editors see the archive's name, not Django's, in every admin page's header and title.
admin.site.site_header = "Policy Archive"
admin.site.site_title = "Policy Archive admin"
admin.site.index_title = "Manage the archive"
