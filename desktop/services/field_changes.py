"""Which of a record's fields hold something, and saving the fields of a form that changed: the
names the audit log records (never the values)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def filled(entity: object, names: Sequence[str]) -> list[str]:
    """The names among `names` whose value on entity is set (not None, empty or False)."""
    return [n for n in names if getattr(entity, n) not in (None, "", False)]


def apply_changes(entity: object, new: Mapping[str, object], names: Sequence[str]) -> list[str]:
    """Sets each of `names` whose value in `new` differs from entity's; returns those names."""
    changed = [n for n in names if getattr(entity, n) != new[n]]
    for name in changed:
        setattr(entity, name, new[name])
    return changed
