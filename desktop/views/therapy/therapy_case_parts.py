"""What the Family therapy screens share: a dialog that shows the therapy services' refusals,
and how sessions, rates and dates are written."""

from __future__ import annotations

from datetime import date, datetime

from desktop.models.choices import SessionOutcome
from desktop.services.therapy_records import TherapyInputError
from desktop.views.caseload.tabs.saving_dialog import REFUSALS, SavingDialog

# What a therapy screen shows in place when a service says no (messages hold no personal data).
THERAPY_REFUSALS: tuple[type[Exception], ...] = (*REFUSALS, TherapyInputError)
# Upcoming sessions: a pale blue row, always with the word "Upcoming" as well.
UPCOMING_TINT = "#dce8f8"
UPCOMING_INK = "#1f3a5f"
# A session whose time has passed but whose outcome was never recorded.
UNRECORDED_INK = "#9b1c1c"


class TherapySavingDialog(SavingDialog):
    """A SavingDialog that also keeps itself open, with the reason, when a therapy service
    refuses what was entered (TherapyInputError)."""

    def accept(self) -> None:
        try:
            super().accept()
        except TherapyInputError as error:
            self.show_error(str(error))


def rate_text(attended: int, offered: int) -> str:
    """'3 of 4 · 75%', or a dash when nothing was offered yet."""
    if not offered:
        return "—"
    return f"{attended} of {offered} · {round(100 * attended / offered)}%"


def length_text(minutes: int) -> str:
    return f"{minutes} min"


def day_text(moment: datetime) -> str:
    """A stored (UTC) moment's local day, with the weekday: 'Fri 14/03/2025'."""
    return moment.astimezone().strftime("%a %d/%m/%Y")


def time_text(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def outcome_text(outcome: SessionOutcome, starts_at: datetime, now: datetime) -> str:
    """The outcome in words; a scheduled session says whether it is still to come."""
    if outcome is SessionOutcome.SCHEDULED:
        return "Upcoming" if starts_at > now else "Outcome not recorded"
    return outcome.label


def local_today(now: datetime) -> date:
    return now.astimezone().date()
