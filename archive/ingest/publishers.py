"""Name publishers the same way however a capture names them: from a byline's brackets or a page's host.

Why a table of hosts: many captures never print their publisher (a White House release scraped to
Markdown, a newspaper's opinion piece whose byline has no "(The Harbour Times)"), but their address names
the site. The table maps the sites this archive collects from to the names readers use; an unknown
host gives no publisher rather than a guess. When the printed publisher differs from the host's (a
Coastal Herald story syndicated on The Harbour Times), the host is where it was captured: the ``site``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Host (without "www.") -> publisher as commonly named; a subdomain matches its parent
# ("english.news.cn", "edition.thejakartapost.com").
HOST_PUBLISHERS: dict[str, str] = {
    "whitehouse.gov": "The White House",
    "bidenwhitehouse.archives.gov": "The White House",
    "trumpwhitehouse.archives.gov": "The White House",
    "obamawhitehouse.archives.gov": "The White House",
    "state.gov": "U.S. Department of State",
    "defense.gov": "U.S. Department of Defense",
    "thejakartapost.com": "The Jakarta Post",
    "straitstimes.com": "The Straits Times",
    "scmp.com": "South China Morning Post",
    "chinadaily.com.cn": "China Daily",
    "globaltimes.cn": "Global Times",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "english.news.cn": "Xinhua",
    "fmprc.gov.cn": "Ministry of Foreign Affairs of the People's Republic of China",
    "mfa.gov.cn": "Ministry of Foreign Affairs of the People's Republic of China",
    "japantimes.co.jp": "The Japan Times",
    "thediplomat.com": "The Diplomat",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "nytimes.com": "The New York Times",
    "csis.org": "CSIS",
    "rusi.org": "RUSI",
    "lowyinstitute.org": "Lowy Institute",
    "aspistrategist.org.au": "ASPI",
    "dfat.gov.au": "Department of Foreign Affairs and Trade",
    "defence.gov.au": "Department of Defence",
    "pm.gov.au": "Prime Minister of Australia",
    "wikisource.org": "Wikisource",
    "parlinfo.aph.gov.au": "ParlInfo",
    "trove.nla.gov.au": "Trove",
    "eur-lex.europa.eu": "EUR-Lex",
    "un.org": "United Nations",
    "federalregister.gov": "Federal Register",
    "nist.gov": "National Institute of Standards and Technology",
}

# Wire services and syndication networks printed before the real publisher: "ANN/The Coastal Herald".
_WIRE_PREFIX = re.compile(r"^(?:ANN|AFP|AP|Reuters|Bloomberg|Xinhua|Kyodo|Antara|Yonhap|Bernama|dpa)\s*/\s*", re.I)
# Edition suffixes after a publisher's name: "Harbour Daily Global", "Harbour Daily USA", "Coastal Herald Asia".
_EDITION_SUFFIX = re.compile(r"\s+(?:Global|Asia|Europe|USA|US|Africa|Weekly|Online|Digital|International)$")
# Abbreviations catalogues use in body names: "Dept of Fisheries", "DEPT OF FISHERIES".
_ABBREVIATIONS = ((re.compile(r"\bDept\b\.?", re.I), "Department"), (re.compile(r"\bGovt\b\.?", re.I), "Government"))
# Words left in lower case inside a name: "Department of Fisheries", "Minister for Trade".
_MINOR_WORDS = frozenset("of the and for on in to at by".split())
# An acronym after a body's name, or a parent body's acronym after a comma: "Fish and Wildlife Service (FWS), DOI".
_ACRONYM_TAIL = re.compile(r"(?:\s*\([A-Z]{2,8}\)|,\s*[A-Z]{2,8})+\.?$")
# A city after a body's name in an imprint: "Treasury Department, Canberra", "…Office, Washington, DC".
_CITY_TAIL = re.compile(r"(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:,\s*[A-Z]{2})?\.?$")
# Words of a body's name, which a city after a comma never contains: "Department", "Office", "Drafting".
_BODY_WORD = re.compile(r"\b(?:Department|Office|Ministry|Agency|Council|Commission|Institute|Bureau|Service|Division)\b")
# A leading "The", ignored when comparing names: "The Coastal Herald" ~ "Coastal Herald".
_THE = re.compile(r"^the\s+", re.I)


def publisher_for_url(url: str) -> str:
    """Return the publisher whose site ``url`` is on, or "" for a host not in the table."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""
    host = host.removeprefix("www.")
    while host:
        if host in HOST_PUBLISHERS:
            return HOST_PUBLISHERS[host]
        _, _, host = host.partition(".")
        if "." not in host:
            return ""
    return ""


def split_publisher(printed: str) -> tuple[str, str]:
    """Return (publisher, edition) from a printed name: "Harbour Daily Global" -> ("Harbour Daily", "Harbour Daily Global")."""
    name = _WIRE_PREFIX.sub("", " ".join(printed.split()))
    bare = _EDITION_SUFFIX.sub("", name)
    return bare, (name if bare != name else "")


def expand_abbreviations(name: str) -> str:
    """Spell out a catalogue's abbreviations in a body's name: "DEPT OF FISHERIES" -> "Department of Fisheries"."""
    if name.isupper():
        words = name.title().split()
        name = " ".join([words[0], *(w.lower() if w.lower() in _MINOR_WORDS else w for w in words[1:])])
    for pattern, full in _ABBREVIATIONS:
        name = pattern.sub(full, name)
    return name


def same_publisher(a: str, b: str) -> bool:
    """Tell whether two printed names denote the same publisher ("The Harbour Times" ~ "Harbour Times")."""
    return _THE.sub("", a.casefold()).strip() == _THE.sub("", b.casefold()).strip()


def body_name(printed: str) -> str:
    """Return a body's name without acronyms or a city after it.

    "Fish and Wildlife Service (FWS), DOI." -> "Fish and Wildlife Service";
    "the Office of Parliamentary Counsel, Treasury Department, Canberra" -> "Office of Parliamentary Counsel,
    Treasury Department". The same body then reads the same in every document.
    """
    name = " ".join(printed.split()).strip(" .,;:")
    name = _ACRONYM_TAIL.sub("", name).strip(" .,")
    city = _CITY_TAIL.search(name)
    if city and not _BODY_WORD.search(city.group()) and _BODY_WORD.search(name[: city.start()]):
        name = name[: city.start()]
    return re.sub(r"^the\s+", "", name).strip(" .,")
