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


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified
    )


def check_url(url: str, *, allow_private: bool = False, allow_file: bool = False) -> str:
    """Return the URL's scheme if fetching it is allowed, else raise UnsafeURLError.

    Only http(s) by default. Private, loopback and link-local addresses are refused unless
    ``allow_private``: a shared deployment must not become an SSRF proxy into its own network.
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
        if not _is_public(ip):
            raise UnsafeURLError(
                f"host {host!r} resolves to a private or loopback address ({ip}); "
                "set fetch.allow_private = true or pass --allow-private to allow it"
            )
    return scheme
