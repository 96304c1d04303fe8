"""Web pages the HTML reader's tests share: a saved news page and a made-up news site's article page."""

from tests.ingest.fixtures import SHARED

STRUCTURE = SHARED / "corpus" / "structure"

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>ASEAN and China agree on a maritime code | The Straits Times</title>
<meta property="og:title" content="ASEAN and China agree on a maritime code">
<meta property="og:site_name" content="The Straits Times">
<meta property="og:url" content="https://www.straitstimes.com/asia/asean-china-code">
<meta property="og:description" content="Negotiators close two decades of talks with a text both sides can sign">
<meta property="article:published_time" content="2024-05-16T08:30:00+08:00">
<meta property="article:author" content="Tan Hui Yee">
<meta name="author" content="Tan Hui Yee">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/asia">Asia</a></li><li><a href="/world">World</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a>
<a href="https://twitter.com/intent">Share on X</a> <a href="mailto:">Email this article</a></div>
<main>
<article>
<h1>ASEAN and China agree on a maritime code</h1>
<p class="byline">By Tan Hui Yee</p>
<p>JAKARTA – Foreign ministers of the Association of Southeast Asian Nations and China on Thursday agreed on
the text of a code of conduct for the South China Sea, closing more than two decades of negotiations that had
repeatedly stalled over the scope of the document.</p>
<p>The agreement, announced after a day of talks in Jakarta, commits the parties to notify each other of large
exercises and to refrain from occupying uninhabited features, officials said.</p>
<h2>What the code covers</h2>
<p>The code applies to all waters claimed by the parties, a formula that allowed negotiators to sidestep
disputes over the legal basis of the competing claims. It sets up a hotline between the foreign ministries.</p>
<p>Analysts said the text falls short of what the Philippines and Vietnam had sought, because it is not
legally binding and contains no mechanism for settling disputes.</p>
<h2>What happens next</h2>
<p>The code must now be ratified by each member state before it enters into force, a process that diplomats
expect to take at least two years given the parliamentary procedures in several countries.</p>
<p>“This is a beginning, not an end,” Indonesia’s foreign minister told reporters after the meeting, adding
that trust would be built through practice rather than through texts alone, in café-style talks.</p>
</article>
<aside class="related"><h3>Related articles</h3><ul>
<li><a href="/a">Philippines protests Chinese coast guard manoeuvres near Second Thomas Shoal again</a></li>
<li><a href="/b">Vietnam expands its outposts in the Spratlys, satellite images show</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment">
<p>Great news for the region, finally some progress after all these years!</p></div></section>
</main>
<footer><p>Copyright © 2024 SPH Media Limited. All rights reserved.</p>
<p><a href="/terms">Terms of use</a> | <a href="/privacy">Privacy policy</a></p></footer>
</body>
</html>
"""


def news_page(charset: str = "utf-8") -> str:
    """Return the saved news page declaring ``charset`` in its <meta> tag."""
    return NEWS_PAGE.replace("{charset}", charset)


HEADLINE = "Japan's exports rise for third month as chip demand recovers"
ARTICLE = """<p>TOKYO – Japan's exports rose for a third straight month in March as demand for chips and
chip-making equipment recovered, government data showed on Wednesday, easing worries about the export-reliant
economy as the central bank weighs its next policy move.</p>
<p>Exports climbed 7.3 per cent from a year earlier, the finance ministry said, beating the median forecast of
economists. Shipments to China, the country's biggest trading partner, rose for the first time in five months.</p>
<h2>Chips lead the recovery</h2>
<p>Semiconductor equipment accounted for most of the gain, the data showed, while car exports to the United
States slipped after a strong run last year that had been driven by a weaker yen and pent-up demand.</p>
<p>Economists said the figures support the view that the economy will return to growth in the current quarter,
although they cautioned that weak consumption at home remains the main drag on the recovery.</p>
"""


def ledger_page(head: str, byline: str = "", after: str = "") -> str:
    """A news page of a made-up site: logo link, navigation, related links, a footer with a copyright range."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>
<header class="site-header"><a href="/" class="logo"><img src="/logo.svg" alt="Pacific Ledger"></a>
<nav><ul><li><a href="/markets">Markets</a></li><li><a href="/asia">Asia</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/newsletters">Newsletters</a></li></ul></nav></header>
<main><article><h1>{HEADLINE}</h1>{byline}{ARTICLE}</article>
<aside class="related"><h3>More from Markets</h3><ul>
<li><a href="/m/1">Yen slides to a 34-year low against the dollar as traders test officials</a></li>
<li><a href="/m/2">Bank of Japan keeps rates on hold, signals patience on further tightening</a></li></ul></aside>
{after}</main>
<footer><p>Copyright © 2019–2024 Pacific Ledger Media Group. All rights reserved.</p>
<p><a href="/terms">Terms</a> | <a href="/privacy">Privacy</a></p></footer></body></html>"""
