"""URL policy and canonical URLs."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sinowatch.errors import UnsafeURLError

# Query parameters that identify a click, not a document.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
        "igshid", "_hsenc", "_hsmi", "mkt_tok", "spm", "scm", "cmpid", "ocid", "ncid", "sr_share",
        "share", "ref_src", "ref_url", "__twitter_impression", "s_kwcid", "srsltid",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmsr", "hmpl", "hmcu", "hmkw", "hmci")


def canonical_url(url: str) -> str:
    """Lowercase scheme and host, no default port, no fragment, no tracking parameters,
    remaining parameters sorted. Returns "" for anything that is not an absolute http(s) URL."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        return ""
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    query.sort()
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query, doseq=True), ""))


_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")


def is_global(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for an address on the public internet ("not global" is refused, not just
    ``is_private``: shared address space 100.64.0.0/10 - where cloud metadata services such as
    100.100.100.200 live -, 192.0.0.0/24, documentation and benchmarking ranges are not private
    but not reachable from the internet either). IPv4-mapped IPv6 addresses are judged as the
    IPv4 address they carry; 6to4 (2002::/16) and Teredo tunnel to any IPv4 address, private
    ones included, so they are not global."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        elif ip in _SIX_TO_FOUR or ip.teredo:
            return False
    return bool(ip.is_global) and not ip.is_multicast


def check_url(url: str, *, allow_private: bool = False, allow_file: bool = False) -> str:
    """Return the URL's scheme if fetching it is allowed, else raise UnsafeURLError.

    Only http(s) by default. Addresses that are not global (private, loopback, link-local,
    shared, reserved: :func:`is_global`) are refused unless ``allow_private``: a shared deployment
    must not become an SSRF proxy into its own network. This check is early and gives the clear
    message; the one that counts runs on the socket actually connected
    (``sinowatch.ingest.guard``), so DNS rebinding between the two cannot slip through.
    """
    try:
        parts = urlsplit(url)
    except ValueError as e:
        raise UnsafeURLError(f"not a valid URL: {e}") from None
    scheme = parts.scheme.lower()
    if scheme == "file":
        if not allow_file:
            raise UnsafeURLError("file:// URLs are not allowed (set fetch.allow_file = true to allow local feeds)")
        return scheme
    if scheme not in ("http", "https"):
        raise UnsafeURLError(f"scheme {scheme or '(none)'!r} is not allowed: only http and https")
    host = parts.hostname
    if not host:
        raise UnsafeURLError("URL has no host")
    if allow_private:
        return scheme
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise UnsafeURLError(f"cannot resolve host {host!r}: {e}") from None
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not is_global(ip):
            raise UnsafeURLError(
                f"host {host!r} resolves to a private or loopback (not global) address ({ip}); "
                "set fetch.allow_private = true or pass --allow-private to allow it"
            )
    return scheme
