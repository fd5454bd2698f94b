"""Transactions that write while other processes do too: SQLite takes its write lock up front.

PostgreSQL serialises writers with row locks (`select_for_update`, a lock row). SQLite has
one write lock for the whole database, and a deferred transaction that has read and then
wants to write is refused at once with "database is locked": SQLite does not wait there,
because waiting could deadlock. `write_transaction` therefore begins SQLite transactions
with BEGIN IMMEDIATE, which takes the write lock at the start, where SQLite does wait (the
connection's busy timeout). A start still refused after that is retried with backoff; that
is safe because nothing has been read or written yet. Other databases get a plain
`transaction.atomic()`.

Setting ``DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"`` has the same
effect for every transaction; this module does not rely on it.
"""

import contextlib
import logging
import time
from collections.abc import Callable, Iterator

from django.db import DEFAULT_DB_ALIAS, OperationalError, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)

# Seconds to wait after each refused start, on top of SQLite's own busy timeout.
LOCKED_RETRY_DELAYS = (0.1, 0.2, 0.4, 0.8, 1.6, 3.2)


def is_database_locked(error: OperationalError) -> bool:
    """Whether `error` is SQLite's "database is locked" (another connection holds the lock)."""
    return "database is locked" in str(error)


@contextlib.contextmanager
def write_transaction(
    using: str = DEFAULT_DB_ALIAS, sleep: Callable[[float], None] = time.sleep
) -> Iterator[None]:
    """`transaction.atomic()` that on SQLite holds the write lock from its first statement."""
    connection = transaction.get_connection(using)
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        with transaction.atomic(using=using):
            yield
        return
    with contextlib.ExitStack() as stack:
        _begin_immediate(connection, stack, sleep)
        yield


def _begin_immediate(
    connection: BaseDatabaseWrapper, stack: contextlib.ExitStack, sleep: Callable[[float], None]
) -> None:
    """Enter an atomic block on `connection` with BEGIN IMMEDIATE, retrying while locked."""
    connection.ensure_connection()  # connecting resets transaction_mode from the settings
    for delay in (*LOCKED_RETRY_DELAYS, None):
        configured, connection.transaction_mode = connection.transaction_mode, "IMMEDIATE"
        try:
            stack.enter_context(transaction.atomic(using=connection.alias))
            return
        except OperationalError as error:
            if delay is None or not is_database_locked(error):
                raise
        finally:
            connection.transaction_mode = configured
        logger.info("database is locked by another process; trying again in %.1f s", delay)
        sleep(delay)
