"""Sending a digest over SMTP with the stdlib ``smtplib``.

Why smtplib and not prefect-email's ``email_send_message`` here: this is the library/CLI path
(``sinowatch alerts send``), which must work without a Prefect server or flow context, run
synchronously so the outbox is marked right after the server accepted, report the server's final
DATA response (recorded in the outbox), and handle none/STARTTLS/SSL explicitly (prefect-email's
task is async - called from a sync flow without ``.submit(...).result()`` it sends nothing and the
flow still succeeds - and its default ``smtp_type`` is SSL, which silently misfits a port-25 or
STARTTLS server). The flows may wrap :func:`sinowatch.alerts.stage.send_pending` in a Prefect
task with retries; the outbox makes that safe.

Secrets: the password is read only from the environment variable named by
``alerts.smtp.password_env``, is never logged (smtplib's debug output, which would print the
AUTH line, stays off), and every error message is scrubbed of it before it is raised or stored.
"""

from __future__ import annotations

import base64
import logging
import os
import smtplib
import socket
import ssl
from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from email.policy import SMTP
from typing import Protocol

from sinowatch.config import SmtpConfig
from sinowatch.errors import AlertError

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


class Mailer(Protocol):
    """Anything that delivers a message and returns the server's response (tests inject fakes)."""

    def send(self, msg: EmailMessage, *, sender: str, recipients: Sequence[str]) -> str: ...


class SmtpMailer:
    """Delivers messages with the settings of ``[alerts.smtp]``; one connection per message."""

    def __init__(self, settings: SmtpConfig, *, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        self.settings = settings
        self._password = ""
        if settings.security not in ("none", "starttls", "ssl"):
            raise AlertError("alerts.smtp.security must be none, starttls or ssl")
        if settings.username:
            self._password = env.get(settings.password_env, "") if settings.password_env else ""
            if not self._password:
                raise AlertError(
                    f"alerts.smtp.username is set but the environment variable "
                    f"{settings.password_env or '(alerts.smtp.password_env is empty)'} holds no password"
                )
            if settings.security == "none" and settings.host not in LOOPBACK_HOSTS:
                raise AlertError(
                    f"refusing to send the SMTP password to {settings.host} unencrypted: "
                    "set alerts.smtp.security to starttls or ssl"
                )

    def __repr__(self) -> str:  # never shows the password
        s = self.settings
        return f"SmtpMailer({s.security}://{s.username + '@' if s.username else ''}{s.host}:{s.port})"

    def redact(self, text: str) -> str:
        """``text`` with the password (plain or base64, as AUTH PLAIN/LOGIN carry it) removed."""
        if not self._password:
            return text
        secrets = {self._password, base64.b64encode(self._password.encode()).decode()}
        user = self.settings.username
        secrets.add(base64.b64encode(f"\0{user}\0{self._password}".encode()).decode())
        for s in sorted(secrets, key=len, reverse=True):
            text = text.replace(s, "***")
        return text

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.security == "ssl":
            return smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=ssl.create_default_context())
        conn = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        if s.security == "starttls":
            conn.ehlo()
            conn.starttls(context=ssl.create_default_context())
            conn.ehlo()
        return conn

    def send(self, msg: EmailMessage, *, sender: str, recipients: Sequence[str]) -> str:
        """Deliver ``msg``; returns the server's reply to DATA ("250 ..."), or raises AlertError
        (its message free of the password) when the server is down, refuses or times out."""
        s = self.settings
        where = f"{s.host}:{s.port}"
        try:
            conn = self._connect()
        except (OSError, smtplib.SMTPException) as e:
            raise AlertError(self.redact(f"SMTP {where}: {_describe(e, s.timeout)}")) from None
        try:
            conn.ehlo_or_helo_if_needed()
            if s.username:
                conn.login(s.username, self._password)
            code, resp = conn.mail(sender)
            if code != 250:
                raise smtplib.SMTPSenderRefused(code, resp, sender)
            refused: dict[str, tuple[int, bytes]] = {}
            for rcpt in recipients:
                c, r = conn.rcpt(rcpt)
                if c not in (250, 251):
                    refused[rcpt] = (c, r)
            if len(refused) == len(recipients):
                conn.rset()
                raise smtplib.SMTPRecipientsRefused(refused)  # type: ignore[arg-type]
            code, resp = conn.data(msg.as_bytes(policy=SMTP))
            if code != 250:
                raise smtplib.SMTPDataError(code, resp)
        except (OSError, smtplib.SMTPException) as e:
            raise AlertError(self.redact(f"SMTP {where}: {_describe(e, s.timeout, s.username)}")) from None
        finally:
            try:
                conn.quit()
            except (OSError, smtplib.SMTPException):  # the message is already accepted (or not)
                conn.close()
        response = f"{code} {_text(resp)}"
        if refused:
            response += "; refused: " + ", ".join(f"{r} {c} {_text(m)}" for r, (c, m) in refused.items())
        log.info("digest %s accepted by %s for %d recipient(s): %s", msg["Message-ID"], where,
                 len(recipients) - len(refused), response)
        return self.redact(response)


def _text(b: bytes | str) -> str:
    return (b.decode("utf-8", "replace") if isinstance(b, bytes) else str(b)).replace("\r", " ").replace("\n", " ")


def _describe(e: BaseException, timeout: float, user: str = "") -> str:
    if isinstance(e, smtplib.SMTPAuthenticationError):
        return f"login as {user!r} refused: {e.smtp_code} {_text(e.smtp_error)}"
    if isinstance(e, smtplib.SMTPRecipientsRefused):
        return "all recipients refused: " + ", ".join(f"{r} {c} {_text(m)}" for r, (c, m) in e.recipients.items())
    if isinstance(e, smtplib.SMTPSenderRefused):
        return f"sender {e.sender} refused: {e.smtp_code} {_text(e.smtp_error)}"
    if isinstance(e, smtplib.SMTPResponseException):
        return f"server said {e.smtp_code} {_text(e.smtp_error)}"
    if isinstance(e, smtplib.SMTPServerDisconnected):
        return f"server disconnected: {e}"
    if isinstance(e, smtplib.SMTPNotSupportedError):
        return f"not supported by the server: {e}"
    if isinstance(e, TimeoutError | socket.timeout):
        return f"timed out after {timeout:g}s"
    if isinstance(e, ConnectionRefusedError):
        return "connection refused (is the SMTP server running?)"
    if isinstance(e, ssl.SSLError):
        return f"TLS failed: {e.reason or e}"
    return f"{type(e).__name__}: {e}"
