from urllib.parse import urlencode

from django import template
from django.utils.safestring import SafeString

from archive.sanitize import safe_body

register = template.Library()


@register.filter
def section_body(body: str) -> SafeString:
    """Render a stored section body; only archive.sanitize decides what HTML is safe."""
    return safe_body(body)


@register.filter
def heading_level(depth: int) -> int:
    """h2 for chapters, h3 for their subsections, never deeper than h6."""
    return min(int(depth) + 2, 6)


@register.simple_tag
def match_href(within, link) -> str:
    """The address of a matching section: its anchor when it is on this page of matches, else its page's."""
    if link.page == within.page:
        return f"#{link.anchor}"
    return f"?{urlencode({'q': within.query, 'page': link.page})}#{link.anchor}"


@register.filter
def lockout_length(length) -> str:
    """A login lockout's length as people say it: "30 minutes", "1 hour", "1 hour 30 minutes"."""
    minutes = round(length.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)


@register.filter
def kind_label(kind: str) -> str:
    """A document kind's display name ("executive_order" -> "Executive order"), as DocumentKind names it."""
    from archive.models import DocumentKind

    return dict(DocumentKind.choices).get(kind, kind.replace("_", " ").capitalize())


@register.simple_tag
def static_or_plain(path: str) -> str:
    """The static file's address; its unhashed one when the manifest lacks it (the 500 page must not fail)."""
    from django.conf import settings
    from django.templatetags.static import static

    try:
        return static(path)
    except ValueError:
        return settings.STATIC_URL + path
