"""The one exception tree of sinowatch.

    SinowatchError                 base: the CLI turns any of these into a one-line message
    ├── ConfigError                bad config file, unknown key, wrong type
    ├── FetchError                 a feed or page could not be fetched (status, timeout, size cap)
    │   └── UnsafeURLError         a URL refused by policy (scheme, private address)
    ├── ParseError                 bytes that are not a usable feed
    ├── ExtractionError            extractor or watchlist problems
    ├── ModelError                 a model is missing or broken (says how to build/install it)
    ├── WarehouseError             DuckDB problems
    │   └── WarehouseLockedError   another process holds the warehouse
    ├── AlertError                 alert rules or SMTP problems
    └── QueryError                 a user's SQL (`sinowatch sql`) failed

Per-item failures (one feed, one article) are *recorded* on the run, not raised past the stage:
the caller decides what one failing item costs (spaCy's error-handler idea).
"""

from __future__ import annotations


class SinowatchError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with."""

    exit_code: int = 1


class ConfigError(SinowatchError):
    exit_code = 2


class FetchError(SinowatchError):
    """A fetch failed. ``status`` is the HTTP status when there was one."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class UnsafeURLError(FetchError):
    pass


class ParseError(SinowatchError):
    pass


class ExtractionError(SinowatchError):
    pass


class ModelError(SinowatchError):
    exit_code = 3


class WarehouseError(SinowatchError):
    exit_code = 4


class WarehouseLockedError(WarehouseError):
    exit_code = 5


class AlertError(SinowatchError):
    pass


class QueryError(SinowatchError):
    """The SQL given to `sinowatch sql` failed (syntax, unknown table, ...)."""

    exit_code = 6
