"""Prefect's environment, set up BEFORE ``import prefect``.

Prefect reads its settings once, when it is imported, so everything here must run first:
``setup_prefect_env(config)`` is the first line of every entry point that uses Prefect
(``run_daily``, ``serve``, the tests' conftest). It never overrides a variable the user set.

- telemetry and analytics off: no call leaves the machine (DO_NOT_TRACK, server analytics,
  OS resource metrics);
- PREFECT_HOME under the app's state directory (next to the warehouse), not ~/.prefect;
- the ephemeral server's start-up limit raised from 20 s: on a busy 2-core machine the
  ephemeral server takes 15-25 s to start;
- results are not persisted by default (a persisted result would make a repeated insert
  look done without running it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

#: what the ephemeral server and the harness get to start; Prefect's default is 20 s
STARTUP_TIMEOUT_S = 90

_QUIET_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": str(STARTUP_TIMEOUT_S),
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LEVEL": "INFO",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "sinowatch",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
}


def prefect_env(state_dir: str | Path | None, *, log_level: str | None = None,
                startup_timeout: int | None = None) -> dict[str, str]:
    """The PREFECT_* variables sinowatch wants (before the user's own, which win)."""
    env = dict(_QUIET_DEFAULTS)
    if state_dir is not None:
        env["PREFECT_HOME"] = str(Path(state_dir) / "prefect")
    if log_level:
        env["PREFECT_LOGGING_LEVEL"] = log_level.upper()
    if startup_timeout:
        env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = str(int(startup_timeout))
    return env


def setup_prefect_env(config: Any = None, *, state_dir: str | Path | None = None) -> bool:
    """Export the Prefect environment for ``config`` (a :class:`~sinowatch.config.Config`).

    Returns False (and changes nothing Prefect already read) when prefect was imported before:
    the caller then runs with whatever settings that import saw.
    """
    if state_dir is None and config is not None:
        state_dir = config.state_dir
    flows = getattr(config, "flows", None)
    env = prefect_env(
        state_dir,
        log_level=getattr(flows, "log_level", None),
        startup_timeout=getattr(flows, "startup_timeout", None),
    )
    for key, value in env.items():
        os.environ.setdefault(key, value)
    if state_dir is not None:
        Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    return "prefect" not in sys.modules


def run_logger() -> Any:
    """Prefect's run logger inside a flow or task run; the module logger when called outside one
    (task logic tested through ``.fn()``)."""
    import logging

    from prefect import get_run_logger
    from prefect.exceptions import MissingContextError

    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("sinowatch.flows")
