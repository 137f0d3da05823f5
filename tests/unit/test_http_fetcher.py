"""Fetcher against a real HTTP server on 127.0.0.1: bodies, validators, statuses, redirects, headers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from pytest_httpserver import HTTPServer

from newsflow import __version__
from newsflow.errors import (
    BadURL,
    ConnectFailed,
    HTTPStatusError,
    RateLimited,
    TLSFailed,
    TooManyRedirects,
)
from newsflow.resources.http import ACCEPT, Fetcher, connection_retry_policy
from tests.unit.test_http_support import closed_port, loopback_settings


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(loopback_settings()) as built:
        yield built


def test_200_returns_body_status_and_lower_case_headers(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/feed.xml").respond_with_data(
        "<rss/>", content_type="application/rss+xml", headers={"ETag": '"v1"', "X-Custom": "yes"}
    )
    url = server.url_for("/feed.xml")
    result = fetcher.get(url)
    assert result.status == 200
    assert result.body == b"<rss/>"
    assert result.url == url and result.final_url == url
    assert result.headers["content-type"] == "application/rss+xml"
    assert result.headers["x-custom"] == "yes"
    assert all(name == name.lower() for name in result.headers)
    assert result.etag == '"v1"'
    assert result.elapsed_ms > 0
    assert not result.not_modified and result.permanent_redirect_url is None


def test_request_headers_name_newsflow_and_suit_the_kind(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/x").respond_with_data("ok")
    fetcher.get(server.url_for("/x"), kind="feed")
    fetcher.get(server.url_for("/x"), kind="page")
    (feed_request, _), (page_request, _) = server.log
    assert feed_request.headers["User-Agent"] == (f"newsflow/{__version__} (+https://github.com/newsflow/newsflow)")
    assert feed_request.headers["Accept"] == ACCEPT["feed"]
    assert "application/rss+xml" in feed_request.headers["Accept"]
    assert page_request.headers["Accept"] == ACCEPT["page"]
    assert page_request.headers["Accept"].startswith("text/html")
    assert feed_request.headers["Accept-Encoding"] == "gzip, deflate"
    assert "If-None-Match" not in feed_request.headers
    assert "If-Modified-Since" not in feed_request.headers


def test_user_agent_can_be_set_in_settings(server: HTTPServer) -> None:
    server.expect_request("/x", headers={"User-Agent": "custom-bot/2"}).respond_with_data("ok")
    with Fetcher(loopback_settings(user_agent="custom-bot/2")) as fetcher:
        assert fetcher.get(server.url_for("/x")).body == b"ok"


def test_conditional_get_sends_validators_and_maps_304(server: HTTPServer, fetcher: Fetcher) -> None:
    stamp = "Wed, 21 Oct 2026 07:28:00 GMT"
    server.expect_request("/feed", headers={"If-None-Match": '"abc"', "If-Modified-Since": stamp}).respond_with_data(
        "", status=304, headers={"ETag": '"abc"'}
    )
    result = fetcher.get(server.url_for("/feed"), etag='"abc"', last_modified=stamp)
    assert result.status == 304
    assert result.not_modified
    assert result.body == b""
    assert result.etag == '"abc"'


def test_validator_with_line_break_is_not_sent(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/feed").respond_with_data("fresh")
    result = fetcher.get(server.url_for("/feed"), etag='"a"\r\nX-Injected: 1')
    assert result.body == b"fresh"
    request, _ = server.log[0]
    assert "If-None-Match" not in request.headers and "X-Injected" not in request.headers


@pytest.mark.parametrize(("status", "transient"), [(404, False), (410, False), (500, True)])
def test_error_status_raises_with_code_and_url(
    server: HTTPServer, fetcher: Fetcher, status: int, transient: bool
) -> None:
    server.expect_request("/gone").respond_with_data("nope", status=status)
    url = server.url_for("/gone")
    with pytest.raises(HTTPStatusError) as caught:
        fetcher.get(url)
    assert caught.value.code == f"fetch.http_{status}"
    assert caught.value.status == status
    assert caught.value.transient is transient
    assert url in str(caught.value)


def test_429_with_delta_seconds(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "120"})
    url = server.url_for("/busy")
    with pytest.raises(RateLimited) as caught:
        fetcher.get(url)
    assert caught.value.code == "fetch.rate_limited"
    assert caught.value.retry_after == 120.0
    assert caught.value.status == 429
    assert url in str(caught.value)
    assert len(server.log) == 1  # not retried behind the caller's back


def test_429_with_http_date(server: HTTPServer, fetcher: Fetcher) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    server.expect_request("/busy").respond_with_data(
        "", status=429, headers={"Retry-After": format_datetime(later, usegmt=True)}
    )
    with pytest.raises(RateLimited) as caught:
        fetcher.get(server.url_for("/busy"))
    assert caught.value.retry_after is not None
    assert 3000 < caught.value.retry_after <= 3600


@pytest.mark.parametrize("header", [None, "soon"])
def test_429_without_usable_retry_after(server: HTTPServer, fetcher: Fetcher, header: str | None) -> None:
    headers = {} if header is None else {"Retry-After": header}
    server.expect_request("/busy").respond_with_data("", status=429, headers=headers)
    with pytest.raises(RateLimited) as caught:
        fetcher.get(server.url_for("/busy"))
    assert caught.value.retry_after is None


def test_503_with_retry_after_is_rate_limited(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/maint").respond_with_data("", status=503, headers={"Retry-After": "30"})
    with pytest.raises(RateLimited) as caught:
        fetcher.get(server.url_for("/maint"))
    assert caught.value.retry_after == 30.0
    assert caught.value.status == 503
    assert len(server.log) == 1


def test_503_without_retry_after_is_a_status_error(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/down").respond_with_data("", status=503)
    with pytest.raises(HTTPStatusError) as caught:
        fetcher.get(server.url_for("/down"))
    assert caught.value.code == "fetch.http_503"
    assert caught.value.transient


def _redirect(server: HTTPServer, path: str, to: str, status: int = 302) -> None:
    server.expect_request(path).respond_with_data("", status=status, headers={"Location": to})


def test_temporary_redirect_chain_under_the_cap(server: HTTPServer, fetcher: Fetcher) -> None:
    _redirect(server, "/a", "/b", 302)
    _redirect(server, "/b", "/c", 307)
    _redirect(server, "/c", "/final", 303)
    server.expect_request("/final").respond_with_data("done")
    result = fetcher.get(server.url_for("/a"))
    assert result.body == b"done"
    assert result.url == server.url_for("/a")
    assert result.final_url == server.url_for("/final")
    assert result.permanent_redirect_url is None


def test_all_permanent_chain_reports_where_it_ended(server: HTTPServer, fetcher: Fetcher) -> None:
    _redirect(server, "/old", "/older-still-moved", 301)
    _redirect(server, "/older-still-moved", "/new", 308)
    server.expect_request("/new").respond_with_data("moved")
    result = fetcher.get(server.url_for("/old"))
    assert result.final_url == server.url_for("/new")
    assert result.permanent_redirect_url == server.url_for("/new")


def test_permanent_then_temporary_reports_end_of_permanent_part(server: HTTPServer, fetcher: Fetcher) -> None:
    _redirect(server, "/old", "/new", 301)
    _redirect(server, "/new", "/today", 302)
    server.expect_request("/today").respond_with_data("x")
    result = fetcher.get(server.url_for("/old"))
    assert result.final_url == server.url_for("/today")
    assert result.permanent_redirect_url == server.url_for("/new")


def test_temporary_then_permanent_is_not_permanent(server: HTTPServer, fetcher: Fetcher) -> None:
    _redirect(server, "/a", "/b", 302)
    _redirect(server, "/b", "/c", 301)
    server.expect_request("/c").respond_with_data("x")
    assert fetcher.get(server.url_for("/a")).permanent_redirect_url is None


def test_relative_locations_are_resolved(server: HTTPServer, fetcher: Fetcher) -> None:
    _redirect(server, "/dir/sub/start", "../other?page=2")
    _redirect(server, "/dir/other", "next")
    server.expect_request("/dir/next").respond_with_data("rel")
    result = fetcher.get(server.url_for("/dir/sub/start"))
    assert result.body == b"rel"
    assert result.final_url == server.url_for("/dir/next")
    assert [request.path for request, _ in server.log] == ["/dir/sub/start", "/dir/other", "/dir/next"]


def test_redirect_cap_is_enforced(server: HTTPServer) -> None:
    for hop in range(4):
        _redirect(server, f"/hop{hop}", f"/hop{hop + 1}")
    server.expect_request("/hop4").respond_with_data("end")
    with Fetcher(loopback_settings(max_redirects=4)) as fetcher:
        assert fetcher.get(server.url_for("/hop0")).body == b"end"
    server.clear_log()
    url = server.url_for("/hop0")
    with Fetcher(loopback_settings(max_redirects=3)) as fetcher, pytest.raises(TooManyRedirects) as caught:
        fetcher.get(url)
    assert caught.value.code == "fetch.too_many_redirects"
    assert url in str(caught.value)
    assert "loop" not in str(caught.value)
    assert len(server.log) == 4  # the fourth Location is never requested


def test_redirect_loop_is_reported_as_a_loop(server: HTTPServer, fetcher: Fetcher) -> None:
    _redirect(server, "/ping", "/pong")
    _redirect(server, "/pong", "/ping")
    with pytest.raises(TooManyRedirects) as caught:
        fetcher.get(server.url_for("/ping"))
    assert "loop" in str(caught.value)
    assert len(server.log) == 2


def test_redirect_to_a_non_http_scheme_is_a_bad_url(server: HTTPServer, fetcher: Fetcher) -> None:
    _redirect(server, "/a", "ftp://example.invalid/feed")
    with pytest.raises(BadURL) as caught:
        fetcher.get(server.url_for("/a"))
    assert server.url_for("/a") in str(caught.value)


@pytest.mark.parametrize(
    "url", ["ftp://example.org/feed", "file:///etc/passwd", "not a url", "http://", "/relative/feed.xml"]
)
def test_only_absolute_http_urls_are_fetched(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(BadURL) as caught:
        fetcher.get(url)
    assert caught.value.code == "fetch.bad_url"
    assert repr(url) in str(caught.value)


def test_refused_connection_is_connect_failed() -> None:
    url = f"http://127.0.0.1:{closed_port()}/feed"
    with Fetcher(loopback_settings(retries=1)) as fetcher, pytest.raises(ConnectFailed) as caught:
        fetcher.get(url)
    assert caught.value.code == "fetch.connect"
    assert caught.value.transient
    assert url in str(caught.value)


def test_tls_failure_is_reported_as_tls(server: HTTPServer, fetcher: Fetcher) -> None:
    # An https URL pointed at a plain-HTTP server: the handshake cannot succeed.
    url = server.url_for("/x").replace("http://", "https://")
    with pytest.raises(TLSFailed) as caught:
        fetcher.get(url)
    assert caught.value.code == "fetch.tls"
    assert url in str(caught.value)


def test_retry_policy_covers_connection_errors_only() -> None:
    policy = connection_retry_policy(2)
    assert policy.connect == 2
    assert policy.read is False  # a read error may mean the request was processed: do not repeat it
    for status in (429, 503, 500, 413):
        assert not policy.is_retry("GET", status, has_retry_after=True)


def test_500_is_not_retried(server: HTTPServer) -> None:
    server.expect_request("/err").respond_with_data("", status=500)
    with Fetcher(loopback_settings(retries=3)) as retrying, pytest.raises(HTTPStatusError):
        retrying.get(server.url_for("/err"))
    assert len(server.log) == 1


def test_error_after_a_redirect_names_both_urls(server: HTTPServer, fetcher: Fetcher) -> None:
    _redirect(server, "/moved", "/missing", 301)
    server.expect_request("/missing").respond_with_data("", status=404)
    with pytest.raises(HTTPStatusError) as caught:
        fetcher.get(server.url_for("/moved"))
    assert server.url_for("/moved") in str(caught.value)
    assert server.url_for("/missing") in str(caught.value)
