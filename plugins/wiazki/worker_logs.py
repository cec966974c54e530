"""Log records written in a forked worker, handled by the process that forked it.

A worker (wiazki/cores.py) is a copy of its parent: its loggers have the parent's
handlers, but whatever they do happens in the copy. A warning printed there would show,
yet MkDocs counts warnings for `mkdocs build --strict` in a handler of the parent (the
copy's count is lost with the worker), so the build would pass. In the worker,
`hold_records` therefore replaces every handler by one that keeps the records; each
job's answer carries its records back (`take`), and the parent hands them to its own
loggers (`replay`): the same handlers then see them as if the job had run there. The
message is formatted in the worker (its arguments may not survive pickling), an
exception's traceback kept as text.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable

#: Attributes of every LogRecord (the rest are a caller's `extra`).
_STANDARD = frozenset(vars(logging.makeLogRecord({})))


class _Hold(logging.Handler):
    """Keeps each record once, however many loggers on its way had handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if self.records and self.records[-1] is record:
            return  # the same record at a logger further up
        try:
            record.msg, record.args = record.getMessage(), None
            if record.exc_info:
                record.exc_text = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
            for key, value in list(vars(record).items()):
                if key not in _STANDARD:
                    try:
                        pickle.dumps(value)
                    except Exception:
                        setattr(record, key, repr(value))
        except Exception:
            self.handleError(record)
            return
        self.records.append(record)


_hold: _Hold | None = None


def hold_records() -> None:
    """In a worker, once: every logger's handlers (the root's too) become one that keeps
    the records for `take`; nothing is written here any more."""
    global _hold
    _hold = _Hold()
    loggers = [logging.getLogger()] + [
        logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        if logger.handlers or logger is logging.getLogger():
            logger.handlers = [_hold]


def take() -> list[logging.LogRecord]:
    """The records held since the last call (none outside a worker)."""
    if _hold is None:
        return []
    records, _hold.records = _hold.records, []
    return records


def replay(records: Iterable[logging.LogRecord]) -> None:
    """Hand records from a worker to this process's loggers, as if logged here."""
    for record in records:
        logging.getLogger(record.name).handle(record)
