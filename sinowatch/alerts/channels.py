"""Non-email alert channels (Slack, Teams, Telegram, Discord, ntfy, webhooks, ...) through Apprise.

Each ``[[alerts.channels]]`` entry is a name and an Apprise URL; a rule lists the channels that
receive its digest besides its email recipients. Apprise URLs carry tokens, so a URL is written
with ``${ENV_VAR}`` placeholders that are filled from the environment when the channel is opened:

    [[alerts.channels]]
    name = "compliance-slack"
    url = "slack://${SLACK_TOKEN_A}/${SLACK_TOKEN_B}/${SLACK_TOKEN_C}/#compliance"

The filled-in values (and the whole URL) are secrets: they are never logged, never stored, and
scrubbed from every error message; Apprise's own log records are scrubbed while a send runs.
Delivery guarantees are the outbox's (see :mod:`sinowatch.alerts.stage` and docs/alerts.md).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Protocol

from sinowatch.config import ChannelConfig
from sinowatch.errors import AlertError

_PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
# Loggers that see the filled-in URL during a send (urllib3 logs the request line at DEBUG).
_LOGGERS = ("apprise", "urllib3.connectionpool", "urllib3.util.retry", "requests")


class Notifier(Protocol):
    """Anything that delivers a titled text message to one channel and says what happened."""

    def notify(self, title: str, body: str) -> str: ...


class _Scrub(logging.Filter):
    """Replaces secrets in log records of Apprise's and urllib3's loggers while a send runs, and
    keeps the last warning for the error message."""

    def __init__(self, redact: Callable[[str], str]) -> None:
        super().__init__()
        self.redact = redact
        self.last_problem = ""

    def filter(self, record: logging.LogRecord) -> bool:
        text = self.redact(record.getMessage())
        record.msg, record.args = text, None
        if record.levelno >= logging.WARNING:
            self.last_problem = text
        return True


class AppriseChannel:
    """One configured channel. Opening it fills the URL's placeholders and checks that Apprise
    knows the scheme; both failures are configuration problems (AlertError, no try used)."""

    def __init__(self, config: ChannelConfig, *, environ: Mapping[str, str] | None = None,
                 timeout: float = 20.0) -> None:
        import apprise  # loads ~100 plugins; only when a channel is used

        env = os.environ if environ is None else environ
        self.name = config.name
        missing = [v for v in _PLACEHOLDER.findall(config.url) if not env.get(v)]
        if missing:
            raise AlertError(f"alert channel {config.name!r}: environment variable(s) {', '.join(missing)} "
                             "not set (the channel's url names them as ${...})")
        url = _PLACEHOLDER.sub(lambda m: env[m.group(1)], config.url)
        self._secrets = sorted({url, *(env[v] for v in _PLACEHOLDER.findall(config.url))}, key=len, reverse=True)
        m = _SCHEME.match(url)
        self.scheme = m.group(1).lower() if m else "?"
        asset = apprise.AppriseAsset(async_mode=False)
        self._apprise = apprise.Apprise(asset=asset)
        with self._scrubbed():
            ok = self._apprise.add(url)
        if not ok:
            raise AlertError(f"alert channel {config.name!r}: Apprise cannot use its url "
                             f"(scheme {self.scheme}://); see https://github.com/caronc/apprise/wiki")
        for service in self._apprise:
            if hasattr(service, "socket_connect_timeout"):
                service.socket_connect_timeout = timeout
                service.socket_read_timeout = timeout

    @contextlib.contextmanager
    def _scrubbed(self) -> Iterator[_Scrub]:
        scrub = _Scrub(self.redact)
        loggers = [logging.getLogger(n) for n in _LOGGERS]
        for lg in loggers:
            lg.addFilter(scrub)
        try:
            yield scrub
        finally:
            for lg in loggers:
                lg.removeFilter(scrub)

    def __repr__(self) -> str:  # never shows the URL
        return f"AppriseChannel({self.name!r}, {self.scheme}://...)"

    def redact(self, text: str) -> str:
        """``text`` without the URL and the environment values filled into it."""
        for s in self._secrets:
            if s:
                text = text.replace(s, "***")
        return text

    def notify(self, title: str, body: str) -> str:
        """Deliver one message; returns a short receipt, or raises AlertError (free of secrets)
        when the service refuses, is down or times out."""
        import apprise

        with self._scrubbed() as scrub:
            try:
                ok = self._apprise.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT)
            except Exception as e:  # a plugin's bug must not stop the other digests
                raise AlertError(self.redact(f"channel {self.name}: {type(e).__name__}: {e}")) from None
        if not ok:
            why = scrub.last_problem or "the service did not accept the message"
            raise AlertError(self.redact(f"channel {self.name} ({self.scheme}): {why}"))
        return f"{self.scheme}: accepted"


def open_channels(configs: list[ChannelConfig], names: set[str], *,
                  environ: Mapping[str, str] | None = None, timeout: float = 20.0) -> dict[str, Notifier]:
    """The channels named in ``names``, opened; AlertError on the first configuration problem."""
    return {c.name: AppriseChannel(c, environ=environ, timeout=timeout) for c in configs if c.name in names}

