"""The network layer under httpx: one deadline per request, the address check on the socket, and
cancellation.

httpx's timeouts are per socket operation: a server that sends its headers one byte every few
seconds never trips the read timeout and held a run (and the warehouse lock) for hours. And the
URL policy used to resolve the host name itself and let httpx resolve it again to connect, so a
name that answered with a public address and then a private one (DNS rebinding) got through.

:class:`Guard` is an httpcore network backend that fixes both where they happen:

* every socket read and write waits at most until the request's deadline (set per thread with
  :meth:`Guard.deadline`, from before connecting to the last byte of the body, headers included);
  past it the request fails with :class:`DeadlineExceeded`;
* right after each TCP connect, before a byte is sent, the peer address of the socket - the
  address actually connected to - must be global (``ipaddress``'s ``is_global``: not private,
  loopback, link-local, shared address space 100.64.0.0/10, IETF 192.0.0.0/24, 6to4 2002::/16,
  documentation, benchmarking or reserved ranges) unless private addresses are allowed;
* :meth:`Guard.cancel` (Ctrl-C) shuts down every open socket, so a fetch blocked in ``recv``
  returns at once, and stops new connects and retry waits.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore

from sinowatch.errors import FetchError, UnsafeURLError
from sinowatch.ingest.urls import is_global

SocketOption = Any  # httpcore's SOCKET_OPTION (a tuple of 3 or 4 items)


class DeadlineExceeded(FetchError):
    """The request ran past its overall deadline (connect to last byte). Not retried: a server
    that trickles bytes does it again."""


class Cancelled(FetchError):
    """The run was interrupted (Ctrl-C) while this fetch was in flight."""


def check_address(address: str, *, host: str = "") -> None:
    """Raise UnsafeURLError unless ``address`` is global."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if not is_global(ip):
        shown = f"host {host!r} is at" if host and host != address else "address"
        raise UnsafeURLError(
            f"{shown} a private or loopback (not global) address ({ip}); "
            "set fetch.allow_private = true or pass --allow-private to allow it"
        )


class _State(threading.local):
    deadline: float | None = None
    seconds: float = 0.0


class GuardedStream(httpcore.NetworkStream):
    """A socket stream whose reads and writes end by the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, guard: Guard, sock: socket.socket | None) -> None:
        self._inner = inner
        self._guard = guard
        self._sock = sock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return self._inner.read(max_bytes, self._guard.remaining(timeout))
        except (httpcore.ReadTimeout, httpcore.ReadError):
            self._guard.raise_if_over()
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            self._inner.write(buffer, self._guard.remaining(timeout))
        except (httpcore.WriteTimeout, httpcore.WriteError):
            self._guard.raise_if_over()
            raise

    def close(self) -> None:
        self._guard.forget(self._sock)
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        try:
            tls = self._inner.start_tls(ssl_context, server_hostname, self._guard.remaining(timeout))
        except (httpcore.ConnectTimeout, httpcore.ConnectError):
            self._guard.raise_if_over()
            raise
        return GuardedStream(tls, self._guard, self._sock)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class Guard(httpcore.NetworkBackend):
    """The network backend of sinowatch's HTTP client (see the module doc)."""

    def __init__(self, *, allow_private: bool = False) -> None:
        self.allow_private = allow_private
        self._inner = httpcore.SyncBackend()
        self._state = _State()
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()

    # -- the per-request deadline --------------------------------------------------------------
    @contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """Bound everything this thread does on the network inside the block by ``seconds``."""
        previous = self._state.deadline, self._state.seconds
        self._state.deadline, self._state.seconds = time.monotonic() + seconds, seconds
        try:
            yield
        finally:
            self._state.deadline, self._state.seconds = previous

    def remaining(self, timeout: float | None) -> float | None:
        """The timeout for one socket operation: ``timeout``, but never past the deadline."""
        if self._cancelled.is_set():
            raise Cancelled("interrupted")
        deadline = self._state.deadline
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            raise self._over()
        return left if timeout is None else min(timeout, left)

    def raise_if_over(self) -> None:
        """After a socket error or timeout: say it was the deadline or Ctrl-C when it was."""
        if self._cancelled.is_set():
            raise Cancelled("interrupted")
        deadline = self._state.deadline
        if deadline is not None and time.monotonic() >= deadline - 0.01:
            raise self._over()

    def _over(self) -> DeadlineExceeded:
        return DeadlineExceeded(f"the server took longer than the overall deadline of {self._state.seconds:g}s "
                                "(fetch.deadline: connect to last byte, headers included)")

    # -- cancellation --------------------------------------------------------------------------
    def cancel(self) -> None:
        """Stop every fetch now: shut down the open sockets (a blocked recv returns), refuse new
        connects, wake retry waits."""
        self._cancelled.set()
        with self._lock:
            socks = list(self._open)
        for sock in socks:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def forget(self, sock: socket.socket | None) -> None:
        if sock is not None:
            with self._lock:
                self._open.discard(sock)

    # -- httpcore's NetworkBackend -------------------------------------------------------------
    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[SocketOption] | None = None) -> httpcore.NetworkStream:
        try:
            stream = self._inner.connect_tcp(host, port, timeout=self.remaining(timeout),
                                             local_address=local_address, socket_options=socket_options)
        except (httpcore.ConnectTimeout, httpcore.ConnectError):
            self.raise_if_over()
            raise
        sock = stream.get_extra_info("socket")
        if not self.allow_private:
            try:
                peer = str(stream.get_extra_info("server_addr")[0])
                check_address(peer, host=host)
            except BaseException:
                stream.close()
                raise
        if isinstance(sock, socket.socket):
            with self._lock:
                self._open.add(sock)
            if self._cancelled.is_set():  # cancelled while connecting
                stream.close()
                self.forget(sock)
                raise Cancelled("interrupted")
        return GuardedStream(stream, self, sock if isinstance(sock, socket.socket) else None)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[SocketOption] | None = None) -> httpcore.NetworkStream:
        raise UnsafeURLError("unix sockets are not used for feeds")

    def sleep(self, seconds: float) -> None:
        """Wait between retries (and httpcore's own waits); returns at once when cancelled."""
        if self._cancelled.wait(seconds):
            raise Cancelled("interrupted")
