"""The article's title: the stated headline (JSON-LD, meta tags, <title>) without the site's name, as the page's
own h1 confirms it."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newsflow.extract.jsonld import JsonLdArticle
from newsflow.extract.metadata import site_name
from newsflow.extract.page import PageHead
from newsflow.extract.textutil import squash, word_key, words

_TITLE_SEPARATORS_RE = re.compile(r"\s+(?:\||--|-|–|—|::|·|•|»|«|›|/|:)\s+")
_SECOND_LEVEL_LABELS = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"})


# Parts of an h1 that are not the headline: its kicker (Dachzeile) and the separator only screen readers get
# ("<span class='article-heading__kicker'>Klimaschutz</span><span class='visually-hidden'>: </span>…")
_NOT_HEADLINE_CLASS_RE = re.compile(
    r"kicker|dachzeile|spitzmarke|overline|eyebrow|topline|roofline|subheadline|flytitle|visually-hidden|sr-only"
    r"|screen-reader",
    re.I,
)
# A kicker before the headline in a stated title, the h1 showing the headline alone ("Chronik: Lotte Tobisch ist tot")
_KICKER_COLON_RE = re.compile(r"^([^:]{1,60}):\s+(.+)$")
KICKER_MAX_WORDS = 5


def _headline_text(h1: HtmlElement) -> str:
    """The h1's text without its kicker, a line break read as a space; the whole text where that would leave
    nothing."""
    parts = [h1.text or ""]
    for child in h1:
        if child.tag == "br":
            parts.append(" ")
        elif isinstance(child.tag, str) and not _NOT_HEADLINE_CLASS_RE.search(child.get("class") or ""):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    text = squash("".join(parts))
    return text if len(words(text)) >= 2 else squash(h1.text_content())


def _h1_texts(tree: HtmlElement, limit: int = 3) -> list[str]:
    """The page's first few non-empty h1s: a site's logo or name is often the first, the headline the next."""
    found: list[str] = []
    for h1 in tree.iter("h1"):
        text = _headline_text(h1)
        if text:
            found.append(text)
            if len(found) == limit:
                break
    return found


def _strip_site(title: str, sites: frozenset[str], *, known_only: bool = False) -> str:
    """``Headline | Site`` -> ``Headline``: cut a trailing (or leading) segment that names the site or (unless
    ``known_only``) is short."""
    parts = _TITLE_SEPARATORS_RE.split(title)
    if len(parts) < 2:
        return title
    seps = _TITLE_SEPARATORS_RE.findall(title)
    # strip known site names from either end first, a name with separators of its own too ("AOC media -
    # Analyse Opinion Critique")
    for n in range(1, len(parts)):
        if word_key(" ".join(parts[n:])) in sites:
            parts, seps = parts[:n], seps[: n - 1]
            break
    while len(parts) > 1 and word_key(parts[-1]) in sites:
        parts, seps = parts[:-1], seps[:-1]
    while len(parts) > 1 and word_key(parts[0]) in sites:
        parts, seps = parts[1:], seps[1:]
    # then one short trailing segment (a site or section name), when the rest is clearly the headline
    if not known_only and len(parts) > 1 and len(words(parts[-1])) <= 4 and len(words("".join(parts[:-1]))) >= 4:
        parts, seps = parts[:-1], seps[:-1]
    return _joined(parts, seps)


def _joined(parts: list[str], seps: list[str]) -> str:
    """Segments put back together with the separators that stood between them."""
    return "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(parts)).strip()


def title(
    tree: HtmlElement, head: PageHead, ld: JsonLdArticle | None, fallback: str | None, url: str | None = None
) -> str | None:
    site = site_name(head, ld)
    # the site as its name and as its address says it ("seelenradio » Nummer zwei: Leo" on seelenradio.de)
    sites = frozenset(key for key in (word_key(site or ""), *host_keys(url)) if key)
    candidates = [
        squash(html.unescape(candidate))
        for candidate in (
            ld.headline if ld else None,
            head.first("og:title", "twitter:title", "dc.title", "headline", "sailthru.title", "parsely-title"),
            head.title_tag,
        )
        if candidate and len(words(candidate)) >= 2
    ]
    h1s = _h1_texts(tree)
    confirmed = _confirmed_by_h1(candidates, h1s, sites)
    if confirmed:
        return _tidied(confirmed)
    h1 = h1s[0] if h1s else None
    if candidates:
        return _tidied(_prefer_h1(_strip_site(candidates[0], sites), h1))
    return h1 or fallback


# A separator a template left at the end with nothing after it ("Pferdesport … dabei -", "Über André Loibl |")
_DANGLING_SEPARATOR_RE = re.compile(r"\s+(?:\||-|–|—|·|•|::)$")


# A Chinese or Japanese site name set after the headline without spaces ("…需求-新华网", "…_网易新闻")
_CJK_SITE_SUFFIX_RE = re.compile(r"(?<=[\u3000-\u30ff\u3400-\u9fff\uff01-\uff5e])\s*[-_|｜]\s*[\u3400-\u9fff]{2,8}$")
CJK_HEADLINE_MIN_CHARS = 8
_CJK_CHAR_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _tidied(title: str) -> str:
    """The title without a dangling separator at its end or a Chinese site name set after it without spaces."""
    title = _DANGLING_SEPARATOR_RE.sub("", title)
    # the site after its channel ("…新台阶_科技_腾讯网"); "COVID-19 in 北京-上海" is a headline about two cities
    while (match := _CJK_SITE_SUFFIX_RE.search(title)) and (
        len(_CJK_CHAR_RE.findall(title[: match.start()])) >= CJK_HEADLINE_MIN_CHARS
    ):
        title = title[: match.start()]
    return title


def _confirmed_by_h1(candidates: list[str], h1s: list[str], sites: frozenset[str]) -> str | None:
    """The title the page's own headline confirms: a candidate the h1 shows whole, or the run of its segments
    the h1 shows, the rest naming the site or section.

    Runs at the start are tried first, for every h1, before runs at the end: "Kleine Schafskunde | Mäscot das
    Schaf – Webcomic" under the h1s "Mäscot das Schaf – Webcomic" (the site's) and "Kleine Schafskunde".
    """
    headings = [(h1, words(h1)) for h1 in h1s]
    for full in candidates:
        full_words = words(full)
        stripped = _strip_site(full, sites)
        stripped_words = words(stripped)
        for h1, h1_words in headings:
            # the headline on the page confirms a title, subtitle after a dash and all (a JSON-LD "headline"
            # can be a description: Wikipedia's says "constitutional monarchy in Oceania" for New Zealand)
            if h1_words == full_words:
                return _as_shown(_strip_site(full, sites, known_only=True), h1)
            if h1_words == stripped_words:
                return _as_shown(stripped, h1)
            # "New Zealand - Wikipedia", "Professionell entlöten – so machen Sie … – LimeSpace – IT"
            leading = _segment_run(full, h1_words, from_start=True)
            if leading and len(h1_words) >= 2:
                return _as_shown(leading, h1)
    for full in candidates:
        for stated in (full, _strip_site(full, sites)):
            kicked = _KICKER_COLON_RE.match(stated)
            if not kicked or len(words(kicked.group(1))) > KICKER_MAX_WORDS:
                continue
            for h1, h1_words in headings:
                if len(h1_words) >= 2 and words(kicked.group(2)) == h1_words:
                    return _as_shown(kicked.group(2), h1)
    for full in candidates:
        full_words = words(full)
        for h1, h1_words in headings:
            # the site's name in an h1 ("Ratschläge geben | DaF Blog"), or a composite one that names a section
            # and the site ("Enchufla Figuren - Salsa-Figuren - Rueda in Berlin"), is not the headline
            if word_key(h1) in sites or _TITLE_SEPARATORS_RE.search(h1):
                continue
            # "SONNENENERGIE | Der WindRebell": a short name before the headline, shorter than it
            trailing = _segment_run(full, h1_words, from_start=False)
            if trailing and len(h1_words) >= 2:
                rest = full_words[: len(full_words) - len(h1_words)]
                if len(rest) <= 5 and len(rest) < len(h1_words):
                    return _as_shown(trailing, h1)
    return None


# Typographic variants of the same mark, which a <title> or meta tag often writes in ASCII
_PLAIN_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                              "–": "-", "—": "-", "…": "..."})


def _as_shown(title: str, h1: str) -> str:
    """The title as the page's h1 writes it, when the two differ only in typographic marks: its dashes and quotes
    are the ones a reader sees ("Korsetts – Shops" where the <title> says "Korsetts - Shops")."""
    def plain(text: str) -> str:
        return " ".join(text.translate(_PLAIN_MARKS).split())

    return h1 if plain(h1) == plain(title) else title


def host_keys(url: str | None) -> tuple[str, ...]:
    """"sott.net" and "sott" for https://www.sott.net/article/1: the ways a title names its site by address."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.removeprefix("www.").split(".")
    if len(labels) < 2 or labels[-1].isdigit():  # no name in "127.0.0.1"
        return ()
    # the label before the public suffix: "bbc" of news.bbc.co.uk, not "news"
    second_level = len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL_LABELS
    name = labels[-3] if second_level else labels[-2]
    return word_key(".".join(labels)), word_key(name)


def _segment_run(title: str, wanted: list[str], *, from_start: bool) -> str | None:
    """The leading (or trailing) run of ``title``'s separator-split segments whose words are ``wanted``, when
    it leaves at least one segment out."""
    parts = _TITLE_SEPARATORS_RE.split(title)
    seps = _TITLE_SEPARATORS_RE.findall(title)
    for n in range(1, len(parts)):
        run = parts[:n] if from_start else parts[len(parts) - n :]
        run_seps = seps[: n - 1] if from_start else seps[len(seps) - n + 1 :]
        text = _joined(run, run_seps)
        if words(text) == wanted:
            return text
    return None


def _prefer_h1(title: str, h1: str | None) -> str:
    """When the page's h1 is one segment of a composite title (``Blog » Archive » Post``), the h1 is the title."""
    if not h1 or len(words(h1)) < 2 or h1 == title:
        return title
    h1_norm = word_key(h1)
    segments = [word_key(p) for p in _TITLE_SEPARATORS_RE.split(title)]
    return h1 if len(segments) > 1 and h1_norm in segments else title
