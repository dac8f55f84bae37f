"""Replacing the rows of a link table (a meeting's young people, an activity's partners or
outcomes, a ride-out's staff…) with a new set: the ones no longer wanted go, the new ones come."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TypeVar

from sqlalchemy.orm import Session

from desktop.models.base import Base

T = TypeVar("T")


def replace_links(
    session: Session,
    link: type[Base],
    current: Collection[T],
    wanted: Collection[T],
    key: Callable[[T], tuple[object, ...]],
    row: Callable[[T], Base],
) -> bool:
    """Deletes the link row (found by its primary key, key(value)) for each value in current
    but not wanted, and adds row(value) for each value wanted but not current. Returns False,
    having done nothing, when the two sets are already the same (so no change is audited)."""
    current, wanted = set(current), set(wanted)
    if current == wanted:
        return False
    for value in current - wanted:
        existing = session.get(link, key(value))
        if existing is not None:
            session.delete(existing)
    for value in wanted - current:
        session.add(row(value))
    return True
