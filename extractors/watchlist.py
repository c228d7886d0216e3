"""The watchlist: which firms, chips, policy instruments and agencies sinowatch tags, and how.

The bundled list is data (``models/watchlist.yaml``, schema in ``models/watchlist.schema.md``);
users extend or override it with their own YAML files (``[extraction] watchlist = [...]``) without
touching the package. Everything is validated at load: a bad entry is an :class:`ExtractionError`
that names the file and the entry.

Merge rules for user files, applied in order:
  * a new ``id`` adds an entity;
  * an existing ``id`` updates the fields it sets; alias lists (aliases, aliases_zh, products,
    tickers) are *appended* to, unless the entry says ``replace: true``;
  * ``remove: true`` drops the entity.
The effective version is the bundled ``version`` plus a short hash of the user files, so stored
extractions are re-done (``sinowatch reextract``) when any of them changes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from sinowatch.errors import ExtractionError
from sinowatch.records import ENTITY_KINDS

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ALIAS_LISTS = ("aliases", "aliases_zh", "products", "tickers")
_ENTITY_KEYS = {"id", "kind", "name", "country", "parent", "notes", "replace", "remove", "actor_only", *_ALIAS_LISTS}
_ALIAS_KEYS = {"text", "case_sensitive", "context", "veto", "not_before", "not_after", "notes"}


@dataclass(frozen=True)
class Alias:
    """One surface form of an entity and the conditions under which it counts.

    ``context``: regexes (case-insensitive), at least one of which must occur near the hit, unless
    the entity is already confirmed by an unconditional alias in the same text. ``veto``: regexes
    that reject the hit when they occur near it. ``not_before`` / ``not_after``: regexes tested on
    the text right after / right before the hit (``^`` / ``$`` anchored by the author).
    """

    text: str
    case_sensitive: bool = False
    context: tuple[str, ...] = ()
    veto: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    source: str = "aliases"

    def as_pattern(self, entity: Entity) -> dict[str, Any]:
        return {
            "id": entity.id, "kind": entity.kind, "text": self.text, "case_sensitive": self.case_sensitive,
            "context": list(self.context), "veto": list(self.veto), "not_before": list(self.not_before),
            "not_after": list(self.not_after), "source": self.source, "actor_only": entity.actor_only,
        }


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    name: str
    country: str = ""
    parent: str | None = None
    aliases: tuple[Alias, ...] = ()
    notes: str = ""
    # a government named only as the acting authority of events: never a mention (see schema)
    actor_only: bool = False


@dataclass(frozen=True)
class Watchlist:
    version: str
    entities: dict[str, Entity] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.entities)

    def kind(self, entity_id: str) -> str:
        return self.entities[entity_id].kind

    def government_of(self) -> dict[str, str]:
        """Agency id -> the id of its country's government (an ``actor_only`` entity of the same
        country), for agencies whose country has one."""
        govs = {e.country: e.id for e in self.entities.values() if e.actor_only and e.country}
        return {e.id: govs[e.country] for e in self.entities.values()
                if e.kind == "agency" and not e.actor_only and e.country in govs}

    def patterns(self) -> list[dict[str, Any]]:
        """One JSON-able row per alias: what the matcher component stores with to_disk."""
        return [a.as_pattern(e) for e in self.entities.values() for a in e.aliases]


def bundled_path() -> Path:
    return Path(str(resources.files("sinowatch.models") / "watchlist.yaml"))


def load_watchlist(extra: Sequence[str | Path] = (), *, base: str | Path | None = None) -> Watchlist:
    """The bundled watchlist (or ``base``), extended by the user files in ``extra``."""
    base_path = Path(base) if base is not None else bundled_path()
    data = _read_yaml(base_path)
    version = data.get("version")
    if not isinstance(version, str | int | float) or not str(version).strip():
        raise ExtractionError(f"{base_path}: the watchlist needs a top-level 'version' string")
    entities: dict[str, Entity] = {}
    for raw in _entries(data, base_path):
        ent = _parse_entity(raw, base_path, partial=False)
        if ent.id in entities:
            raise ExtractionError(f"{base_path}: entity {ent.id!r} is defined twice")
        entities[ent.id] = ent
    digest = hashlib.sha256()
    sources = [str(base_path)]
    for p in extra:
        path = Path(p)
        udata = _read_yaml(path)
        digest.update(path.read_bytes())
        sources.append(str(path))
        for raw in _entries(udata, path):
            _merge(entities, raw, path)
    _check_references(entities, sources[-1] if extra else str(base_path))
    full_version = str(version).strip()
    if extra:
        full_version += "+" + digest.hexdigest()[:8]
    return Watchlist(version=full_version, entities=entities, sources=tuple(sources))


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ExtractionError(f"cannot read watchlist file {path}: {e}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ExtractionError(f"{path}: not valid YAML: {' '.join(str(e).split())[:300]}") from None
    if not isinstance(data, dict):
        raise ExtractionError(f"{path}: a watchlist file is a mapping with 'version' and 'entities'")
    unknown = set(data) - {"version", "entities"}
    if unknown:
        raise ExtractionError(f"{path}: unknown top-level key(s) {sorted(unknown)} (known: version, entities)")
    return data


def _entries(data: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    entries = data.get("entities")
    if not isinstance(entries, list):
        raise ExtractionError(f"{path}: 'entities' must be a list of entity records")
    for i, raw in enumerate(entries):
        if not isinstance(raw, dict):
            raise ExtractionError(f"{path}: entities[{i}] must be a mapping, got {type(raw).__name__}")
    return entries


def _where(path: Path, raw: dict[str, Any]) -> str:
    return f"{path}: entity {raw.get('id', '<no id>')!r}"


def _parse_entity(raw: dict[str, Any], path: Path, *, partial: bool) -> Entity:
    where = _where(path, raw)
    unknown = set(raw) - _ENTITY_KEYS
    if unknown:
        raise ExtractionError(f"{where}: unknown field(s) {sorted(unknown)} (known: {', '.join(sorted(_ENTITY_KEYS))})")
    eid = raw.get("id")
    if not isinstance(eid, str) or not _ID_RE.match(eid):
        raise ExtractionError(f"{where}: 'id' must be a lowercase slug (a-z, 0-9, '-')")
    kind = raw.get("kind", "" if partial else None)
    if not partial or kind:
        if kind not in ENTITY_KINDS:
            raise ExtractionError(f"{where}: 'kind' must be one of {', '.join(ENTITY_KINDS)}, got {kind!r}")
    name = raw.get("name", "")
    if not partial and (not isinstance(name, str) or not name.strip()):
        raise ExtractionError(f"{where}: 'name' is required")
    for key in ("country", "notes", "name"):
        if key in raw and not isinstance(raw[key], str):
            raise ExtractionError(f"{where}: '{key}' must be a string")
    parent = raw.get("parent")
    if parent is not None and (not isinstance(parent, str) or not _ID_RE.match(parent)):
        raise ExtractionError(f"{where}: 'parent' must be an entity id")
    aliases: list[Alias] = []
    for key in _ALIAS_LISTS:
        items = raw.get(key, [])
        if not isinstance(items, list):
            raise ExtractionError(f"{where}: '{key}' must be a list")
        for j, item in enumerate(items):
            aliases.append(_parse_alias(item, key, f"{where}, {key}[{j}]"))
    if not partial and not aliases:
        raise ExtractionError(f"{where}: needs at least one alias")
    actor_only = raw.get("actor_only", False)
    if not isinstance(actor_only, bool):
        raise ExtractionError(f"{where}: 'actor_only' must be true or false")
    return Entity(id=eid, kind=kind or "", name=name or "", country=raw.get("country", ""), parent=parent,
                  aliases=tuple(aliases), notes=raw.get("notes", ""), actor_only=actor_only)


def _regexes(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise ExtractionError(f"{where}: '{key}' must be a list of regular expressions")
    out = tuple(str(v) for v in value)
    for rx in out:
        try:
            re.compile(rx)
        except re.error as e:
            raise ExtractionError(f"{where}: '{key}' has a bad regular expression {rx!r}: {e}") from None
    return out


def _parse_alias(item: Any, source: str, where: str) -> Alias:
    if isinstance(item, str | int | float) and not isinstance(item, bool):
        text = str(item).strip()
        if not text:
            raise ExtractionError(f"{where}: empty alias")
        # tickers are exact symbols; everything else matches case-insensitively by default
        return Alias(text=text, case_sensitive=source == "tickers", source=source)
    if not isinstance(item, dict):
        raise ExtractionError(f"{where}: an alias is a string or a mapping with 'text'")
    unknown = set(item) - _ALIAS_KEYS
    if unknown:
        raise ExtractionError(f"{where}: unknown alias option(s) {sorted(unknown)} (known: {', '.join(sorted(_ALIAS_KEYS))})")
    raw_text = item.get("text")
    if not isinstance(raw_text, str | int) or not str(raw_text).strip():
        raise ExtractionError(f"{where}: alias needs a non-empty 'text'")
    cs = item.get("case_sensitive", source == "tickers")
    if not isinstance(cs, bool):
        raise ExtractionError(f"{where}: 'case_sensitive' must be true or false")
    return Alias(
        text=str(raw_text).strip(), case_sensitive=cs, source=source,
        context=_regexes(item.get("context"), "context", where), veto=_regexes(item.get("veto"), "veto", where),
        not_before=_regexes(item.get("not_before"), "not_before", where),
        not_after=_regexes(item.get("not_after"), "not_after", where),
    )


def _merge(entities: dict[str, Entity], raw: dict[str, Any], path: Path) -> None:
    eid = raw.get("id")
    if raw.get("remove"):
        if eid not in entities:
            raise ExtractionError(f"{_where(path, raw)}: cannot remove an entity that does not exist")
        del entities[eid]  # type: ignore[arg-type]
        return
    old = entities.get(eid) if isinstance(eid, str) else None
    new = _parse_entity(raw, path, partial=old is not None)
    if old is None:
        entities[new.id] = new
        return
    aliases = new.aliases if raw.get("replace") else old.aliases + new.aliases
    entities[new.id] = replace(
        old, kind=new.kind or old.kind, name=new.name or old.name,
        country=raw.get("country", old.country), parent=raw.get("parent", old.parent),
        notes=raw.get("notes", old.notes), aliases=aliases, actor_only=raw.get("actor_only", old.actor_only),
    )


def _check_references(entities: dict[str, Entity], where: str) -> None:
    for e in entities.values():
        if e.parent is not None and e.parent not in entities:
            raise ExtractionError(f"{where}: entity {e.id!r} has unknown parent {e.parent!r}")
        if not e.aliases:
            raise ExtractionError(f"{where}: entity {e.id!r} has no aliases left")
    # the same unconditional surface form must not point at two entities
    owner: dict[tuple[str, bool], str] = {}
    for e in entities.values():
        for a in e.aliases:
            if a.context or a.veto or a.not_before or a.not_after:
                continue
            key = (a.text if a.case_sensitive else a.text.lower(), a.case_sensitive)
            if key in owner and owner[key] != e.id:
                raise ExtractionError(f"{where}: alias {a.text!r} of {e.id!r} is already an alias of {owner[key]!r}")
            owner[key] = e.id


def chinese_name(entity: Entity) -> str | None:
    """The entity's first Chinese alias (``aliases_zh``), unless the name already is that."""
    zh = next((a.text for a in entity.aliases if a.source == "aliases_zh"), None)
    return zh if zh and zh != entity.name else None


def entity_rows(watchlist: Watchlist) -> Iterable[tuple[str, str, str, str, str | None]]:
    """(id, kind, name, country, parent) for the warehouse's entities table."""
    for e in watchlist.entities.values():
        yield e.id, e.kind, e.name, e.country, e.parent
