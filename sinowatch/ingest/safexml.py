"""XML safety for feeds: no DTD reaches a parser, whatever the encoding.

Three layers, each enough on its own for the attacks in ``docs/failure-model.md``:

1. :func:`refuse_reason` scans the raw bytes (NUL bytes dropped, so UTF-16/32 markup is seen);
2. :func:`decoded` converts the body to UTF-8 exactly as feedparser will (its own
   ``convert_to_utf8``: HTTP charset, BOM, XML declaration - EBCDIC, UTF-7 and the rest) and the
   same scan runs on the result, so ``+ADw-!ENTITY`` (UTF-7) or cp037 bytes cannot hide a DTD;
3. feedparser's strict parser is made by :func:`create_parser` here (``xml.sax.make_parser``
   takes the name of a module that has one): defusedxml's expat reader that refuses entity
   declarations and external references, and a DOCTYPE with an internal subset or a SYSTEM-only
   DTD, so a DTD that got past the scans still stops the parse (``DTDForbidden``) before any
   entity is declared, let alone expanded.

A DTD here is one that defines something: an internal subset (``<!DOCTYPE rss [ ... ]>``) or an
external DTD named only by its SYSTEM URL. A bare public identifier (``<!DOCTYPE rss PUBLIC
"-//Netscape Communications//DTD RSS 0.91//EN" "...">``, common in RSS 0.91 feeds) defines nothing
and is never fetched (external entities are off and forbidden), so it is allowed.

Numeric character references to code points that XML forbids (``&#xD800;``, ``&#0;``, beyond
U+10FFFF) are rewritten to U+FFFD in the decoded text: feedparser's fallback parser crashes on
them (``UnicodeEncodeError``), which lost every good entry of the feed.
"""

from __future__ import annotations

import re
from typing import Any

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.expatreader import DefusedExpatParser

_DTD_ENTITY_RE = re.compile(rb"<!ENTITY", re.I)
_DOCTYPE_SYSTEM_RE = re.compile(rb"<!DOCTYPE[^>\[]*\sSYSTEM\s", re.I)
_DOCTYPE_SUBSET_RE = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)
_CHARREF_RE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")

#: what defusedxml raises when the parser meets a DTD, an entity or an external reference
REFUSED = (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden)


def refuse_reason(body: bytes) -> str | None:
    """Why these bytes are refused before parsing, or None.

    The whole body is scanned (it is bounded by fetch.max_bytes), not only its start: a DTD may
    follow any amount of comments. NUL bytes are dropped first so that UTF-16/32 markup is seen."""
    head = body.replace(b"\x00", b"")
    if _DTD_ENTITY_RE.search(head):
        return "rejected: the feed declares XML entities in a DTD (entity expansion / XXE risk)"
    if _DOCTYPE_SYSTEM_RE.search(head):
        return "rejected: the feed refers to an external DTD (XXE / DTD retrieval risk)"
    if _DOCTYPE_SUBSET_RE.search(head):
        return "rejected: the feed has an internal DTD subset (entity expansion risk)"
    return None


def decoded(body: bytes, headers: dict[str, str]) -> tuple[bytes, str | None]:
    """(the body as feedparser will see it - UTF-8 when its encoding is known, else unchanged -,
    why it is refused or None). The scan runs on the decoded bytes too."""
    from feedparser.encodings import convert_to_utf8
    from feedparser.util import FeedParserDict

    scratch: Any = FeedParserDict(bozo=False, headers=dict(headers))
    try:
        data = convert_to_utf8(scratch["headers"], body, scratch)
    except Exception as e:  # a codec that chokes on hostile bytes: refuse, say which
        return body, f"rejected: cannot decode the feed ({type(e).__name__}: {str(e)[:120]})"
    if not isinstance(data, bytes):
        data = body
    reason = refuse_reason(data) if data is not body else None
    if reason:
        reason += f" (found after decoding from {scratch.get('encoding') or 'its declared encoding'})"
    return data, reason


def _fix_charref(m: re.Match[bytes]) -> bytes:
    hexa, dec = m.group(1), m.group(2)
    try:
        cp = int(hexa, 16) if hexa else int(dec)
    except ValueError:
        return b"&#xFFFD;"
    if cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF:
        return m.group(0)
    return b"&#xFFFD;"  # a surrogate, a control character or beyond Unicode: not a character


def clean_charrefs(data: bytes) -> bytes:
    """Rewrite character references to code points XML forbids as U+FFFD (see the module doc).
    Only ASCII-compatible (e.g. the decoded UTF-8) bytes are meaningful here."""
    if b"&#" not in data:
        return data
    return _CHARREF_RE.sub(_fix_charref, data)


class NoDtdExpatParser(DefusedExpatParser):  # type: ignore[misc]
    """defusedxml's expat reader, refusing entities, external references and any DTD that
    defines something (an internal subset, or a SYSTEM-only external DTD)."""

    def defused_start_doctype_decl(self, name: str, sysid: str | None, pubid: str | None,
                                   has_internal_subset: bool) -> None:
        if has_internal_subset or (sysid and not pubid):
            raise DTDForbidden(name, sysid, pubid)

    def defused_external_entity_ref_handler(self, context: str | None, base: str | None, sysid: str | None,
                                            pubid: str | None) -> int:
        if context is None and pubid:  # the external DTD of a public identifier: skipped, never loaded
            return 1
        raise ExternalReferenceForbidden(context, base, sysid, pubid)


def create_parser(*args: Any, **kwargs: Any) -> DefusedExpatParser:
    """The strict parser feedparser uses (``xml.sax.make_parser(["sinowatch.ingest.safexml"])``
    calls this): :class:`NoDtdExpatParser`."""
    # forbid_dtd=True makes reset() install the doctype handler above
    return NoDtdExpatParser(*args, forbid_dtd=True, forbid_entities=True, forbid_external=True, **kwargs)


def install() -> None:
    """Make feedparser's strict parser the one above (idempotent)."""
    import feedparser.api

    name = __name__
    if feedparser.api.PREFERRED_XML_PARSERS[:1] != [name]:
        feedparser.api.PREFERRED_XML_PARSERS[:] = [name]
