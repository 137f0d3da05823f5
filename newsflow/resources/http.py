"""The one HTTP fetcher for feeds and article pages.

Every GET goes through :class:`Fetcher.get`, which enforces what a crawler that reads strangers' servers
needs: http(s) only; the private-network guard on every hop (:mod:`newsflow.resources.netguard`); redirects
followed by hand so each hop is counted, loop-checked and vetted; per-host politeness shared by the whole
process (:mod:`newsflow.resources.politeness`); connect, read and whole-body deadlines; a cap on the
*decompressed* body enforced while streaming; and one mapping of every failure onto the
:mod:`newsflow.errors` tree, with the URL in each message.

A Fetcher holds a requests Session, which is not safe to share between threads: build one per thread
(politeness is process-wide regardless).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from types import TracebackType
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
import urllib3.exceptions as u3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from newsflow import __version__
from newsflow.errors import (
    BadURL,
    BlockedAddress,
    BodyTooLarge,
    ConnectFailed,
    DecodeFailed,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    RateLimited,
    TLSFailed,
    TooManyRedirects,
    TruncatedBody,
)
from newsflow.records import HttpResult
from newsflow.resources.charset import decode_html
from newsflow.resources.netguard import GuardedAdapter
from newsflow.resources.politeness import HOST_GATES
from newsflow.resources.retry_after import parse_retry_after
from newsflow.settings import Settings, get_settings

__all__ = ["Fetcher", "decode_html", "default_user_agent"]

FetchKind = Literal["feed", "page"]

ACCEPT = {
    "feed": (
        "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/feed+json;q=0.9, "
        "application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.5, text/html;q=0.2, */*;q=0.1"
    ),
    "page": "text/html, application/xhtml+xml;q=0.9, application/xml;q=0.8, */*;q=0.5",
}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECT_STATUSES = frozenset({301, 308})
_CHUNK_BYTES = 64 * 1024
_RETRY_BACKOFF_SECONDS = 0.2
_RETRY_BACKOFF_MAX_SECONDS = 2.0


def default_user_agent() -> str:
    return f"newsflow/{__version__} (+https://github.com/newsflow/newsflow)"


def _checked_url(url: str) -> str:
    """``url`` without its fragment, or BadURL when it is not an absolute http(s) URL."""
    text = url.strip() if isinstance(url, str) else ""
    try:
        parts = urlsplit(text)
        _ = parts.port  # raises ValueError on a bad port
    except ValueError as exc:
        raise BadURL(f"{url!r} is not a valid URL: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise BadURL(f"{url!r} is not an http(s) URL")
    if not parts.hostname:
        raise BadURL(f"{url!r} has no host")
    if any(ch in text for ch in "\r\n\t\x00 "):
        raise BadURL(f"{url!r} contains whitespace or control characters")
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def _where(original: str, current: str) -> str:
    """How error messages name the URL: the one asked for, and the hop that failed if it differs."""
    if current in (original, _checked_url(original)):
        return original
    return f"{original} (redirected to {current})"


def _header_safe(value: str | None) -> str | None:
    """A validator value fit to send back, or None: stored ETags can be junk a server once sent us."""
    if not value:
        return None
    if any(ch in value for ch in "\r\n\x00"):
        return None
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return value


def _location(response: requests.Response) -> str | None:
    raw = response.headers.get("location")
    if not raw:
        return None
    try:
        # http.client decodes header bytes as latin-1; servers mostly send UTF-8.
        return raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return raw


def _lower_headers(response: requests.Response) -> dict[str, str]:
    headers = {name.lower(): value for name, value in response.headers.items()}
    if headers.get("content-encoding", "identity").strip().lower() != "identity":
        # The body we return is decoded, so the wire encoding and length no longer describe it.
        headers.pop("content-encoding", None)
        headers.pop("content-length", None)
    return headers


def connection_retry_policy(retries: int) -> Retry:
    """Retry connection failures only: a 429/503 must reach the caller so the feed is rescheduled."""
    return Retry(
        total=retries,
        connect=retries,
        read=False,
        redirect=False,
        status=0,
        other=0,
        allowed_methods=frozenset({"GET"}),
        status_forcelist=(),
        backoff_factor=_RETRY_BACKOFF_SECONDS,
        backoff_max=_RETRY_BACKOFF_MAX_SECONDS,
        respect_retry_after_header=False,
        raise_on_redirect=False,
        raise_on_status=False,
    )


def _map_request_error(exc: requests.RequestException, url: str) -> FetchError:
    """The newsflow error for a requests exception raised while sending a request."""
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return FetchTimeout(f"{url}: connect timed out ({detail})")
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return FetchTimeout(f"{url}: timed out waiting for the response ({detail})")
    if isinstance(exc, requests.exceptions.SSLError):
        return TLSFailed(f"{url}: TLS failed ({detail})")
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return TruncatedBody(f"{url}: body ended early ({detail})")
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return DecodeFailed(f"{url}: could not decode the body ({detail})")
    if isinstance(
        exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema)
    ):
        return BadURL(f"{url}: {detail}")
    if isinstance(exc, requests.exceptions.ConnectionError):
        return ConnectFailed(f"{url}: could not connect ({detail})")
    return FetchError(f"{url}: request failed ({detail})")


def _map_body_error(exc: Exception, url: str) -> FetchError:
    """The newsflow error for a urllib3 exception raised while streaming a body."""
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, u3.ReadTimeoutError):
        return FetchTimeout(f"{url}: timed out reading the body ({detail})")
    if isinstance(exc, u3.DecodeError):
        return DecodeFailed(f"{url}: could not decode the body ({detail})")
    if isinstance(exc, u3.SSLError):
        return TLSFailed(f"{url}: TLS failed while reading the body ({detail})")
    if isinstance(exc, (u3.ProtocolError, u3.IncompleteRead)):
        return TruncatedBody(f"{url}: body ended early ({detail})")
    return ConnectFailed(f"{url}: connection failed while reading the body ({detail})")


class Fetcher:
    """GETs feeds and pages under the guard, politeness and limits of a :class:`Settings`."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings if settings is not None else get_settings()
        self._session = self._build_session()

    def _build_session(self) -> requests.Session:
        settings = self.settings
        session = requests.Session()
        # Environment proxies would route around the guard (it would vet the proxy, not the target).
        session.trust_env = False
        session.verify = True
        adapter_class = HTTPAdapter if settings.allow_private_networks else GuardedAdapter
        adapter = adapter_class(max_retries=connection_retry_policy(settings.retries))
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers.clear()
        session.headers.update(
            {
                "User-Agent": settings.user_agent or default_user_agent(),
                "Accept-Encoding": "gzip, deflate",
            }
        )
        return session

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        kind: FetchKind = "feed",
    ) -> HttpResult:
        """GET ``url``, following redirects; raises a :class:`newsflow.errors.FetchError` subclass."""
        current = _checked_url(url)
        headers = {"Accept": ACCEPT.get(kind, ACCEPT["feed"])}
        if (validator := _header_safe(etag)) is not None:
            headers["If-None-Match"] = validator
        if (validator := _header_safe(last_modified)) is not None:
            headers["If-Modified-Since"] = validator

        seen = {current}
        redirects = 0
        permanent_url: str | None = None
        chain_permanent = True
        started: float | None = None
        while True:
            with self._host_slot(current):
                if started is None:
                    # The clock starts once politeness lets us go: queueing behind other requests to the
                    # same host is not the server's slowness.
                    started = time.monotonic()
                deadline = started + self.settings.total_timeout
                response = self._send(_where(url, current), current, headers, deadline)
                try:
                    status = response.status_code
                    location = _location(response) if status in REDIRECT_STATUSES else None
                    if location is None:
                        return self._finish(url, current, response, deadline, started, permanent_url)
                finally:
                    response.close()
            target = self._redirect_target(url, current, location)
            if target in seen:
                raise TooManyRedirects(f"{url}: redirect loop: {current} redirected back to {target}")
            redirects += 1
            if redirects > self.settings.max_redirects:
                raise TooManyRedirects(
                    f"{url}: more than {self.settings.max_redirects} redirects (last hop {current} -> {target})"
                )
            if chain_permanent and status in PERMANENT_REDIRECT_STATUSES:
                permanent_url = target
            else:
                chain_permanent = False
            seen.add(target)
            current = target

    @contextmanager
    def _host_slot(self, url: str) -> Iterator[None]:
        host = urlsplit(url).hostname or ""
        gate = HOST_GATES.gate(host, self.settings.per_host_concurrency)
        with gate.slot(self.settings.per_host_interval):
            yield

    @staticmethod
    def _redirect_target(original: str, current: str, location: str) -> str:
        try:
            return _checked_url(urljoin(current, location))
        except BadURL as exc:
            raise BadURL(f"{original}: {current} redirected to an unusable URL: {exc}") from exc

    def _send(self, where: str, url: str, headers: Mapping[str, str], deadline: float) -> requests.Response:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchTimeout(f"{where}: total timeout of {self.settings.total_timeout}s spent before this hop")
        timeout = (min(self.settings.connect_timeout, remaining), min(self.settings.read_timeout, remaining))
        try:
            return self._session.get(url, headers=dict(headers), timeout=timeout, stream=True, allow_redirects=False)
        except BlockedAddress as exc:
            raise BlockedAddress(f"{where}: {exc.message}") from exc
        except requests.RequestException as exc:
            raise _map_request_error(exc, where) from exc
        except (u3.LocationParseError, UnicodeError) as exc:
            raise BadURL(f"{where}: {type(exc).__name__}: {exc}") from exc

    def _finish(
        self,
        original: str,
        final: str,
        response: requests.Response,
        deadline: float,
        started: float,
        permanent_url: str | None,
    ) -> HttpResult:
        """Turn the last hop's response into a result, or raise for its status."""
        status = response.status_code
        where = _where(original, final)
        if status == 304:
            return HttpResult(
                url=original,
                final_url=final,
                status=304,
                headers=_lower_headers(response),
                not_modified=True,
                elapsed_ms=(time.monotonic() - started) * 1000,
                permanent_redirect_url=permanent_url,
            )
        retry_after_header = response.headers.get("retry-after")
        if status == 429 or (status == 503 and retry_after_header is not None):
            retry_after = parse_retry_after(retry_after_header)
            raise RateLimited(
                f"{where}: rate limited (HTTP {status}, Retry-After {retry_after_header!r})",
                retry_after=retry_after,
                status=status,
            )
        if status >= 400:
            raise HTTPStatusError(f"{where}: HTTP {status} {response.reason or ''}".rstrip(), status=status)
        if not 200 <= status < 300:
            raise HTTPStatusError(f"{where}: unexpected HTTP {status} (no usable Location)", status=status)
        body = self._read_body(where, response, deadline)
        return HttpResult(
            url=original,
            final_url=final,
            status=status,
            headers=_lower_headers(response),
            body=body,
            elapsed_ms=(time.monotonic() - started) * 1000,
            permanent_redirect_url=permanent_url,
        )

    def _read_body(self, where: str, response: requests.Response, deadline: float) -> bytes:
        """Stream the decompressed body under the size cap and the overall deadline."""
        cap = self.settings.max_body_bytes
        declared = response.headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > cap:
            raise BodyTooLarge(f"{where}: Content-Length {declared} exceeds the cap of {cap} bytes")
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchTimeout(f"{where}: total timeout of {self.settings.total_timeout}s reached")
        raw = response.raw
        expired = threading.Event()

        def cut_off() -> None:
            # A body trickling a byte at a time never trips the per-read timeout; shutting the socket
            # down wakes the blocked read, and the flag says why it ended.
            expired.set()
            with suppress(ValueError, RuntimeError, OSError):
                raw.shutdown()

        watchdog = threading.Timer(remaining, cut_off)
        watchdog.daemon = True
        watchdog.start()
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in raw.stream(_CHUNK_BYTES, decode_content=True):
                size += len(chunk)
                if size > cap:
                    raise BodyTooLarge(f"{where}: body exceeds the cap of {cap} bytes (decompressed)")
                chunks.append(chunk)
        except (u3.HTTPError, OSError) as exc:
            if expired.is_set():
                raise self._deadline_error(where) from exc
            raise _map_body_error(exc, where) from exc
        finally:
            watchdog.cancel()
        if expired.is_set():
            raise self._deadline_error(where)
        return b"".join(chunks)

    def _deadline_error(self, where: str) -> FetchTimeout:
        return FetchTimeout(f"{where}: body not complete within the total timeout of {self.settings.total_timeout}s")
