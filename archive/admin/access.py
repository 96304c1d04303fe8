"""Who may open a document's admin pages: one rule for every page the archive adds to the document admin."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404

from archive.models import Document


def permitted_document(model_admin, request, object_id, *, change: bool) -> Document:
    """The document the address names, if this user may view it (or change it, with ``change``).

    404 when there is none (or the address names none the database could hold); 403 when the user may not.
    """
    document = model_admin.get_object(request, unquote(str(object_id)))
    if document is None:
        raise Http404("No such document.")
    permitted = model_admin.has_change_permission if change else model_admin.has_view_permission
    if not permitted(request, document):
        raise PermissionDenied
    return document
