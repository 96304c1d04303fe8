"""The API's response shapes, written down for the OpenAPI schema (/api/schema/) only: the views build their
answers with archive/serializers.py, and tests/test_api_schema.py checks the two agree field for field."""

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from archive.request_params import MAX_PAGE
from archive.search.facets import FACET_FIELDS
from archive.search.results import MAX_PER_PAGE, SORTS


class Error(serializers.Serializer):
    error = serializers.CharField(help_text="What went wrong; for a parameter, which one.")
    last = serializers.URLField(required=False, help_text="A page past the last (404): the last page's address.")


class Withdrawn(Error):
    id = serializers.IntegerField()
    title = serializers.CharField()
    reason = serializers.CharField(help_text="Why the document was withdrawn, as the editors wrote it.")
    withdrawn_at = serializers.DateTimeField(allow_null=True, help_text="When it was withdrawn (ISO 8601).")


def _link(what: str) -> serializers.URLField:
    return serializers.URLField(allow_null=True, help_text=f"Absolute address of the {what} page; null at the end.")


class SearchHitDocument(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.CharField()
    publisher = serializers.CharField()
    authors = serializers.ListField(child=serializers.CharField())
    date = serializers.CharField(allow_null=True, help_text='As precise as known: "2017", "2017-01", "2017-01-05".')
    complete = serializers.BooleanField()
    url = serializers.CharField(help_text="Path of the document's page.")


class SearchHitSection(serializers.Serializer):
    label = serializers.CharField()
    printed_label = serializers.CharField(help_text='The label as the document prints it: "II.", "一、", "（一）", "(a)".')
    heading = serializers.CharField()
    heading_path = serializers.CharField()
    anchor = serializers.CharField()
    url = serializers.CharField()
    snippet = serializers.CharField(help_text="HTML whose only tag is <mark>.")


class SearchHit(serializers.Serializer):
    document = SearchHitDocument()
    partial = serializers.BooleanField(help_text="Matches only some of the query's words.")
    sections = SearchHitSection(many=True, help_text="The best matching sections, at most three.")
    more_sections = serializers.IntegerField()


class FacetValue(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class Filters(serializers.Serializer):
    # The facets filtered on (only those), and the range of years ("from" cannot be an attribute's name).
    vars().update({name: serializers.ListField(child=serializers.CharField(), required=False) for name in FACET_FIELDS})
    vars().update({end: serializers.IntegerField(allow_null=True) for end in ("from", "to")})


class Facets(serializers.Serializer):
    # Facets with no value are left out; "decade" replaces "year" when the matches span many years.
    vars().update({name: FacetValue(many=True, required=False) for name in FACET_FIELDS})


class SearchPage(serializers.Serializer):
    count = serializers.IntegerField(help_text="Documents matching the whole query.")
    page = serializers.IntegerField()
    per_page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    sort = serializers.ChoiceField(choices=SORTS)
    filters = Filters()
    suggestion = serializers.CharField(allow_null=True, help_text="A corrected query, when this one found nothing.")
    partial_count = serializers.IntegerField(help_text="Further results matching only some of the words.")
    stopped_early = serializers.BooleanField(help_text="The engine stopped at its time limit.")
    facets = Facets()
    results = SearchHit(many=True)
    next = _link("next")
    previous = _link("previous")


class Reference(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()


class Draft(Reference):
    date = serializers.CharField(allow_null=True)


class Missing(serializers.Serializer):
    label = serializers.CharField()
    heading = serializers.CharField()


class Section(serializers.Serializer):
    label = serializers.CharField()
    printed_label = serializers.CharField(help_text='The label as the document prints it: "II.", "一、", "（一）", "(a)".')
    heading = serializers.CharField()
    anchor = serializers.CharField()
    url = serializers.CharField()
    captured = serializers.BooleanField(help_text="False for a chapter listed in the contents but not captured.")
    text = serializers.CharField(help_text="Plain text, paragraphs separated by blank lines.")


Section._declared_fields["children"] = Section(many=True)  # the tree: a section's own sections


class Document(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    subtitle = serializers.CharField()
    kind = serializers.CharField()
    publisher = serializers.CharField()
    issuer = serializers.CharField()
    authors = serializers.ListField(child=serializers.CharField())
    date = serializers.CharField(allow_null=True)
    complete = serializers.BooleanField()
    missing = Missing(many=True, help_text="Chapters listed in the contents but not captured.")
    version_of = serializers.IntegerField(allow_null=True)
    drafts = Draft(many=True, help_text="The work's other drafts or editions, earliest first.")
    language = serializers.CharField()
    edition = serializers.CharField()
    source_url = serializers.CharField()
    url = serializers.CharField()
    sections = Section(many=True)
    related = Reference(many=True, help_text="Up to five public documents most like this one.")


class WithinSection(serializers.Serializer):
    label = serializers.CharField()
    printed_label = serializers.CharField(help_text='The label as the document prints it: "II.", "一、", "（一）", "(a)".')
    heading = serializers.CharField()
    anchor = serializers.CharField()
    url = serializers.CharField()
    hits = serializers.IntegerField()
    more_hits = serializers.BooleanField(help_text="More than the first 1,000 matches.")
    snippet = serializers.CharField(help_text="HTML whose only tag is <mark>.")


class WithinPage(serializers.Serializer):
    count = serializers.IntegerField(help_text="Marks on this page.")
    more_hits = serializers.BooleanField()
    total_sections = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    next = _link("next")
    previous = _link("previous")
    sections = WithinSection(many=True, help_text="Matching sections in reading order, 50 to a page.")


QUERY = OpenApiParameter("q", str, required=True, description="The query, in the search syntax (README.md).")
PAGE = OpenApiParameter("page", int, description=f"Page number, 1 to {MAX_PAGE}; past the last is a 404.")
SEARCH_PARAMETERS = [
    QUERY,
    PAGE,
    OpenApiParameter("per_page", int, description=f"Results per page, 1 to {MAX_PER_PAGE} (10)."),
    OpenApiParameter("sort", str, enum=list(SORTS), description="relevance (default), newest, oldest."),
    *[
        OpenApiParameter(name, str, many=True, description="A facet filter; repeat for alternatives.")
        for name in FACET_FIELDS
    ],
    OpenApiParameter("from", int, description="First year of publication, inclusive."),
    OpenApiParameter("to", int, description="Last year of publication, inclusive."),
]

ERRORS = {
    400: Error,
    404: Error,
    429: Error,
    503: Error,
}
