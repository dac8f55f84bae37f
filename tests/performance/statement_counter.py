"""Counts the SQL statements an engine runs, to catch query storms (one query per row)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event


class Statements:
    """The statements run while counting, in order (whitespace folded)."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __len__(self) -> int:
        return len(self.texts)

    def grown_against(self, smaller: Statements) -> str:
        """The statements run more often here than in `smaller`, for a failure message."""
        more = Counter(self.texts) - Counter(smaller.texts)
        return "\n".join(f"{n} more x {text[:300]}" for text, n in more.most_common(10))


@contextmanager
def counting(engine: Engine) -> Iterator[Statements]:
    statements = Statements()

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        text = re.sub(r"\s+", " ", statement).strip()
        # IN (?, ?, ...) is one statement however many values it carries: shown as one shape.
        statements.texts.append(re.sub(r"\(\?(?:, \?)+\)", "(?, ...)", text))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
