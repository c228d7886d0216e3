"""Named fault points: a no-op unless ``SINOWATCH_FAULT_POINT`` is set (tests only).

``SINOWATCH_FAULT_POINT=extract_batch_saving:3`` makes the process SIGKILL itself the 3rd time it
reaches ``point("extract_batch_saving")`` (``:N`` defaults to 1). tests/reliability uses it to kill
a real ``sinowatch run`` at exact places - inside and between transactions, around the SMTP
conversation - and then checks that the warehouse and the outbox recover. The points, in run order:

    run_started            pipeline: the run row is committed
    feed_fetched           ingest (fetch thread): one feed's bytes are in, nothing of it loaded
    feed_loading           ingest: one feed's rows written, its transaction not yet committed
    feed_loaded            ingest: one feed's transaction committed
    ingest_done            pipeline: every feed loaded
    extract_batch_saving   extract: a load group's rows (several batches) and their alerts written,
                           not yet committed
    extract_batch_saved    extract: that transaction committed
    extract_facts_refreshing  extract: every group committed, the trend facts not yet refreshed
    alert_sending          alerts: digest marked 'sending', SMTP conversation not started
    alert_sent             alerts: the server accepted the digest, not yet marked 'sent'
    alert_marked           alerts: digest marked 'sent'
    report_writing         pipeline: before the HTML report is written
    run_finishing          pipeline: before the run row is marked finished
    warehouse_checkpointing  a writer's close: the guard copy is written, DuckDB's checkpoint
                           not yet run (warehouse/db.py, "the guarded close")
"""

from __future__ import annotations

import os
import signal

ENV = "SINOWATCH_FAULT_POINT"
_seen: dict[str, int] = {}


def point(name: str) -> None:
    """Kill this process (SIGKILL: no cleanup, no flush) at the configured point and occurrence."""
    spec = os.environ.get(ENV)
    if not spec:
        return
    want, _, nth = spec.partition(":")
    if want != name:
        return
    _seen[name] = _seen.get(name, 0) + 1
    if _seen[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
