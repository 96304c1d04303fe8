"""What the admin's tests share: an editor logged in, and the change form posted back as a browser posts it."""

import pytest
from django.contrib.auth.models import User
from django.forms import MultiWidget


@pytest.fixture
def editor_client(client, db):
    """A client logged in as an editor; the test asks for the archive it reads (``seeded``) or edits (``fresh_seeded``)."""
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


def change_form_data(client, document, **changes) -> dict:
    """The change form's values as a browser posts them (each date part under its own name), with ``changes``."""
    page = client.get(f"/admin/archive/document/{document.pk}/change/")
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, MultiWidget):
            parts = field.widget.decompress(value)
            data.update({name + suffix: part for suffix, part in zip(field.widget.widgets_names, parts) if part})
        elif value is not None:
            data[name] = value
    data.update(inline_data(page))
    data.update(changes)
    return data


def post_change(client, document, **changes):
    """Post the document's change form back as the browser would, with ``changes`` typed in."""
    return client.post(f"/admin/archive/document/{document.pk}/change/", change_form_data(client, document, **changes))


def inline_data(response) -> dict:
    """The inline formsets' current values, as the browser would post them back."""
    data = {}
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for form in formset.formset.forms:
            for name in form.fields:
                value = form[name].value()
                if value is not None and value is not False:
                    data[f"{form.prefix}-{name}"] = value
    return data
