"""The author named in the page's byline, for pages whose metadata names nobody.

Candidates are the markers trafilatura's author XPaths look for (``rel=author``, ``itemprop=author``, byline and
author classes), tried tier by tier, outside comment lists, sidebars, figures and dates. Where a tier finds
several, the one nearest after the headline wins: a teaser's author comes earlier, or later than the article's.
"""

from __future__ import annotations

import re

from lxml.etree import Element as _ELEMENT
from lxml.etree import _Element
from lxml.html import HtmlElement

from newsflow.extract.textutil import squash, words

MAX_BYLINE_CHARS = 120
# Raw text (indentation and all) read from a candidate before it is taken for a container, not a byline
RAW_TEXT_LIMIT = 4000
# Elements whose text is never part of a byline's name: a date, a picture, code
_SKIPPED_TAGS = frozenset({"time", "figure", "script", "style", "noscript", "svg", "button"})
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    "september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|"
    "mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|"
    "agosto|septiembre|octubre|noviembre|diciembre"
)
# A date or time after the name ("By Nathan Willis March 22, 2017", "Aleš Vávra před 5 hodinami")
_DATE_TAIL_RE = re.compile(rf"(?:\s+(?:{_MONTHS})\.?)?\s+\d.*$", re.I)
_LOWER_TAIL_RE = re.compile(r"(?:\s+[a-zà-ÿ]\w*)+$")
# The label of the date that was cut after the name ("Sara Zinnecker Stand: 12.01.2022")
_DATE_LABEL_TAIL_RE = re.compile(
    r"(?:^|\s+)(?:Stand|(?:Last\s+)?Updated|Aktualisiert|Actualizado|Mis à jour)\W*$", re.I
)
# A separator the byline's row puts before it ("05.01.2020 | Autor: gnaddrig"), or between two labels
# ("Text und Interview: Harald Willenbrock")
_LEADING_SEPARATOR_RE = re.compile(r"^(?:[\s|/·•–—&-]|(?:und|and)\b)+", re.I)
_TRAILING_SEPARATOR_RE = re.compile(r"[\s|/·•»–—-]+$")
# A date and time before the label ("Wednesday January 18, 2017 11:44 am PST by Juli Clover"): a digit, then "by"
_DATE_BEFORE_LABEL_RE = re.compile(r"^.*\d.*?\s(?:by|von|par|por)\s+(?=\S)", re.I)
# Links to the writer's profiles after the name ("Alyssa Newcomb Twitter Email")
_PROFILE_LINKS_TAIL_RE = re.compile(
    r"(?:\s+(?:Twitter|Email|E-Mail|Facebook|Instagram|LinkedIn|Follow|Mail|RSS|Bio|X))+$", re.I
)
# Who else worked on the piece, after the writer ("Rob Ewaschuk Edited by Betsy Beyer"): not an author
_CONTRIBUTOR_TAIL_RE = re.compile(
    r"\s+(?:edited|reviewed|fact[- ]checked|illustrated|photographed|photos|additional reporting)\s+by\b.*$", re.I
)
# The writer's place after the name in a German byline ("Von Markus Balser, Berlin"): one capitalised word (an
# English "By Ana Ruiz, Reuters" names the agency there)
_PLACE_TAIL_RE = re.compile(r"(?<=\w)\s*,\s*[A-ZÀ-Þ][a-zà-ÿ]+\.?$")
# The writer's e-mail address beside the name ("Jenny Staletovich jstaletovich@miamiherald.com")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The writer's outlet or address after a separator ("Pete Evans · CBC News", "Mike Cason | mcason@al.com")
_AFFILIATION_TAIL_RE = re.compile(r"^(?P<name>[^\d|·•]*[^\W\d_][^\d|·•]*?)\s+[|·•]\s+.*$")
# A forum or blog user name with digits in it ("freeman1984", "Bo2man", "r23")
_HANDLE_RE = re.compile(r"[^\W\d_][\w.-]*\d[\w.-]*")
# A site's address in a credit line, which normalize_authors would title-case apart ("Hessenschau De")
_DOMAIN_RE = re.compile(r"\b[\w-]+\.(?:com|org|net|de|at|ch|fr|it|es|nl|pl|eu|info|co\.uk|uk)\b", re.I)
# Labels before the name: "View all posts by", "Post author By", "Zeige alle Beiträge von", "Auteur", "Vom"
_LABEL_RE = re.compile(
    r"^(?:(?:view|see) all (?:posts|articles|stories) by|(?:zeige )?alle (?:beiträge|artikel|posts) (?:von|vom)|"
    r"post author|posted by|written by|published by|submitted by|(?:artikel|beitrag|ein beitrag) von|zum profil von|"
    r"publié par|publicado por|pubblicato da|(?:publiziert|veröffentlicht) am|(?:posted|published) on|"
    r"recipe by|autor(?:in|/in|\*in|:in)?|author|auteur|autore|quelle|source|interview|text|von|vom|by|par|por|di|"
    r"door)\b[\s:]*",
    re.I,
)
# Words that fill an author slot in a template without naming anyone
_NOT_NAMES = frozenset({
    "name", "follow", "posted", "datum", "date", "admin", "administrator", "no author", "author", "autor",
    "auteur", "username", "user", "anonymous", "guest", "unknown", "submitted", "published", "updated",
    "wordpressadmin", "webmaster", "quelle", "source",
})
# What follows a name in a byline without being one: a degree, a role ("Ben Silverman Games Editor", "Sam Stein
# Senior Politics Editor")
_CREDENTIAL_RE = re.compile(r"^(?:MA|MD|PhD|MS|MSc|BA|BSc|RN|DO|JD|MBA|MPH|Dr)\.?$")
_ROLE_TAIL_RE = re.compile(
    r"(?:\s+[A-Z][\w-]*)?(\s+)(?:Staff|Editor|Writer|Reporter|Correspondent|Columnist|Contributor|Producer|"
    r"Journalist(?:in)?|Redakteur(?:in)?|Chefredakteur(?:in)?|Philosophe|Rédacteur|Rédactrice|Periodista)$"
)
_ROLE_QUALIFIERS = frozenset({
    "senior", "chief", "managing", "executive", "deputy", "associate", "contributing", "staff", "special", "political",
    "politics", "national", "foreign", "sports", "tech", "technology", "science", "business", "features", "news",
    "digital", "health", "entertainment", "culture", "opinion", "investigative", "global", "white", "house",
})
_ROLE_RE = re.compile(
    r"^(?:(?:staff|senior|contributing|special|chief|associate|deputy)\s+)?"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor)s?$",
    re.I,
)
# Comment threads and forms name their commenters, never the article's author: a class or id that is about
# comments ("comments", "comment-list", "wpd-comment"), not one that merely ends in the word (observer.com's byline
# row "entry-meta nyo-social-comments", which holds the comment count)
_COMMENT_RE = re.compile(r"(?:^|[\s_])(?:[a-z]{1,4}-)?(?:comment|respond|reply|kommentar)", re.I)
# A link to the article's tag or category page (rel="tag", rel="category tag"): a topic, never a name
_TAG_LINK_RE = re.compile(r"(?:^|\s)(?:tag|category)(?:\s|$)", re.I)
# trafilatura's AUTHOR_XPATHS and AUTHOR_DISCARD_XPATHS as attribute tests: the same markers, found in one pass
# over the tree where the XPaths take five (about 5 ms a page)
_TIER0_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_TIER0_CLASS_RE = re.compile(r"author-?name|AuthorName|authorName")
_TIER1_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_TIER1_ID_RE = re.compile(r"author|zuozhe|bianji|xiaobian")
_TIER1_CLASS_RE = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_TIER2_ID_RE = re.compile(r"[Aa]uthor")
_TIER2_CLASS_RE = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID_RE = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS_RE = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)|"
    r"print|category(?!-)|meta-date|meta-reviewer|"
    # a shop's product-review widget (Judge.me's "jdgm-review-widget") names its reviewers
    r"review-widget|product_reviews"
)


def byline_authors(tree: HtmlElement, headline: str | None = None) -> list[str]:
    """Author names from the byline nearest after the headline (the h1 showing ``headline``, else the first h1)."""
    tiers: list[list[tuple[int, _Element]]] = [[], [], []]
    h1s: list[tuple[int, _Element, bool]] = []  # (position, element, shows the headline)
    wanted = words(headline or "")
    for position, el in enumerate(tree.iter(_ELEMENT)):
        if el.tag == "h1":
            h1s.append((position, el, bool(wanted) and words(el.text_content()) == wanted))
            continue
        tier = _tier(el)
        if tier is not None:
            tiers[tier].append((position, el))
    headline_h1 = next(((pos, el) for pos, el, shows in h1s if shows), h1s[0][:2] if h1s else None)
    anchor = headline_h1[0] if headline_h1 else -1
    # the elements around the headline are the page's layout, whatever their classes say ("right-sidebar",
    # "has-comments"): they hold the article, not a sidebar or a comment thread
    layout = frozenset(headline_h1[1].iterancestors()) if headline_h1 else frozenset()
    for found in tiers:
        # the nearest after the headline first, then those before it from the nearest back
        ordered = [el for pos, el in found if pos > anchor] + [el for pos, el in reversed(found) if pos < anchor]
        for el in ordered:
            text = None if _inside(el, layout) else _byline_text(el)
            names = byline_names(text) if text else []
            if names:
                return names
    return []


def _tier(el: _Element) -> int | None:
    """How specific an author marker the element is (0 most), as trafilatura's three AUTHOR_XPATHS rank it."""
    cls, ident, itemprop = el.get("class") or "", el.get("id") or "", el.get("itemprop") or ""
    if not (cls or ident or itemprop or el.get("rel") or el.get("data-testid") or el.get("data-component")):
        return 0 if el.tag == "author" else None
    tag = el.tag
    if tag in _TIER0_TAGS and (
        el.get("rel") == "author" or ident == "author" or cls == "author" or itemprop == "author name"
        or el.get("data-testid") in ("AuthorCard", "AuthorURL") or _TIER0_CLASS_RE.search(cls)
    ):
        return 0
    if tag in _TIER1_TAGS and (
        cls in ("byline", "username", "byl", "BBL") or "author" in itemprop
        or _TIER1_ID_RE.search(ident) or _TIER1_CLASS_RE.search(cls)
    ):
        return 1
    if (
        "Byline" in (el.get("data-component") or "") or "author" in itemprop
        or _TIER2_ID_RE.search(ident) or _TIER2_CLASS_RE.search(cls)
    ):
        return 2
    return None


def _discarded(el: _Element) -> bool:
    """Not a byline's place: comments and forms, sidebars, titles, dates, figures, share and print bars, the
    publisher."""
    tag = el.tag
    if tag in _SKIPPED_TAGS or tag == "form":
        return True
    cls, ident = el.get("class") or "", el.get("id") or ""
    # the page's own classes say what the page has ("has-comments", "comments-open"), not where the byline is
    if tag not in ("html", "body") and (_COMMENT_RE.search(cls) or _COMMENT_RE.search(ident)):
        return True
    if tag == "a" and _TAG_LINK_RE.search(el.get("rel") or ""):
        return True  # the article's tags or category, set in the byline's row
    if el.get("itemprop") == "publisher":
        return True  # the outlet the writer works for, set beside the name (today.com's "byline-affiliation")
    return tag in _DISCARD_TAGS and (
        cls in ("title", "date") or _DISCARD_ID_RE.search(ident) is not None or _DISCARD_CLASS_RE.search(cls)
        is not None or "Figure" in (el.get("data-component") or "")
    )


# A link holding this many words around an author's name is a teaser card for another article (lemonde.fr's
# "article--nav": its title, its writer's name and description), not a link to the writer's page
TEASER_LINK_WORDS = 15


def _inside(element: _Element, layout: frozenset[_Element] = frozenset()) -> bool:
    """Whether ``element`` is, or sits in, a place no byline is: see ``_discarded``, and a teaser card."""
    if _discarded(element):
        return True
    for ancestor in element.iterancestors():
        if ancestor.tag == "a" and len(ancestor.text_content().split()) >= TEASER_LINK_WORDS:
            return True
        if ancestor not in layout and _discarded(ancestor):
            return True
    return False


def _byline_text(element: _Element) -> str | None:
    """The element's text without its dates, figures and other skipped parts; None when too long for a byline."""
    parts: list[str] = []
    length = 0
    # depth first, without recursion: (node, False) reads a node's text and children, (node, True) its tail
    stack: list[tuple[_Element, bool]] = [(element, False)]
    while stack:
        node, tail = stack.pop()
        if tail:
            text = node.tail
        elif node is element or (isinstance(node.tag, str) and not _discarded(node)):
            text = node.text
            stack.extend((child, done) for child in reversed(node) for done in (True, False))
        else:
            continue  # a date, figure or comment: its words are not the name, its tail may be
        if text:
            # pieces are parted by a space, as the elements around them part them on screen, except a letter or
            # two set apart inside a word (Condé Nast's "Elli<span class="…last-letter-spacing">s</span>")
            glued = parts and _is_letter_piece(node, tail) and parts[-1][-1:].isalnum() and text[:1].isalnum()
            parts.append(text if glued or not parts else " " + text)
            length += len(text)
            if length > RAW_TEXT_LIMIT:
                return None  # a container, not a byline: no need to read it all
    text = squash("".join(parts))
    return text if 2 < len(text) < MAX_BYLINE_CHARS else None


_INLINE_TAGS = frozenset({"span", "a", "b", "i", "em", "strong", "small", "font"})


def _is_letter_piece(node: _Element, tail: bool) -> bool:
    """Whether ``node`` is an inline element holding a letter or two of a word, for its text or its tail."""
    return node.tag in _INLINE_TAGS and len(node) == 0 and 0 < len((node.text or "").strip()) <= 2 and (
        tail or node.text == (node.text or "").strip()
    )


def byline_names(text: str) -> list[str]:
    """The names in a byline's text, its labels ("By", "Text:"), roles and the date after it left out."""
    from trafilatura.json_metadata import AUTHOR_SPLIT, normalize_authors

    german = text.lstrip().lower().startswith("von ")
    for _ in range(2):  # "Text & Interview: Harald Willenbrock" has two labels
        text = _LABEL_RE.sub("", _LEADING_SEPARATOR_RE.sub("", text))
    text = _DATE_BEFORE_LABEL_RE.sub("", _EMAIL_RE.sub("", text))
    text = _PROFILE_LINKS_TAIL_RE.sub("", _AFFILIATION_TAIL_RE.sub(r"\g<name>", text))
    text = _CONTRIBUTOR_TAIL_RE.sub("", text)
    placed = _PLACE_TAIL_RE.search(text) if german else None
    if placed and len(text[: placed.start()].split()) >= 2:
        text = text[: placed.start()]
    undated = _DATE_TAIL_RE.sub("", text)
    if undated != text:  # the words left just before a date are a preposition ("on", "před"), not a name
        text = _DATE_LABEL_TAIL_RE.sub("", _LOWER_TAIL_RE.sub("", undated))
    text = _TRAILING_SEPARATOR_RE.sub("", text)
    if _HANDLE_RE.fullmatch(text):
        return [text]  # a user name as written: normalize_authors would cut its digits ("r23" -> "R")
    if has_web_address(text):
        # a credit naming a site ("hessenschau.de/bb", "Max Muster, t-online.de"): its parts as written
        return [part for part in (p.strip() for p in re.split(r"[,;]", text)) if is_name(part)]
    # a piece that reads as a description is left out before normalize_authors title-cases it into a name
    # ("Martin is a full-stack engineer and has worked as …" -> "Has Worked As A Professional Python")
    pieces = [piece for piece in AUTHOR_SPLIT.split(text) if not _is_description(piece.strip())]
    joined = normalize_authors(None, ";".join(pieces)) or ""
    names = [_without_role(n.strip()) for n in joined.split(";") if not _ROLE_RE.match(n.strip())]
    return [_initials_as_written(name, text) for name in names if is_name(name) and not _is_description(name)]


def _initials_as_written(name: str, text: str) -> str:
    """The name with the full stops of its initials, which normalize_authors turns into spaces: "Boris T.
    Kaiser", "T. V. Raman", "Juan Carlos Muñoz C." as the byline writes them."""
    parts = name.split()
    if not any(len(part) == 1 and part.isupper() for part in parts):
        return name
    pattern = r"\s*".join(
        re.escape(part) + (r"\.?" if len(part) == 1 and part.isupper() else "") for part in parts
    )
    match = re.search(rf"(?<!\w){pattern}(?!\w)", text)
    return " ".join(match.group(0).split()) if match else name


def has_web_address(text: str) -> bool:
    """A site's address in the text ("hessenschau.de/bb", "Max Muster, t-online.de"): a site, not a person."""
    return bool(_DOMAIN_RE.search(text))


def _is_description(text: str) -> bool:
    """A byline that runs on into its writer's description ("Professeur de philosophie politique à l’Université
    Bordeaux-Montaigne"): four words or more, most of them lowercase ("Alejandro de la Garza" is two of four)."""
    parts = text.split()
    lowercase = sum(1 for part in parts if part[0].islower())
    return len(parts) >= 4 and lowercase > len(parts) - lowercase


def _without_role(name: str) -> str:
    """"Ben Silverman Games Editor" -> "Ben Silverman", "Sam Stein Senior Politics Editor" -> "Sam Stein". Words
    that qualify a role ("Senior", "Politics") go with it while a name of two words is left; otherwise one
    capitalised word before the role goes with it only where a name of two words is left ("Christoph Hein
    Chefredakteur" keeps "Hein", "Anna Lena Maier Senior Editor" keeps "Maier")."""
    match = _ROLE_TAIL_RE.search(name)
    if match is None:
        return name
    kept = name[: match.start(1)].split()
    qualified = False
    while len(kept) > 2 and kept[-1].casefold() in _ROLE_QUALIFIERS:
        kept.pop()
        qualified = True
    if not qualified and match.start() < match.start(1) and len(kept) > 2:
        kept.pop()
    return " ".join(kept)


def is_name(name: str) -> bool:
    """False for what fills an author slot without naming anyone: a template word ("admin", "No Author") or a
    degree split off the name before it ("Grant Tinsley, PhD")."""
    return bool(name) and name.casefold() not in _NOT_NAMES and not _CREDENTIAL_RE.match(name)
