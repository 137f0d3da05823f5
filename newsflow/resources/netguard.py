"""The private-network guard: refuse hosts that resolve to loopback, private or otherwise non-public addresses.

The check happens where the socket is opened (:class:`GuardedAdapter` mounts connection classes whose
``_new_conn`` resolves, vets every address, and connects to a vetted one). Resolving once and connecting to
that same address closes the DNS-rebinding window a separate "check, then connect" would leave, and it runs
on every hop of a redirect chain because each new host needs a new connection.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import create_connection

from newsflow.errors import BlockedAddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddrInfo = tuple[Any, ...]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, Teredo client, NAT64), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def blocked_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` may not be fetched from ("loopback", "private" ...), or None when it is public."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            inner = blocked_reason(embedded)
            if inner is not None:
                return inner
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        # Shared address space (100.64/10) and the like are neither private nor global.
        ("non-global", not ip.is_global),
    )
    for reason, hit in checks:
        if hit:
            return reason
    return None


def parse_ip(text: str) -> IPAddress | None:
    """``text`` as an IP address (scope id and brackets dropped), or None when it is a host name."""
    candidate = text.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        return None


def resolve(host: str, port: int) -> list[AddrInfo]:
    """``socket.getaddrinfo`` for a TCP connection; a separate function so the guard has one resolver."""
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def vetted_addresses(host: str, port: int) -> list[AddrInfo]:
    """Resolve ``host`` and return its addresses, raising BlockedAddress if any of them is not public.

    One blocked address refuses the host: a name that mixes public and private answers is an attack or
    a misconfiguration, and either way we should not pick between them.
    """
    infos = resolve(host, port)
    for info in infos:
        address = str(info[4][0])
        ip = parse_ip(address)
        reason = "unparsable" if ip is None else blocked_reason(ip)
        if reason is not None:
            raise BlockedAddress(
                f"{host} resolves to {address}, a {reason} address; refused "
                "(set NEWSFLOW_ALLOW_PRIVATE_NETWORKS=1 to allow private networks)"
            )
    return infos


def _open_vetted(conn: HTTPConnection) -> socket.socket:
    """Open a socket to a vetted address of ``conn``'s host, raising urllib3's own connect errors."""
    host = conn._dns_host
    try:
        infos = vetted_addresses(host, conn.port)
    except socket.gaierror as exc:
        raise NameResolutionError(conn.host, conn, exc) from exc
    last_error: OSError | None = None
    for info in infos:
        try:
            return create_connection(
                (str(info[4][0]), conn.port),
                conn.timeout,
                source_address=conn.source_address,
                socket_options=conn.socket_options,
            )
        except TimeoutError as exc:
            raise ConnectTimeoutError(
                conn, f"Connection to {conn.host} timed out. (connect timeout={conn.timeout})"
            ) from exc
        except OSError as exc:
            last_error = exc
    raise NewConnectionError(conn, f"Failed to establish a new connection: {last_error}")


class GuardedHTTPConnection(HTTPConnection):
    """An HTTP connection that only opens sockets to public addresses."""

    def _new_conn(self) -> socket.socket:
        return _open_vetted(self)


class GuardedHTTPSConnection(HTTPSConnection):
    """An HTTPS connection that only opens sockets to public addresses (TLS still verifies the host name)."""

    def _new_conn(self) -> socket.socket:
        return _open_vetted(self)


class GuardedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose connections pass through the guard."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": GuardedHTTPConnectionPool,
            "https": GuardedHTTPSConnectionPool,
        }
