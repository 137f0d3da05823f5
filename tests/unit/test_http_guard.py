"""The private-network guard: address classification, and loopback refused end to end."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from newsflow.errors import BlockedAddress
from newsflow.resources.http import Fetcher
from newsflow.resources.netguard import blocked_reason, parse_ip, vetted_addresses
from tests.unit.test_http_support import http_server, loopback_settings


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata endpoint
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-global"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
        ("::ffff:10.1.2.3", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a00:1", "private"),  # NAT64 wrapping 10.0.0.1
    ],
)
def test_non_public_addresses_are_blocked(address: str, reason: str) -> None:
    assert blocked_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert blocked_reason(ipaddress.ip_address(address)) is None


def test_parse_ip_handles_brackets_scope_and_names() -> None:
    assert parse_ip("[::1]") == ipaddress.ip_address("::1")
    assert parse_ip("fe80::1%eth0") == ipaddress.ip_address("fe80::1")
    assert parse_ip("example.org") is None


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_vetting_a_loopback_host_raises(host: str) -> None:
    with pytest.raises(BlockedAddress) as caught:
        vetted_addresses(host, 80)
    assert "loopback" in str(caught.value)


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    with http_server() as running:
        yield running


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_guard_refuses_loopback_end_to_end(server: HTTPServer, host: str) -> None:
    server.clear()
    server.expect_request("/feed").respond_with_data("secret")
    url = server.url_for("/feed").replace("127.0.0.1", host)
    with Fetcher(loopback_settings(allow_private_networks=False)) as fetcher, pytest.raises(BlockedAddress) as caught:
        fetcher.get(url)
    assert caught.value.code == "fetch.blocked_address"
    assert url in str(caught.value)
    assert server.log == []  # refused before a byte was sent


def test_guard_refuses_ipv4_mapped_literal(server: HTTPServer) -> None:
    url = f"http://[::ffff:127.0.0.1]:{server.port}/feed"
    with Fetcher(loopback_settings(allow_private_networks=False)) as fetcher, pytest.raises(BlockedAddress):
        fetcher.get(url)


def test_allow_private_networks_lets_loopback_through(server: HTTPServer) -> None:
    server.clear()
    server.expect_request("/feed").respond_with_data("open")
    with Fetcher(loopback_settings(allow_private_networks=True)) as fetcher:
        assert fetcher.get(server.url_for("/feed")).body == b"open"
