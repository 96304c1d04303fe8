"""The API's OpenAPI schema (/api/schema/): valid OpenAPI 3, and true to the answers, field for field, both
ways: every field it documents is found in real answers on the seed archive, and every field answered is
documented."""

import re

import pytest
from openapi_spec_validator import validate

from archive.models import Document
from archive.search.facets import FACET_FIELDS


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)
    assert set(schema["paths"]) == {"/api/search", "/api/documents/{id}", "/api/documents/{id}/search"}


def _resolve(schema: dict, node: dict) -> tuple[dict, str | None]:
    ref = node.get("$ref")
    return (schema["components"]["schemas"][ref.rsplit("/", 1)[1]], ref) if ref else (node, None)


def documented(schema: dict, node: dict, path: str = "", chain: tuple = ()) -> set[str]:
    """Every field path a response schema names ("results[].document.id"); a schema met again within itself
    (a section's children) is not walked again."""
    node, ref = _resolve(schema, node)
    if ref is not None:
        if ref in chain:
            return set()
        chain += (ref,)
    if node.get("type") == "array":
        return documented(schema, node["items"], f"{path}[]", chain)
    found = set()
    for name, field in node.get("properties", {}).items():
        found |= {f"{path}.{name}"} | documented(schema, field, f"{path}.{name}", chain)
    return found


def answered(data, path: str = "") -> set[str]:
    """Every field path in a real answer, a section's children's fields counted as its own (the schema's
    recursion)."""
    if isinstance(data, list):
        return set().union(*(answered(item, f"{path}[]") for item in data))
    if isinstance(data, dict):
        return set().union(*({f"{path}.{name}"} | answered(value, f"{path}.{name}") for name, value in data.items()))
    return set()


def _flat(paths: set[str]) -> set[str]:
    return {re.sub(r"(\.children\[\])+(?=\.)", "", path) for path in paths}


def _response_schema(schema: dict, path: str, status: int) -> dict:
    return schema["paths"][path]["get"]["responses"][str(status)]["content"]["application/json"]["schema"]


def test_every_documented_field_is_answered_and_every_answered_field_documented(client, seeded, schema):
    document = seeded["003"].document.pk
    whole = client.get("/api/search", {"q": "China"}).json()
    searches = [whole, client.get("/api/search", {"q": "Cambodai"}).json()]  # a suggestion
    for name in FACET_FIELDS:
        values = [value["value"] for value in whole["facets"].get(name, [])]
        if name == "decade":
            values = [f"{int(value['value']) // 10 * 10}s" for value in whole["facets"]["year"]]  # "2010s"
        searches.append(client.get("/api/search", {"q": "China", name: values[0]}).json())
    assert {"next", "previous"} <= {key for page in searches for key, value in page.items() if value is None}
    within = client.get(f"/api/documents/{document}/search", {"q": "security"}).json()
    # One of the seeds filed as another's draft, so that ``drafts`` lists one (rolled back with the test).
    Document.objects.filter(pk=seeded["002"].document.pk).update(draft_of=document)
    documents = [client.get(f"/api/documents/{pk}").json() for pk in (document, seeded["002"].document.pk)]

    for address, answers in [
        ("/api/search", searches),
        ("/api/documents/{id}/search", [within]),
        ("/api/documents/{id}", documents),
    ]:
        expected = documented(schema, _response_schema(schema, address, 200))
        got = _flat(set().union(*(answered(answer) for answer in answers)))
        assert got - expected == set(), f"{address}: answered but not documented"
        assert expected - got == set(), f"{address}: documented but never answered"


def test_errors_are_documented_as_they_are_answered(client, seeded, schema):
    expected = documented(schema, _response_schema(schema, "/api/search", 404))
    past = client.get("/api/search", {"q": "security", "page": 999}).json()
    bad = client.get("/api/search", {"q": "(((("}).json()
    assert answered(past) == expected and answered(bad) <= expected


def test_drf_spectacular_reads_every_view_without_a_warning(tmp_path):
    """A view it cannot read (an answer left undocumented) is a warning; --fail-on-warn makes it an error."""
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.json"))
