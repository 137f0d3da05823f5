"""The one exception tree of newsflow, each class with a stable code.

Codes are what users see: they are stored on a feed's row (``last_error_code``), on each fetch attempt, and
printed in ``--json`` summaries. They never change meaning once released.

    NewsflowError                 newsflow.error
    ├── InputError                input.invalid          bad CLI arguments or input files (exit 2)
    ├── FetchError                fetch.error            anything that kept us from getting the bytes
    │   ├── FetchTimeout          fetch.timeout          connect or read timeout, or a body that trickles
    │   ├── ConnectFailed         fetch.connect          refused, reset, DNS failure
    │   ├── TLSFailed             fetch.tls              certificate or handshake problem
    │   ├── BadURL                fetch.bad_url          not an http(s) URL, or unparsable
    │   ├── BlockedAddress        fetch.blocked_address  resolves to loopback/private/link-local (guard on)
    │   ├── TooManyRedirects      fetch.too_many_redirects  redirect cap hit, or a redirect loop
    │   ├── BodyTooLarge          fetch.too_large        decompressed body over the cap
    │   ├── TruncatedBody         fetch.truncated        fewer bytes arrived than Content-Length promised
    │   ├── DecodeFailed          fetch.decode           broken Content-Encoding (bad gzip/deflate)
    │   ├── RateLimited           fetch.rate_limited     429, or 503 with Retry-After; carries retry_after
    │   └── HTTPStatusError       fetch.http_<status>    any other 4xx/5xx, e.g. fetch.http_404, fetch.http_410
    ├── ParseError                parse.error
    │   ├── EmptyDocument         parse.empty            no bytes at all
    │   ├── NotAFeed              parse.not_a_feed       HTML, binary or anything that yields no feed
    │   └── UnsafeDocument        parse.unsafe_xml       entity expansion or external entities refused
    ├── ExtractError              extract.error
    │   └── NoMainText            extract.no_text        nothing that looks like an article body
    ├── StoreError                store.error
    │   ├── StoreUnreachable      store.unreachable      cannot connect or migrate
    │   └── SchemaOutOfDate       store.schema           the store needs ``newsflow init``
    └── EntityModelMissing        entities.no_model      none of the configured spaCy packages imports

Transient errors (worth a retry in the same run) have ``transient = True``.
"""

from __future__ import annotations


class NewsflowError(Exception):
    """Base of every error newsflow raises on purpose."""

    code = "newsflow.error"
    transient = False

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class InputError(NewsflowError):
    """Raised for bad command-line arguments or unreadable/invalid input files."""

    code = "input.invalid"


class FetchError(NewsflowError):
    """Raised when a URL could not be fetched."""

    code = "fetch.error"


class FetchTimeout(FetchError):
    """Raised on a connect or read timeout, or when the whole body takes longer than allowed."""

    code = "fetch.timeout"
    transient = True


class ConnectFailed(FetchError):
    """Raised when the connection is refused or reset, or the host name does not resolve."""

    code = "fetch.connect"
    transient = True


class TLSFailed(FetchError):
    """Raised on certificate verification or TLS handshake failure."""

    code = "fetch.tls"


class BadURL(FetchError):
    """Raised for a URL that is not absolute http(s)."""

    code = "fetch.bad_url"


class BlockedAddress(FetchError):
    """Raised when a host resolves to a loopback, private or link-local address and the guard is on."""

    code = "fetch.blocked_address"


class TooManyRedirects(FetchError):
    """Raised when the redirect cap is hit or a redirect loops back to a URL already visited."""

    code = "fetch.too_many_redirects"


class BodyTooLarge(FetchError):
    """Raised when the decompressed body exceeds the configured cap."""

    code = "fetch.too_large"


class TruncatedBody(FetchError):
    """Raised when the connection closes before Content-Length bytes arrived."""

    code = "fetch.truncated"
    transient = True


class DecodeFailed(FetchError):
    """Raised when the Content-Encoding cannot be decoded (corrupt gzip or deflate)."""

    code = "fetch.decode"


class RateLimited(FetchError):
    """Raised on 429, or 503 with Retry-After; ``retry_after`` is seconds to wait (or None)."""

    code = "fetch.rate_limited"

    def __init__(self, message: str, *, retry_after: float | None = None, status: int = 429) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class HTTPStatusError(FetchError):
    """Raised for an error status not covered above; the code names it: ``fetch.http_404``."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message, code=f"fetch.http_{status}")
        self.status = status
        self.transient = status >= 500


class ParseError(NewsflowError):
    """Raised when fetched bytes cannot be read as what we expected."""

    code = "parse.error"


class EmptyDocument(ParseError):
    """Raised when the body is empty."""

    code = "parse.empty"


class NotAFeed(ParseError):
    """Raised when the body is not an RSS/Atom/RDF/JSON feed (an HTML page, an image, garbage)."""

    code = "parse.not_a_feed"


class UnsafeDocument(ParseError):
    """Raised when a document uses XML entity expansion or external entities, which we refuse."""

    code = "parse.unsafe_xml"


class ExtractError(NewsflowError):
    """Raised when an article page yields no usable text."""

    code = "extract.error"


class NoMainText(ExtractError):
    """Raised when neither the page nor the feed gives an article body."""

    code = "extract.no_text"


class StoreError(NewsflowError):
    """Raised for database problems."""

    code = "store.error"


class StoreUnreachable(StoreError):
    """Raised when the store cannot be connected to or migrated."""

    code = "store.unreachable"
    transient = True


class SchemaOutOfDate(StoreError):
    """Raised when the store's schema is older than this version: run ``newsflow init``."""

    code = "store.schema"


class EntityModelMissing(NewsflowError):
    """Raised when none of the configured spaCy model packages can be imported."""

    code = "entities.no_model"


def error_code(exc: BaseException) -> str:
    """The stable code for any exception; unexpected ones are ``internal.<ClassName>``."""
    if isinstance(exc, NewsflowError):
        return exc.code
    return f"internal.{type(exc).__name__}"


_TRANSIENT_CODES = {"fetch.timeout", "fetch.connect", "fetch.truncated", "fetch.rate_limited", "store.unreachable"}


def is_transient_code(code: str | None) -> bool:
    """Whether an error with this stored code may go away by itself (worth trying again next run)."""
    if not code:
        return False
    if code in _TRANSIENT_CODES:
        return True
    return code.startswith("fetch.http_5")
