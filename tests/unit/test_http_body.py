"""Fetcher body limits and misbehaving servers: caps, gzip bombs, truncation, stalls, trickles, bad gzip."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc

import pytest
from pytest_httpserver import HTTPServer

from newsflow.errors import BodyTooLarge, DecodeFailed, FetchTimeout, TruncatedBody
from newsflow.resources.http import Fetcher
from tests.unit.test_http_support import gzip_of_zeros, loopback_settings, raw_server

MIB = 1 << 20


def test_gzip_body_is_decoded_and_encoding_headers_dropped(server: HTTPServer) -> None:
    text = b"<rss>" + b"item " * 10_000 + b"</rss>"
    server.expect_request("/feed").respond_with_data(gzip.compress(text), headers={"Content-Encoding": "gzip"})
    with Fetcher(loopback_settings()) as fetcher:
        result = fetcher.get(server.url_for("/feed"))
    assert result.body == text
    assert "content-encoding" not in result.headers
    assert "content-length" not in result.headers


def test_body_at_the_cap_is_accepted(server: HTTPServer) -> None:
    server.expect_request("/exact").respond_with_data(b"x" * 4096)
    with Fetcher(loopback_settings(max_body_bytes=4096)) as fetcher:
        assert len(fetcher.get(server.url_for("/exact")).body) == 4096


def test_content_length_over_the_cap_is_refused_before_reading() -> None:
    # The server promises a terabyte and then sends nothing: reading would stall until the timeout.
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n")
        stop.wait(10)

    with raw_server(handler) as base, Fetcher(loopback_settings(read_timeout=10.0)) as fetcher:
        url = base + "/huge"
        with pytest.raises(BodyTooLarge) as caught:
            fetcher.get(url)
    assert caught.value.code == "fetch.too_large"
    assert "Content-Length" in str(caught.value)
    assert url in str(caught.value)


def test_body_over_the_cap_with_content_length(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data(b"x" * 5000)
    with Fetcher(loopback_settings(max_body_bytes=4096)) as fetcher, pytest.raises(BodyTooLarge):
        fetcher.get(server.url_for("/big"))


def test_chunked_body_over_the_cap_fails_while_streaming() -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"y" * 1000
        for _ in range(10_000):  # 10 MB if nobody stops reading
            conn.sendall(b"3e8\r\n" + chunk + b"\r\n")
        conn.sendall(b"0\r\n\r\n")

    with raw_server(handler) as base, Fetcher(loopback_settings(max_body_bytes=20_000)) as fetcher:
        with pytest.raises(BodyTooLarge) as caught:
            fetcher.get(base + "/stream")
        assert "decompressed" in str(caught.value)


def test_chunked_body_under_the_cap_is_read_whole() -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        for word in (b"hello ", b"chunked ", b"world"):
            conn.sendall(f"{len(word):x}\r\n".encode() + word + b"\r\n")
        conn.sendall(b"0\r\n\r\n")

    with raw_server(handler) as base, Fetcher(loopback_settings()) as fetcher:
        assert fetcher.get(base + "/ok").body == b"hello chunked world"


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    bomb = gzip_of_zeros(1024)  # 1 GiB inflated
    assert len(bomb) < 2 * MIB
    return bomb


def test_gzip_bomb_fails_fast_with_small_peak_memory(server: HTTPServer, gzip_bomb: bytes) -> None:
    server.expect_request("/bomb").respond_with_data(gzip_bomb, headers={"Content-Encoding": "gzip"})
    settings = loopback_settings()
    assert settings.max_body_bytes == 15 * MIB  # the shipped default is what is under test
    with Fetcher(settings) as fetcher:
        tracemalloc.start()
        try:
            with pytest.raises(BodyTooLarge) as caught:
                fetcher.get(server.url_for("/bomb"))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert "decompressed" in str(caught.value)
    # Inflating the bomb would need a GiB; streaming under the cap needs the cap plus a few chunks.
    assert peak < 3 * settings.max_body_bytes


def test_broken_gzip_is_decode_failed(server: HTTPServer) -> None:
    broken = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + b"this is not deflate data at all" * 10
    server.expect_request("/bad").respond_with_data(broken, headers={"Content-Encoding": "gzip"})
    url = server.url_for("/bad")
    with Fetcher(loopback_settings()) as fetcher, pytest.raises(DecodeFailed) as caught:
        fetcher.get(url)
    assert caught.value.code == "fetch.decode"
    assert url in str(caught.value)


def test_body_shorter_than_content_length_is_truncated() -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + b"z" * 300)
        conn.shutdown(socket.SHUT_WR)

    with raw_server(handler) as base, Fetcher(loopback_settings()) as fetcher:
        url = base + "/short"
        with pytest.raises(TruncatedBody) as caught:
            fetcher.get(url)
    assert caught.value.code == "fetch.truncated"
    assert caught.value.transient
    assert url in str(caught.value)


def test_chunked_body_cut_off_is_truncated() -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
        conn.shutdown(socket.SHUT_WR)

    with raw_server(handler) as base, Fetcher(loopback_settings()) as fetcher, pytest.raises(TruncatedBody):
        fetcher.get(base + "/cut")


def test_headers_that_never_come_time_out() -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        stop.wait(30)

    with raw_server(handler) as base, Fetcher(loopback_settings(read_timeout=0.3)) as fetcher:
        url = base + "/silent"
        with pytest.raises(FetchTimeout) as caught:
            fetcher.get(url)
    assert caught.value.code == "fetch.timeout"
    assert url in str(caught.value)


def test_trickling_body_hits_the_total_deadline() -> None:
    # One byte every 50 ms never trips the read timeout, and 1000 bytes would take 50 s.
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(1000):
            if stop.is_set():
                return
            conn.sendall(b"a")
            time.sleep(0.05)

    settings = loopback_settings(read_timeout=2.0, total_timeout=0.5)
    with raw_server(handler) as base, Fetcher(settings) as fetcher:
        url = base + "/trickle"
        with pytest.raises(FetchTimeout) as caught:
            fetcher.get(url)
    assert "total timeout" in str(caught.value)
    assert url in str(caught.value)


def test_trickling_body_without_length_hits_the_total_deadline() -> None:
    # Close-delimited body: an early socket shutdown must not pass for a complete, shorter body.
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
        for _ in range(1000):
            if stop.is_set():
                return
            conn.sendall(b"a")
            time.sleep(0.05)

    settings = loopback_settings(read_timeout=2.0, total_timeout=0.5)
    with raw_server(handler) as base, Fetcher(settings) as fetcher, pytest.raises(FetchTimeout):
        fetcher.get(base + "/trickle")
