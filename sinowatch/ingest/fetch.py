"""Fetching feeds and pages over HTTP(S) with httpx, under one set of rules.

Connect/read timeouts, one overall deadline per request from connect to the last byte, headers
included (``fetch.deadline``, enforced on every socket operation by ``sinowatch.ingest.guard``,
which also checks the address actually connected to), a streamed size cap (on the decoded body, so a gzip
bomb is cut off too), manual redirects (each hop re-checked against the URL policy, loops
detected), conditional GET, and retries with exponential backoff on timeouts, 429 and 5xx that
honour Retry-After. A fetch never raises for a network problem: it returns a FetchResult whose
``error`` says what went wrong, so one bad feed never stops a run.
"""

from __future__ import annotations

import email.utils
import time
import weakref
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpcore
import httpx

from sinowatch.config import FetchConfig
from sinowatch.errors import FetchError, UnsafeURLError
from sinowatch.ingest.guard import Cancelled, Guard
from sinowatch.ingest.urls import check_url
from sinowatch.records import FetchResult

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


_GUARDS: weakref.WeakKeyDictionary[httpx.Client, Guard] = weakref.WeakKeyDictionary()


def make_client(settings: FetchConfig, *, guard: Guard | None = None) -> httpx.Client:
    """One client per run: connection pooling, timeouts, the User-Agent, and the network guard
    (per-request deadline, address check on the connected socket, cancellation) underneath."""
    guard = guard or Guard(allow_private=settings.allow_private)
    timeout = httpx.Timeout(settings.timeout, connect=settings.connect_timeout)
    limits = httpx.Limits(max_connections=max(settings.concurrency * 2, 4))
    transport = httpx.HTTPTransport(limits=limits, trust_env=False)
    # httpx does not take a network backend; its pool is rebuilt with the same settings plus ours
    transport._pool.close()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False), max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
        network_backend=guard,
    )
    client = httpx.Client(
        timeout=timeout,
        transport=transport,
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent, "Accept": ACCEPT},
        trust_env=False,
    )
    _GUARDS[client] = guard
    return client


def guard_of(client: httpx.Client) -> Guard | None:
    """The guard under a client made by :func:`make_client` (None for any other client)."""
    return _GUARDS.get(client)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now_ts = time.time() if now is None else now
    return max(0.0, when.timestamp() - now_ts)


def _read_file(url: str, max_bytes: int) -> bytes:
    path = Path(unquote(urlsplit(url).path))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FetchError(f"file is {size} bytes, over the {max_bytes}-byte cap")
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)[:max_bytes]
    except OSError as e:
        raise FetchError(f"cannot read {path}: {e.strerror or e}") from None


def _get_once(
    client: httpx.Client, url: str, settings: FetchConfig, headers: dict[str, str], deadline: float
) -> tuple[httpx.Response, bytes, str]:
    """GET with manual redirects and the size cap. Returns (response, body, final_url)."""
    seen: set[str] = set()
    current = url
    for _hop in range(settings.max_redirects + 1):
        check_url(current, allow_private=settings.allow_private, allow_file=False)
        if current in seen:
            raise FetchError(f"redirect loop at {current}")
        seen.add(current)
        with client.stream("GET", current, headers=headers) as resp:
            if resp.status_code in (301, 302, 303, 307, 308):
                location = resp.headers.get("location")
                if not location:
                    raise FetchError(f"redirect without a Location header from {current}", status=resp.status_code)
                current = urljoin(current, location)
                continue
            chunks: list[bytes] = []
            total = 0
            if resp.status_code == 200:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > settings.max_bytes:
                    raise FetchError(
                        f"body of {declared} bytes is over the {settings.max_bytes}-byte cap", status=200
                    )
                for chunk in resp.iter_bytes():
                    total += len(chunk)
                    if total > settings.max_bytes:
                        raise FetchError(f"body is over the {settings.max_bytes}-byte cap; cut off", status=200)
                    if time.monotonic() > deadline:
                        raise FetchError(f"download took longer than the overall deadline ({settings.deadline:g}s)", status=200)
                    chunks.append(chunk)
            return resp, b"".join(chunks), current
    raise FetchError(f"more than {settings.max_redirects} redirects")


def fetch(
    url: str,
    *,
    client: httpx.Client,
    settings: FetchConfig,
    feed: str = "",
    etag: str | None = None,
    last_modified: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchResult:
    """Fetch one URL under the rules above. Never raises for network or HTTP problems."""
    start = time.monotonic()

    def result(**kw: object) -> FetchResult:
        return FetchResult(feed=feed, url=url, duration_s=round(time.monotonic() - start, 4), **kw)  # type: ignore[arg-type]

    try:
        scheme = check_url(url, allow_private=settings.allow_private, allow_file=settings.allow_file)
    except UnsafeURLError as e:
        return result(status=None, ok=False, error=f"refused: {e}")
    if scheme == "file":
        try:
            body = _read_file(url, settings.max_bytes)
        except FetchError as e:
            return result(status=None, ok=False, error=str(e))
        return result(status=200, ok=True, body=body, final_url=url)

    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    guard = guard_of(client)
    if guard is not None and sleep is time.sleep:
        sleep = guard.sleep  # Ctrl-C ends a retry wait at once
    attempts = 0
    delay = settings.backoff
    last_error = "unknown error"
    last_status: int | None = None
    while True:
        attempts += 1
        retry_after: float | None = None
        deadline = time.monotonic() + settings.deadline
        try:
            if guard is not None:
                with guard.deadline(settings.deadline):
                    resp, body, final_url = _get_once(client, url, settings, headers, deadline)
            else:
                resp, body, final_url = _get_once(client, url, settings, headers, deadline)
            status = resp.status_code
            if status == 304:
                return result(
                    status=304, ok=True, not_modified=True, etag=etag, last_modified=last_modified,
                    final_url=final_url, attempts=attempts,
                )
            if status == 200:
                return result(
                    status=200, ok=True, body=body, etag=resp.headers.get("etag"),
                    last_modified=resp.headers.get("last-modified"), final_url=final_url,
                    content_type=resp.headers.get("content-type"), attempts=attempts,
                )
            last_status = status
            last_error = f"HTTP {status} {resp.reason_phrase}".strip()
            if status not in RETRY_STATUSES:
                return result(status=status, ok=False, error=last_error, attempts=attempts)
            retry_after = parse_retry_after(resp.headers.get("retry-after"))
        except UnsafeURLError as e:
            return result(status=None, ok=False, error=f"refused: {e}", attempts=attempts)
        except Cancelled:
            return result(status=None, ok=False, error="interrupted (the run was stopped)", attempts=attempts)
        except FetchError as e:
            # size cap, redirect problems, the overall deadline: retrying would give the same answer
            return result(status=e.status, ok=False, error=str(e), attempts=attempts)
        except httpx.TimeoutException as e:
            last_status, last_error = None, f"timeout ({type(e).__name__})"
        except httpx.TransportError as e:
            last_status, last_error = None, f"network error: {type(e).__name__}: {str(e)[:200]}"
        except httpx.HTTPError as e:  # anything else httpx raises (invalid URL, decoding, ...)
            return result(status=None, ok=False, error=f"HTTP error: {type(e).__name__}: {str(e)[:200]}", attempts=attempts)
        if guard is not None and guard.cancelled:
            return result(status=last_status, ok=False, error="interrupted (the run was stopped)", attempts=attempts)
        if attempts > settings.retries:
            return result(status=last_status, ok=False, error=f"{last_error} (after {attempts} tries)", attempts=attempts)
        wait = delay if retry_after is None else min(max(retry_after, delay), settings.max_retry_after)
        try:
            sleep(wait)
        except Cancelled:
            return result(status=last_status, ok=False, error="interrupted (the run was stopped)", attempts=attempts)
        delay *= 2


def fetched_now() -> datetime:
    return datetime.now(UTC)
