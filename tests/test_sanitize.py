from archive.sanitize import clean_body, clean_snippet, paragraphs_to_html


def test_paragraph_text_is_escaped_not_interpreted():
    body = paragraphs_to_html(["<script>alert(1)</script> & more", "Second"])
    assert "<script>" not in body
    assert "&lt;script&gt;" in body
    assert body.count("<p>") == 2


def test_body_keeps_only_allowed_tags_and_no_attributes():
    dirty = '<p onclick="x()">Hi <a href="javascript:evil()">link</a><img src=x onerror=alert(1)></p>'
    cleaned = clean_body(dirty)
    assert cleaned == "<p>Hi link</p>"


def test_snippet_allows_mark_and_nothing_else():
    assert str(clean_snippet('<mark>US</mark> <b>bold</b><script>x</script>')) == "<mark>US</mark> boldx"

