"""Tell a bot challenge or a paywall from an article: the page is that, not the text, when the body is a stub."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from newsflow.extract.jsonld import JsonLdArticle
from newsflow.extract.page import PageHead
from newsflow.extract.textutil import ends_cut_off

_CHALLENGE_TITLE_RE = re.compile(
    r"^(?:just a moment|attention required|access denied|access to this page has been denied|"
    r"are you a robot|pardon our interruption|security check|verify you are human|one more step|"
    r"please verify you are a human|bot verification|ddos-guard|checking your browser|robot check)\b",
    re.I,
)
# The patterns searched in the page's markup or text are lowercase and run on the lowercased string: with
# re.I, Python's re is several times slower on a long string (11 ms a page against 1.4 for the markup)
_CHALLENGE_MARKUP_RE = re.compile(
    r"cf-browser-verification|cf_chl_|challenge-platform|cf-turnstile|captcha-delivery\.com|px-captcha|"
    r"_incapsula_resource|incapsula incident id|perimeterx|geo\.captcha-delivery|"
    r"checking (?:if the site connection is secure|your browser before accessing)|"
    r"enable javascript and cookies to continue|please enable js and disable any ad blocker|"
    r"why have i been blocked|you have been blocked|request unsuccessful\. incapsula|"
    r"automated access to this page|unusual traffic from your computer",
)
_PAYWALL_TEXT_RE = re.compile(
    r"subscribe (?:now )?to (?:continue|keep) reading|subscribe to read|to continue reading,? (?:please )?"
    r"(?:subscribe|log ?in|sign in)|this (?:article|story|content) is (?:only )?(?:available|reserved|exclusive) "
    r"(?:to|for) (?:subscribers|members)|already a subscriber\??|subscribers only|for subscribers|"
    r"create a free account to (?:continue|read)|you(?:'|’)ve (?:reached|used) (?:your|all of your) "
    r"(?:free )?(?:article|story) limit|become a (?:member|subscriber) to (?:read|continue)|unlock this article|"
    r"dieser (?:artikel|beitrag) ist (?:nur )?für abonnenten|jetzt weiterlesen mit|weiterlesen mit \w+\+|"
    r"réservé aux abonnés|article réservé|la suite est réservée|contenido exclusivo para suscriptores|"
    r"exclusivo para assinantes|riservato agli abbonati|pour lire la suite|to (?:view|read) the (?:full|whole) "
    r"(?:story|article)|please subscribe to\b|lesen sie (?:jetzt )?weiter mit",
)

_PAYWALL_META = {"locked", "metered", "premium", "subscriber", "subscription", "paid"}
# A body shorter than this, with a paywall or challenge sign on the page, is a stub rather than the article.
STUB_WORDS = 200
CHALLENGE_WORDS = 120
# A body that breaks off with an ellipsis mid-word, with a paywall sign on the page, is a paywall's teaser up to
# this length; a longer one is an article that happens to end on an ellipsis
CUT_OFF_WORDS = 1000


def is_blocked(tree: HtmlElement, head: PageHead, html: str, body_words: int) -> bool:
    if body_words >= CHALLENGE_WORDS:
        return False
    if head.title_tag and _CHALLENGE_TITLE_RE.search(head.title_tag):
        return True
    return bool(_CHALLENGE_MARKUP_RE.search(html[:200_000].lower()))


def is_cut_off(paragraphs: list[str]) -> bool:
    """The text stops mid-sentence with an ellipsis, as paywalls cut their teasers."""
    return bool(paragraphs) and ends_cut_off(paragraphs[-1])


def is_paywalled(
    tree: HtmlElement,
    head: PageHead,
    ld: JsonLdArticle | None,
    page_text: Callable[[], str],
    body_words: int,
    *,
    cut_off: bool,
    scrambled: bool = False,
) -> bool:
    """A paywall sign on a page whose body is a stub (or a teaser ``cut_off`` with an ellipsis).

    ``page_text`` renders the page's visible text; it is called last, only when the cheaper signs are silent.
    ``scrambled``: the page ships the rest of the article scrambled for subscribers, a paywall whatever is left.
    """
    if scrambled:
        return True
    if body_words >= (CUT_OFF_WORDS if cut_off else STUB_WORDS):
        return False
    if ld is not None and ld.free is False:
        return True
    tier = (head.first("article:content_tier", "content_tier", "article:access") or "").lower()
    if tier in _PAYWALL_META:
        return True
    return bool(_PAYWALL_TEXT_RE.search(page_text().lower()))
