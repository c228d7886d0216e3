"""Prefect flows and tasks over the plain stage functions (sinowatch.flows).

Importing this package sets Prefect's quiet, local environment defaults (telemetry off, a longer
ephemeral start-up limit; see :mod:`sinowatch.flows.env`) before anything imports prefect. Entry
points that know the config call ``setup_prefect_env(config)`` first, which also puts PREFECT_HOME
under the config's state directory.
"""

from sinowatch.flows.env import setup_prefect_env

setup_prefect_env()
