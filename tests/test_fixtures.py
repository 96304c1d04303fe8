"""The suite's own fixtures behave the same on every database."""

from django.core.management import call_command

from archive.models import Document, Section
from tests.conftest import _SEEDS


def test_the_seed_archive_copied_back_in_takes_new_rows_after_its_own(fresh_seeded):
    """The copies keep their primary keys; the next row a test adds gets a key of its own after them."""
    call_command("flush", interactive=False, verbosity=0)  # as the shared archive empties the database
    _SEEDS.load()  # copied back in, as for every test after the first
    seed = Document.objects.order_by("-pk").first()
    document = Document.objects.create(title="Added by the test")
    section = Section.objects.create(document=document, position=0, path="0000", anchor="added")
    assert document.pk > seed.pk
    assert section.pk > Section.objects.exclude(pk=section.pk).order_by("-pk").first().pk
