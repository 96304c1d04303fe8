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



def test_a_bare_snippet_passes_unchanged_and_anything_else_is_cleaned():
    assert str(clean_snippet("a &lt;b&gt; <mark>US</mark> c")) == "a &lt;b&gt; <mark>US</mark> c"
    assert str(clean_snippet('<mark onclick="x">US</mark>')) == "<mark>US</mark>"
    assert str(clean_snippet("<mark>US</mark><img src=x onerror=alert(1)>")) == "<mark>US</mark>"


def test_a_marked_body_with_foreign_markup_goes_through_bleach():
    from archive.sanitize import clean_marked_body

    assert str(clean_marked_body("<p>a <mark>b</mark></p>")) == "<p>a <mark>b</mark></p>"
    assert str(clean_marked_body('<p onclick="x">a</p><script>y</script>')) == "<p>a</p>y"
