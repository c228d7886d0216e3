"""Official records as typed rows: Federal Register documents and Consolidated Screening List
entries, their parsers and the snapshot diff (listed names -> watchlist ids: names.py).
Pure functions, no I/O.

Federal Register documents API (no key):
``https://www.federalregister.gov/api/v1/documents.json?conditions[agencies][]=industry-and-security-bureau
&conditions[type][]=RULE&conditions[publication_date][gte]=YYYY-MM-DD&fields[]=...&per_page=100&order=oldest``;
a page is ``{"count", "total_pages", "next_page_url", "results": [...]}``.

Consolidated Screening List bulk JSON (``https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json``):
``{"results": [{"id", "source": "Entity List (EL) - Bureau of Industry and Security", "name", "alt_names",
"addresses": [{"address", "city", "state", "postal_code", "country"}], "programs", "federal_register_notice",
"start_date", "license_requirement", "license_policy", "source_list_url", ...}]}``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from sinowatch.errors import ParseError

FR_API = "https://www.federalregister.gov/api/v1/documents.json"
CSL_URL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json"
FR_FIELDS = ("document_number", "citation", "title", "abstract", "action", "type", "publication_date",
             "effective_on", "html_url", "pdf_url", "raw_text_url", "cfr_references", "agencies")
FR_TYPES = ("RULE", "PRORULE", "NOTICE")


@dataclass(frozen=True)
class FrDocument:
    document_number: str
    citation: str | None
    title: str
    abstract: str | None
    action: str | None
    doc_type: str | None
    publication_date: date
    effective_on: date | None
    html_url: str | None
    pdf_url: str | None
    raw_text_url: str | None
    cfr_references: str  # JSON
    agencies: tuple[str, ...]

    @property
    def event_type(self) -> str:
        """entity_list when the document changes the Entity List: its title says so ("Additions to
        the Entity List", "Entity List; Revision of an Existing Entry", "Removal of Certain Entities
        from the Entity List"), or, when the title does not name the list, its abstract states an
        addition, removal or revision of entries; otherwise export_control (the BIS rules this feed
        watches). A rule that only concerns listed parties ("Release of Technology to Certain
        Entities on the Entity List ...", a temporary general license for listed affiliates) is an
        export control; a notice of an investigation (Section 232) an investigation."""
        if "entity list" in self.title.lower():
            return "entity_list" if _EL_TITLE.search(self.title) else "export_control"
        if _EL_ABSTRACT.search(self.abstract or ""):
            return "entity_list"
        return "investigation" if _INVESTIGATION.search(self.title) else "export_control"

    @property
    def is_correction(self) -> bool:
        """A correction of an earlier document ("...; Correction"): not an act of its own."""
        return bool(_CORRECTION.search(self.title))


#: a change of the Entity List itself (not a mention of listed parties), in a title and in an abstract
#: (a gap runs to the end of a sentence: a period followed by a capital, not "Co., Ltd.")
_GAP = r"(?:(?!\.\s+(?-i:[A-Z])).){0,250}?"
_EL_TITLE = re.compile(r"^\s*Entity List\b|\b(?:Additions?|Removals?|Revisions?)\b(?:(?!;).){0,120}?"
                       r"\b(?:to|from|on|of) the Entity List\b", re.IGNORECASE)
_EL_ABSTRACT = re.compile(r"\b(?:add(?:s|ing|ed)?|remov(?:e|es|ing|ed))\b" + _GAP + r"\b(?:to|from) the Entity List\b"
                          r"|\brevis(?:e|es|ing|ed)\b" + _GAP + r"\bentr(?:y|ies)\b" + _GAP + r"\bon the Entity List\b",
                          re.IGNORECASE)
_INVESTIGATION = re.compile(r"\binvestigations?\b", re.IGNORECASE)
_CORRECTION = re.compile(r"(?:^|;)\s*Corrections?\b|\bCorrecting Amendments?\s*$", re.IGNORECASE)


def fr_url(base: str, *, since: date | None, agencies: Sequence[str] = ("industry-and-security-bureau",),
           types: Sequence[str] = FR_TYPES, per_page: int = 100) -> str:
    """The documents query: the agencies and types watched, published on or after ``since``
    (incremental: the last publication date stored), oldest first, with the kept fields."""
    if base.startswith("file:"):
        return base  # a recorded page (the demo): no query
    params: list[tuple[str, str]] = []
    if "conditions[" not in base and "conditions%5B" not in base:  # the feed URL's own conditions win
        params += [("conditions[agencies][]", a) for a in agencies]
        params += [("conditions[type][]", t) for t in types]
    if since is not None:
        params.append(("conditions[publication_date][gte]", since.isoformat()))
    params += [("fields[]", f) for f in FR_FIELDS]
    params += [("per_page", str(per_page)), ("order", "oldest")]
    return base + ("&" if "?" in base else "?") + urlencode(params)


def _date(v: Any, what: str) -> date | None:
    if v in (None, ""):
        return None
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        raise ParseError(f"{what}: not a date: {str(v)[:40]!r}") from None


def _json(body: bytes, what: str) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ParseError(f"{what} is not JSON ({e}); check the feed URL") from None


def parse_fr_page(body: bytes) -> tuple[list[FrDocument], str | None, list[str]]:
    """One page of the documents API -> (documents, next page URL, one-line problems of the
    documents skipped). A document without a number, title or publication date is skipped and
    named; the rest of the page is kept."""
    data = _json(body, "Federal Register response")
    if not isinstance(data, dict) or not isinstance(data.get("results", []), list):
        raise ParseError("Federal Register response has no 'results' list; check the feed URL")
    docs: list[FrDocument] = []
    problems: list[str] = []
    for i, r in enumerate(data.get("results") or []):
        try:
            if not isinstance(r, dict) or not r.get("document_number") or not r.get("title"):
                raise ParseError("no document_number or title")
            pub = _date(r.get("publication_date"), "publication_date")
            if pub is None:
                raise ParseError("no publication_date")
            agencies = tuple(str(a.get("slug") or a.get("name") or "") for a in (r.get("agencies") or [])
                             if isinstance(a, dict))
            docs.append(FrDocument(
                document_number=str(r["document_number"]), citation=r.get("citation") or None,
                title=str(r["title"]), abstract=r.get("abstract") or None, action=r.get("action") or None,
                doc_type=r.get("type") or None, publication_date=pub,
                effective_on=_date(r.get("effective_on"), "effective_on"), html_url=r.get("html_url") or None,
                pdf_url=r.get("pdf_url") or None, raw_text_url=r.get("raw_text_url") or None,
                cfr_references=json.dumps(r.get("cfr_references") or [], ensure_ascii=False),
                agencies=tuple(a for a in agencies if a)))
        except ParseError as e:
            problems.append(f"result {i}: {e}")
    nxt = data.get("next_page_url")
    return docs, (str(nxt) if nxt else None), problems


# ------------------------------------------------------------------------- screening list
@dataclass(frozen=True)
class CslEntry:
    entry_key: str
    source: str  # list code: EL, MEU, UVL, SDN, CMIC ...
    name: str
    alt_names: tuple[str, ...]
    addresses: str  # JSON
    countries: tuple[str, ...]
    programs: tuple[str, ...]
    federal_register_notice: str | None
    start_date: date | None
    license_requirement: str | None
    license_policy: str | None
    source_list_url: str | None

    @property
    def digest(self) -> str:
        kept = [self.source, self.name, sorted(self.alt_names), self.addresses, sorted(self.programs),
                self.federal_register_notice, str(self.start_date), self.license_requirement, self.license_policy,
                self.source_list_url]
        return hashlib.sha1(json.dumps(kept, ensure_ascii=False).encode()).hexdigest()

    def fields(self) -> dict[str, Any]:
        return {"name": self.name, "alt_names": sorted(self.alt_names), "addresses": self.addresses,
                "programs": sorted(self.programs), "federal_register_notice": self.federal_register_notice,
                "start_date": self.start_date, "license_requirement": self.license_requirement,
                "license_policy": self.license_policy, "source_list_url": self.source_list_url}


_LIST_CODE = re.compile(r"\(([A-Z][A-Z0-9-]{1,10})\)")


def list_code(source: str) -> str:
    """"Entity List (EL) - Bureau of Industry and Security" -> "EL"; a bare code stays."""
    m = _LIST_CODE.search(source or "")
    return m.group(1) if m else (source or "?").strip()[:40]


def parse_csl(body: bytes) -> tuple[list[CslEntry], list[str]]:
    """The bulk file -> (entries, one-line problems of the entries skipped)."""
    data = _json(body, "screening list")
    results = data.get("results") if isinstance(data, dict) else data
    if not isinstance(results, list):
        raise ParseError("screening list has no 'results' list; check the feed URL")
    out: dict[str, CslEntry] = {}
    problems: list[str] = []
    for i, r in enumerate(results):
        try:
            if not isinstance(r, dict) or not str(r.get("name") or "").strip():
                raise ParseError("no name")
            code = list_code(str(r.get("source") or ""))
            ident = str(r.get("id") or r.get("entity_number") or "").strip() or str(r["name"]).strip().casefold()
            addresses = [a for a in (r.get("addresses") or []) if isinstance(a, dict)]
            entry = CslEntry(
                entry_key=f"{code}:{ident}", source=code, name=str(r["name"]).strip(),
                alt_names=tuple(str(a).strip() for a in (r.get("alt_names") or []) if str(a).strip()),
                addresses=json.dumps(addresses, ensure_ascii=False, sort_keys=True),
                countries=tuple(sorted({str(a.get("country") or "").upper() for a in addresses} - {""})),
                programs=tuple(str(p) for p in (r.get("programs") or [])),
                federal_register_notice=r.get("federal_register_notice") or None,
                start_date=_date(r.get("start_date"), "start_date"),
                license_requirement=r.get("license_requirement") or None,
                license_policy=r.get("license_policy") or None, source_list_url=r.get("source_list_url") or None)
        except ParseError as e:
            problems.append(f"entry {i}: {e}")
            continue
        out[entry.entry_key] = entry
    return list(out.values()), problems


@dataclass(frozen=True)
class Change:
    change: str  # added | removed | changed
    entry: CslEntry
    fields: tuple[str, ...] = ()


def diff(previous: Mapping[str, CslEntry], current: Iterable[CslEntry]) -> list[Change]:
    """added / removed / changed entries between two snapshots (keyed on list + id), in key order."""
    cur = {e.entry_key: e for e in current}
    out: list[Change] = []
    for key in sorted(set(previous) | set(cur)):
        old, new = previous.get(key), cur.get(key)
        if old is None and new is not None:
            out.append(Change("added", new))
        elif new is None and old is not None:
            out.append(Change("removed", old))
        elif old is not None and new is not None and old.digest != new.digest:
            of, nf = old.fields(), new.fields()
            out.append(Change("changed", new, tuple(k for k in nf if of[k] != nf[k])))
    return out


def is_chinese(entry: CslEntry) -> bool:
    return bool({"CN", "HK", "MO"} & set(entry.countries)) or any(
        "\u4e00" <= ch <= "\u9fff" for ch in entry.name)
