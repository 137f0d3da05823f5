"""Servers and settings shared by the ``test_http*`` modules (this module holds no tests of its own).

Everything listens on 127.0.0.1 only: pytest-httpserver for well-behaved HTTP, and a raw socket server for
the misbehaving kind (bodies cut short, headers that never come, bodies that trickle).
"""

from __future__ import annotations

import socket
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pytest_httpserver import HTTPServer

from newsflow.settings import Settings

RawHandler = Callable[[socket.socket, threading.Event], None]


def loopback_settings(**overrides: object) -> Settings:
    """Fetch settings for tests: loopback allowed, no politeness wait, no retries, short timeouts."""
    values: dict[str, object] = {
        "allow_private_networks": True,
        "per_host_interval": 0.0,
        "per_host_concurrency": 8,
        "retries": 0,
        "connect_timeout": 2.0,
        "read_timeout": 5.0,
        "total_timeout": 10.0,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@contextmanager
def http_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def _read_request_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        piece = conn.recv(4096)
        if not piece:
            break
        data += piece
    return data


@contextmanager
def raw_server(handler: RawHandler) -> Iterator[str]:
    """Serve each connection with ``handler(conn, stop)`` after reading the request head; yields the base URL.

    ``stop`` is set when the test is done, so handlers that stall can wait on it and end promptly.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            try:
                _read_request_head(conn)
                handler(conn, stop)
            except OSError:
                pass  # the client hung up, which is often the point

    def accept_loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept_loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def gzip_of_zeros(total_mib: int) -> bytes:
    """A gzip member that inflates to ``total_mib`` MiB of zeros, built without ever holding them.

    After a full flush deflate restarts without back-references, so the compressed form of one MiB of
    zeros can be repeated; only the CRC has to be run over the whole length.
    """
    mib = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()
    crc = 0
    for _ in range(total_mib):
        crc = zlib.crc32(mib, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", crc, (total_mib << 20) & 0xFFFFFFFF)
    return header + first + repeated * (total_mib - 1) + tail + trailer
