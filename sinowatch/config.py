"""Configuration: one table of defaults with help text, overlaid by the user's TOML file.

The dataclasses below *are* the table of defaults: every field has a default and a help text
(``sinowatch config`` prints them). A user's file overrides only the keys it sets; an unknown key
or a wrong type is a one-line :class:`ConfigError` naming the key and the file.

Config is passed explicitly (flows take it as parameters); nothing reads a global.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import os
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sinowatch.errors import ConfigError
from sinowatch.records import ENTITY_KINDS, EVENT_STATUSES, EVENT_TYPES, Feed

ENV_CONFIG = "SINOWATCH_CONFIG"
_SIZE_RE = re.compile(r"^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", re.I)
DEFAULT_CONFIG_NAME = "sinowatch.toml"


def setting(default: Any, help: str, *, min: float | None = None, max: float | None = None,
            above: float | None = None) -> Any:
    """A config field with its default, help text and (for numbers) its allowed range: ``min`` and
    ``max`` are inclusive, ``above`` exclusive. A value out of range is refused when the file is
    loaded, naming the key and the file, instead of making every feed fail at run time."""
    meta = {"help": help, "min": min, "max": max, "above": above}
    if isinstance(default, list | dict):
        return field(default_factory=functools.partial(copy.copy, default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class WarehouseConfig:
    path: str = setting("sinowatch.duckdb", "DuckDB file, relative to the config file's folder")
    lock_timeout: float = setting(30.0, "Seconds a run waits for another writer before giving up", min=0)
    query_memory_limit: str = setting(
        "2GB", "Memory a read-only query (`sinowatch sql`, status, trends) may use, DuckDB size such as 2GB"
    )
    query_temp_limit: str = setting(
        "1GB", "Disk a read-only query may spill to (the warehouse's .tmp folder), DuckDB size; 0B = no spilling"
    )


@dataclass
class FetchConfig:
    timeout: float = setting(20.0, "Read timeout per request, seconds", above=0)
    connect_timeout: float = setting(10.0, "Connect timeout per request, seconds", above=0)
    deadline: float = setting(
        60.0, "Longest one request may take from connect to its last byte, headers included, seconds "
        "(a server that trickles bytes never trips the per-read timeout)", above=0,
    )
    max_bytes: int = setting(10_000_000, "Largest body accepted; bigger responses are cut off and fail", min=1)
    max_redirects: int = setting(5, "Redirects followed before giving up", min=0, max=100)
    user_agent: str = setting(
        "sinowatch/0.1 (+https://github.com/sinowatch/sinowatch; news monitoring)",
        "User-Agent header sent with every request",
    )
    concurrency: int = setting(8, "Feeds fetched at once", min=1, max=256)
    retries: int = setting(3, "Retries on timeouts, 429 and 5xx (after the first try)", min=0, max=20)
    backoff: float = setting(1.0, "First retry delay in seconds; doubles each retry", min=0, max=600)
    max_retry_after: float = setting(60.0, "Longest Retry-After honoured, seconds", min=0)
    allow_private: bool = setting(
        False, "Allow loopback/private addresses (off by default: a shared deployment must not be an SSRF proxy)"
    )
    allow_file: bool = setting(False, "Allow file:// feed URLs (the demo turns this on)")
    max_entries: int = setting(5000, "Entries taken from one feed per fetch; the rest are skipped and counted", min=1)


@dataclass
class FeedConfig:
    name: str = setting("", "Unique feed name")
    url: str = setting("", "Feed URL (http, https; file only when fetch.allow_file)")
    language: str = setting("", "Expected language (en, zh); empty = detect per article")
    tags: list[str] = setting([], "Free tags, e.g. ['policy', 'chips']")
    enabled: bool = setting(True, "Fetch this feed in runs")
    full_text: bool = setting(False, "Fetch each article page and extract its main text (trafilatura)")
    kind: str = setting(
        "news", "news (an RSS/Atom feed of articles), federal_register (the Federal Register documents API) or "
        "screening_list (the Consolidated Screening List bulk JSON) or mofcom (a MOFCOM list page of announcements, "
        "HTML): the official kinds are fetched by "
        "`sinowatch official`"
    )

    def to_feed(self) -> Feed:
        return Feed(
            name=self.name,
            url=self.url,
            language=self.language or None,
            tags=tuple(self.tags),
            enabled=self.enabled,
            full_text=self.full_text,
        )


@dataclass
class ExtractionConfig:
    batch_size: int = setting(64, "Articles per nlp.pipe batch (what the extraction stage holds in memory)", min=1)
    load_batch: int = setting(
        2000, "Articles per load transaction: extraction batches are saved together, with their alert outbox rows, "
        "in transactions of about this many articles (a crash loses at most one; the next run redoes it)",
        min=1,
    )
    watchlist: list[str] = setting([], "Extra watchlist files (YAML) that extend or override the bundled one")
    use_ner: bool = setting(False, "Run the statistical English NER for watchlist discovery (slower)")
    min_event_confidence: float = setting(0.5, "Events below this confidence are dropped", min=0, max=1)
    event_classifier: bool = setting(
        True, "Run the transformer event classifier beside the rules: it adds events the rules miss and drops weak "
        "rule events it rejects (never export_control/entity_list). On by default since #15 round 5: chosen on the "
        "evaluation articles' val split, which the rules were not tuned on (event-type F1 0.763 -> 0.896); the daily "
        "run costs about 1.25x (models/events/MODEL_CARD.md). false = the rules alone (faster, no model needed)"
    )
    event_classifier_dir: str = setting("", "Event classifier artefact folder; empty = the bundled one")


@dataclass
class SentimentConfig:
    enabled: bool = setting(True, "Score sentiment per mention, entity and article")
    model_dir: str = setting("", "Trained model folder; empty = the bundled model")
    batch_size: int = setting(64, "Pairs per inference batch (the fp32 runtime, or the int8 one with pairwise = false)", min=1)
    pairwise: bool = setting(
        True, "Score each (target, context) pair on its own with the int8 model, so a label never depends on the other "
        "pairs of the run (the int8 graph quantizes activations over its whole input; false: padded batches, "
        "about 1.5x faster, and 2-4% of labels then change with the batch)"
    )
    runtime: str = setting("onnx", "onnx (int8, fast) or torch (fp32)")
    policy_events: bool = setting(
        True, "Combine the model with the events of the mention's context: a target of a proposed or enacted "
        "export control, Entity List listing, tariff or probe is negative, of a reversal positive, the acting "
        "regulator neutral, a target of an investment, model release or chip launch positive "
        "(models/sentiment/policy.py; chosen on validation, MODEL_CARD.md)"
    )


@dataclass
class SmtpConfig:
    host: str = setting("localhost", "SMTP server host")
    port: int = setting(25, "SMTP server port", min=1, max=65535)
    security: str = setting("none", "none, starttls or ssl")
    username: str = setting("", "SMTP user name; empty = no login")
    password_env: str = setting("SINOWATCH_SMTP_PASSWORD", "Environment variable that holds the password")
    sender: str = setting("sinowatch@localhost", "From address")
    timeout: float = setting(20.0, "SMTP timeout, seconds", above=0)


@dataclass
class AlertRule:
    name: str = setting("export-controls", "Rule name (appears in the email footer)")
    event_types: list[str] = setting(["export_control", "entity_list"], "Event types that match; empty = any")
    entities: list[str] = setting([], "Watchlist ids that must be involved; empty = any watchlist entity")
    kinds: list[str] = setting([], "Entity kinds that must be involved; empty = any")
    min_confidence: float = setting(0.6, "Lowest event confidence that alerts", min=0, max=1)
    statuses: list[str] = setting(
        ["proposed", "enacted", "reversed"],
        "Event statuses that match (proposed, enacted, reversed, background); empty = any. An event "
        "without a status (types where none applies) always passes",
    )
    languages: list[str] = setting([], "Article languages; empty = any")
    feeds: list[str] = setting([], "Feed names; empty = any")
    recipients: list[str] = setting(["analyst@localhost"], "Who receives the digest by email; empty = no email")
    channels: list[str] = setting([], "Names of [[alerts.channels]] (Slack, Teams, Telegram, webhooks...) that also receive it")


@dataclass
class ChannelConfig:
    name: str = setting("", "Channel name, used by rules' `channels`")
    url: str = setting(
        "", "Apprise URL (e.g. slack://..., json://host/path); write secrets as ${ENV_VAR}, filled from the environment"
    )


@dataclass
class AlertsConfig:
    enabled: bool = setting(True, "Queue and send alert digests")
    max_tries: int = setting(5, "Failed sends before an alert is marked failed", min=1)
    requeue_failed_after_hours: float = setting(
        24.0, "Failed alerts are re-queued (tries reset) by the next send this many hours after their last try, "
        "so an outage longer than max_tries sends loses nothing; 0 = never (then `sinowatch alerts requeue`)", min=0,
    )
    max_age_days: int = setting(
        7, "Articles published more than this many days ago never alert (backfills stay quiet); 0 = no limit", min=0
    )
    report_base_url: str = setting("", "Base URL where reports are published; digests link to it")
    feed_out: str = setting("", "Atom feed of recent alerts written on each run (relative to the config); empty = none")
    feed_days: int = setting(30, "Days of alerts the Atom feed holds")
    channels: list[ChannelConfig] = field(
        default_factory=list, metadata={"help": "Non-email channels ([[alerts.channels]]), sent with Apprise"}
    )
    smtp: SmtpConfig = field(default_factory=SmtpConfig, metadata={"help": "SMTP settings"})
    rules: list[AlertRule] = field(
        default_factory=lambda: [AlertRule()], metadata={"help": "Alert rules ([[alerts.rules]])"}
    )


@dataclass
class ScheduleConfig:
    cron: str = setting("0 7 * * *", "When the daily flow runs (cron)")
    timezone: str = setting("UTC", "Time zone of the cron schedule, e.g. Asia/Shanghai")
    catchup: bool = setting(True, "After downtime, run once to catch up (never once per missed day)")


@dataclass
class FlowsConfig:
    dask_address: str = setting("", "Address of an existing Dask scheduler for extraction batches")
    extract_batch: int = setting(200, "Articles per extraction task", min=1)
    log_level: str = setting("INFO", "Prefect's log level for run logs (DEBUG, INFO, WARNING)")
    startup_timeout: int = setting(
        90, "Seconds Prefect's ephemeral server may take to start (Prefect's own default, 20, is too short on a busy machine)",
        min=1,
    )
    deployment: str = setting("sinowatch-daily", "Name of the deployment `sinowatch serve` registers")
    server_port: int = setting(4200, "Port of the Prefect server `sinowatch serve` starts when PREFECT_API_URL is unset", min=1, max=65535)


@dataclass
class ReportConfig:
    days: int = setting(120, "Days covered by the report", min=1)
    out: str = setting("report.html", "Where the daily run writes the report (relative to the config)")
    plotly_js: str = setting(
        "inline", "inline (one self-contained ~5 MB file), file (a small report + plotly-*.min.js beside it) "
        "or cdn (a small report that loads plotly.js from the network)"
    )


@dataclass
class Config:
    warehouse: WarehouseConfig = field(default_factory=WarehouseConfig, metadata={"help": "Warehouse"})
    fetch: FetchConfig = field(default_factory=FetchConfig, metadata={"help": "Fetching"})
    feeds: list[FeedConfig] = field(default_factory=list, metadata={"help": "Feeds ([[feeds]])"})
    extraction: ExtractionConfig = field(default_factory=ExtractionConfig, metadata={"help": "Extraction"})
    sentiment: SentimentConfig = field(default_factory=SentimentConfig, metadata={"help": "Sentiment"})
    alerts: AlertsConfig = field(default_factory=AlertsConfig, metadata={"help": "Alerts"})
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig, metadata={"help": "Schedule"})
    flows: FlowsConfig = field(default_factory=FlowsConfig, metadata={"help": "Prefect flows"})
    report: ReportConfig = field(default_factory=ReportConfig, metadata={"help": "Report"})
    #: folder that relative paths are resolved against (the config file's folder); not a TOML key
    base_dir: str = field(default=".", metadata={"help": "", "internal": True})
    #: the file this config came from, if any; not a TOML key
    source: str = field(default="", metadata={"help": "", "internal": True})

    def resolve(self, path: str) -> Path:
        p = Path(os.path.expanduser(path))
        return p if p.is_absolute() else Path(self.base_dir) / p

    @property
    def warehouse_path(self) -> Path:
        return self.resolve(self.warehouse.path)

    @property
    def state_dir(self) -> Path:
        """Folder for run state (Prefect home, caches): next to the warehouse."""
        return self.warehouse_path.parent / ".sinowatch-state"

    def enabled_feeds(self) -> list[Feed]:
        return [f.to_feed() for f in self.feeds if f.enabled and f.kind == "news"]

    def feed(self, name: str) -> Feed:
        for f in self.feeds:
            if f.name == name:
                return f.to_feed()
        names = ", ".join(f.name for f in self.feeds) or "none configured"
        raise ConfigError(f"no feed named {name!r} in {self.source or 'the config'} (feeds: {names})")


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", str(tp))


def _coerce(value: Any, tp: Any, key: str, source: str) -> Any:
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ConfigError(f"{source}: '{key}' must be a table, got {type(value).__name__}")
        return _build(tp, value, key, source)
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        if not isinstance(value, list):
            raise ConfigError(f"{source}: '{key}' must be a list, got {type(value).__name__}")
        return [_coerce(v, item_tp, f"{key}[{i}]", source) for i, v in enumerate(value)]
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _coerce(value, args[0], key, source)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp is bool and not isinstance(value, bool):
        raise ConfigError(f"{source}: '{key}' must be true or false, got {value!r}")
    if tp is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigError(f"{source}: '{key}' must be an integer, got {value!r}")
    if not isinstance(value, tp):
        raise ConfigError(f"{source}: '{key}' must be {_type_name(tp)}, got {type(value).__name__} {value!r}")
    return value


def _build(cls: Any, data: dict[str, Any], prefix: str, source: str) -> Any:
    """Start from cls's defaults and override only the keys present in data."""
    obj = cls()
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    for key, value in data.items():
        full = f"{prefix}.{key}" if prefix else key
        if key not in known:
            hint = ", ".join(sorted(known))
            raise ConfigError(f"{source}: unknown key '{full}' (known here: {hint})")
        coerced = _coerce(value, hints[key], full, source)
        _check_range(known[key], coerced, full, source)
        setattr(obj, key, coerced)
    return obj


def _check_range(f: dataclasses.Field[Any], value: Any, key: str, source: str) -> None:
    """Refuse a number outside the field's declared range (``setting(min=, max=, above=)``)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return
    lo, hi, above = f.metadata.get("min"), f.metadata.get("max"), f.metadata.get("above")
    if value != value or value in (float("inf"), float("-inf")):  # NaN, inf: TOML allows them
        raise ConfigError(f"{source}: '{key}' must be a finite number, got {value!r}")
    if above is not None and not value > above:
        raise ConfigError(f"{source}: '{key}' must be greater than {above:g}, got {value!r}")
    if lo is not None and value < lo:
        raise ConfigError(f"{source}: '{key}' must be at least {lo:g}, got {value!r}")
    if hi is not None and value > hi:
        raise ConfigError(f"{source}: '{key}' must be at most {hi:g}, got {value!r}")


def _validate(cfg: Config) -> None:
    src = cfg.source or "config"
    seen: set[str] = set()
    for i, f in enumerate(cfg.feeds):
        if not f.name or not f.url:
            raise ConfigError(f"{src}: 'feeds[{i}]' needs both name and url")
        if f.name in seen:
            raise ConfigError(f"{src}: 'feeds[{i}].name' {f.name!r} is used twice")
        seen.add(f.name)
        if f.kind not in ("news", "federal_register", "screening_list", "mofcom"):
            raise ConfigError(f"{src}: 'feeds[{i}].kind' must be news, federal_register, screening_list or mofcom, "
                              f"got {f.kind!r}")
    if cfg.alerts.smtp.security not in ("none", "starttls", "ssl"):
        raise ConfigError(f"{src}: 'alerts.smtp.security' must be none, starttls or ssl")
    if cfg.report.plotly_js not in ("inline", "file", "cdn"):
        raise ConfigError(f"{src}: 'report.plotly_js' must be inline, file or cdn, got {cfg.report.plotly_js!r}")
    if cfg.sentiment.runtime not in ("onnx", "torch"):
        raise ConfigError(f"{src}: 'sentiment.runtime' must be onnx or torch")
    rule_names = [r.name for r in cfg.alerts.rules]
    if len(set(rule_names)) != len(rule_names):
        raise ConfigError(f"{src}: alert rule names must be unique, got {rule_names}")
    for r in cfg.alerts.rules:
        for key, allowed in (("event_types", EVENT_TYPES), ("kinds", ENTITY_KINDS), ("statuses", EVENT_STATUSES)):
            bad = [v for v in getattr(r, key) if v not in allowed]
            if bad:
                raise ConfigError(f"{src}: alert rule {r.name!r}: '{key}' has {bad[0]!r}; use {', '.join(allowed)}")
    channel_names = [c.name for c in cfg.alerts.channels]
    for i, c in enumerate(cfg.alerts.channels):
        if not c.name or not c.url:
            raise ConfigError(f"{src}: 'alerts.channels[{i}]' needs both name and url")
        if c.name == "email" or channel_names.count(c.name) > 1:
            raise ConfigError(f"{src}: 'alerts.channels[{i}].name' {c.name!r} is reserved or used twice")
    for r in cfg.alerts.rules:
        unknown = [c for c in r.channels if c not in channel_names]
        if unknown:
            known = ", ".join(channel_names) or "none configured"
            raise ConfigError(f"{src}: alert rule {r.name!r} names unknown channel(s) {unknown} (channels: {known})")
    for key in ("query_memory_limit", "query_temp_limit"):
        if not _SIZE_RE.match(getattr(cfg.warehouse, key)):
            raise ConfigError(f"{src}: 'warehouse.{key}' must be a size such as 512MB or 2GB, "
                              f"got {getattr(cfg.warehouse, key)!r}")
    if cfg.fetch.concurrency < 1 or cfg.fetch.max_bytes < 1:
        raise ConfigError(f"{src}: 'fetch.concurrency' and 'fetch.max_bytes' must be positive")


def parse_config(text: str, *, source: str = "<string>", base_dir: str | Path = ".") -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{source}: not valid TOML: {e}") from None
    cfg: Config = _build(Config, data, "", source)
    cfg.base_dir = str(base_dir)
    cfg.source = source
    _validate(cfg)
    return cfg


def find_config_path(explicit: str | Path | None = None) -> Path | None:
    """--config, else $SINOWATCH_CONFIG, else ./sinowatch.toml, else the demo's config after `make demo`."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env)
    local = Path.cwd() / DEFAULT_CONFIG_NAME
    if local.exists():
        return local
    demo = Path.cwd() / ".state" / "demo" / DEFAULT_CONFIG_NAME
    if demo.exists():
        return demo
    return None


def load_config(path: str | Path | None = None) -> Config:
    """Load the config (see :func:`find_config_path`); no file at all gives the defaults."""
    found = find_config_path(path)
    if found is None:
        cfg = Config()
        cfg.base_dir = str(Path.cwd())
        return cfg
    if not found.exists():
        raise ConfigError(f"config file {found} does not exist (run `sinowatch init` to create one)")
    try:
        text = found.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{found}: cannot read: {e}") from None
    return parse_config(text, source=str(found), base_dir=found.resolve().parent)


def _list_item(cls: Any, name: str) -> Any:
    """The element type of the list field ``name`` of ``cls`` (None when it is not a list)."""
    args = typing.get_args(typing.get_type_hints(cls)[name])
    return args[0] if args else None


def describe_defaults(cls: Any = Config, prefix: str = "") -> list[tuple[str, str, str]]:
    """(key, default, help) rows for every setting, for `sinowatch config`."""
    rows: list[tuple[str, str, str]] = []
    obj = cls()
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        key = f"{prefix}.{f.name}" if prefix else f.name
        value = getattr(obj, f.name)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            rows.extend(describe_defaults(type(value), key))
        elif isinstance(value, list) and dataclasses.is_dataclass(item := _list_item(cls, f.name)):
            rows.extend(describe_defaults(item, f"{key}[]"))  # [[feeds]], [[alerts.rules]], [[alerts.channels]]
        else:
            rows.append((key, repr(value), f.metadata.get("help", "")))
    return rows


def config_to_dict(config: Config) -> dict[str, Any]:
    """A JSON-able form of the config (for a flow's parameters), with its base_dir and source."""
    return dataclasses.asdict(config)


def config_from_dict(data: dict[str, Any]) -> Config:
    """The config back from :func:`config_to_dict`, checked as a config file is (unknown keys, types,
    the cross-key rules)."""
    data = dict(data)
    base_dir = str(data.pop("base_dir", "."))
    source = str(data.pop("source", "") or "")
    cfg: Config = _build(Config, data, "", source or "<flow parameters>")
    cfg.base_dir, cfg.source = base_dir, source
    _validate(cfg)
    return cfg
