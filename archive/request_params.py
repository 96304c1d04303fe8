"""Reading what a request's address asks for: shared by the pages and the JSON API, so both read it alike."""

from django.http import HttpRequest


def query_text(request: HttpRequest) -> str:
    """Read ?q=; characters no page can carry (lone surrogates from a broken encoding) become "?"."""
    return request.GET.get("q", "").encode("utf-8", "replace").decode("utf-8")


def page_number(request: HttpRequest) -> int:
    """Read ?page=; anything that is not a sensible number means the first page."""
    try:
        return max(1, min(int(request.GET.get("page", "1")), 100_000))
    except ValueError:
        return 1
