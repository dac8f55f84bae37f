"""Which backups rotation keeps: the newest per day for N days and per ISO week for M weeks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.backup.rotation import backups_to_keep

NOW = datetime(2025, 5, 12, 12, 0, tzinfo=UTC)  # a Monday


def _day(offset: int, hour: int = 9) -> datetime:
    return datetime(2025, 5, 12, hour, tzinfo=UTC) - timedelta(days=offset)


def test_nothing_to_keep_from_nothing() -> None:
    assert backups_to_keep([], NOW, 7, 4) == set()


def test_the_newest_is_kept_even_with_no_retention() -> None:
    stamps = [_day(3), _day(2), _day(1)]
    assert backups_to_keep(stamps, NOW, 0, 0) == {_day(1)}


def test_only_the_newest_of_each_day_counts() -> None:
    stamps = [_day(0, 8), _day(0, 10), _day(1, 8), _day(1, 11), _day(2, 9)]
    assert backups_to_keep(stamps, NOW, 2, 0) == {_day(0, 10), _day(1, 11)}


def test_days_without_backups_do_not_use_up_the_daily_count() -> None:
    stamps = [_day(0), _day(5), _day(9), _day(30)]
    assert backups_to_keep(stamps, NOW, 3, 0) == {_day(0), _day(5), _day(9)}


def test_weekly_keeps_the_newest_of_each_iso_week() -> None:
    # Sunday 11 May closes the week before Monday 12 May's.
    stamps = [_day(offset) for offset in range(21)]
    assert backups_to_keep(stamps, NOW, 1, 3) == {_day(0), _day(1), _day(8)}


def test_backups_from_the_future_are_never_deleted() -> None:
    future = NOW + timedelta(days=3)
    assert backups_to_keep([future, _day(0), _day(1)], NOW, 1, 0) == {future, _day(0)}
