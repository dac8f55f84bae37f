"""The log file and the crash handler: event names and types only, never personal data.

Exception messages can carry data (a value that failed to parse, a name in a path), so a crash
is logged as the exception's type and the code locations it passed through, not its message.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

LOG = logging.getLogger("casebook")


def configure_logging(log_file: Path) -> None:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.INFO)
    # Library chatter (SQL statements, parameters) stays out of the log.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    sys.excepthook = log_crash


def describe_exception(error: BaseException) -> str:
    """The exception's type and where it happened, without its message."""
    frames = traceback.extract_tb(error.__traceback__)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"{type(error).__module__}.{type(error).__qualname__} at {where or 'unknown'}"


def log_crash(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    error.__traceback__ = trace
    LOG.critical("unhandled error: %s", describe_exception(error))
    print(
        f"Casebook stopped after an unexpected error ({kind.__name__}). "
        "Details without personal data are in the log file.",
        file=sys.stderr,
    )
