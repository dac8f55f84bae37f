"""Outreach ride-outs: a round in the borough to see young people known to the unit. Each young
person seen gets a ride-out contact in their chronology, written by whoever records the ride-out,
in the same transaction. Only young people the user may open can be named; others already on a
ride-out are counted, not named, as in meetings.

Anyone whose role has Community may record ride-outs; naming young people also needs their
records open (a community officer records a round without names)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from desktop.models.accounts import Account
from desktop.models.choices import EntryType
from desktop.models.chronology import ChronologyEntry
from desktop.models.community import RideOut, RideOutPerson, RideOutStaff
from desktop.models.people import YoungPerson
from desktop.services import actions
from desktop.services.chronology_records import FUTURE_TOLERANCE
from desktop.services.community_common import (
    NAME_LENGTH,
    CommunityInputError,
    CommunityServiceBase,
    refuse,
    too_long,
)
from desktop.services.field_changes import apply_changes
from desktop.services.link_rows import replace_links
from desktop.services.record_access import RecordNotFoundError, get_person, visible_people
from desktop.services.text_folding import fold_entry

__all__ = [
    "CommunityInputError",
    "PersonSeen",
    "RideOutInput",
    "RideOutRow",
    "RideOutService",
    "RideOutView",
    "SeenInput",
    "StaffOnRideOut",
]

RIDE_OUT_FIELDS = ("started_at", "area", "concerns")
ENTRY_FIELDS = ("occurred_at", "entry_type", "summary", "detail")


@dataclass(frozen=True)
class SeenInput:
    """A young person seen, and what the chronology should say of the contact."""

    person_id: int
    note: str = ""


@dataclass(frozen=True)
class RideOutInput:
    started_at: datetime  # timezone-aware
    area: str
    concerns: str = ""  # about the area and the round, not about one young person
    staff_ids: tuple[int, ...] = ()  # who went out (the recorder is added if left out)
    seen: tuple[SeenInput, ...] = field(default_factory=tuple)

    def problems(self, now: datetime) -> list[str]:
        found = [] if self.area.strip() else ["Say which area the ride-out covered."]
        found += too_long(self.area, NAME_LENGTH, "The area")
        if self.started_at.tzinfo is None:
            found.append("The ride-out's date and time have no time zone.")
        elif self.started_at > now + FUTURE_TOLERANCE:
            found.append("The ride-out's date and time are in the future.")
        people = [s.person_id for s in self.seen]
        if len(people) != len(set(people)):
            found.append("A young person is listed twice.")
        return found


@dataclass(frozen=True)
class StaffOnRideOut:
    account_id: int
    name: str


@dataclass(frozen=True)
class PersonSeen:
    person_id: int
    case_reference: str
    name: str
    chronology_entry_id: int | None


@dataclass(frozen=True)
class RideOutRow:
    id: int
    started_at: datetime
    area: str
    staff: tuple[str, ...]
    people_seen: int  # those this user may open
    has_concerns: bool


@dataclass(frozen=True)
class RideOutView:
    id: int
    started_at: datetime
    area: str
    concerns: str
    recorded_by: str
    staff: list[StaffOnRideOut]
    people: list[PersonSeen]  # only those this user may open
    hidden_people: int  # seen, but their records are not open to this user

    def details(self) -> RideOutInput:
        """The ride-out as its form fills it, to edit it (young people are added separately)."""
        return RideOutInput(
            self.started_at,
            self.area,
            self.concerns,
            tuple(s.account_id for s in self.staff),
        )


def contact_summary(area: str) -> str:
    """The chronology line: where the young person was seen, never who else was."""
    return f"Seen on a ride-out ({area})"[:300]


class RideOutService(CommunityServiceBase):
    def ride_outs(self, from_on: date, to_on: date) -> list[RideOutRow]:
        """Ride-outs started on those days (inclusive, UTC dates), latest first."""
        self._require()
        start = datetime.combine(from_on, time(), UTC)
        end = datetime.combine(to_on + timedelta(days=1), time(), UTC)
        with self._sessions.begin() as session:
            found = list(
                session.execute(
                    select(RideOut)
                    .where(RideOut.started_at >= start, RideOut.started_at < end)
                    .order_by(RideOut.started_at.desc(), RideOut.id.desc())
                ).scalars()
            )
            ids = [r.id for r in found]
            seen: dict[int, int] = {}
            for ride_out_id, count in session.execute(
                select(RideOutPerson.ride_out_id, func.count())
                .join(YoungPerson, YoungPerson.id == RideOutPerson.young_person_id)
                .where(RideOutPerson.ride_out_id.in_(ids), self._visible())
                .group_by(RideOutPerson.ride_out_id)
            ):
                seen[ride_out_id] = count
            staff: dict[int, list[str]] = {}
            for ride_out_id, name in session.execute(
                select(RideOutStaff.ride_out_id, Account.display_name)
                .join(Account, Account.id == RideOutStaff.account_id)
                .where(RideOutStaff.ride_out_id.in_(ids))
                .order_by(Account.display_name)
            ):
                staff.setdefault(ride_out_id, []).append(name)
            return [
                RideOutRow(
                    r.id,
                    r.started_at,
                    r.area,
                    tuple(staff.get(r.id, [])),
                    seen.get(r.id, 0),
                    bool(r.concerns),
                )
                for r in found
            ]

    def ride_out(self, ride_out_id: int) -> RideOutView:
        with self._sessions.begin() as session:
            ride_out = self._ride_out(session, ride_out_id)
            staff = [
                StaffOnRideOut(account_id, name)
                for account_id, name in session.execute(
                    select(Account.id, Account.display_name)
                    .join(RideOutStaff, RideOutStaff.account_id == Account.id)
                    .where(RideOutStaff.ride_out_id == ride_out.id)
                    .order_by(Account.display_name)
                )
            ]
            people = [
                PersonSeen(pid, reference, f"{given} {family}", entry_id)
                for pid, reference, given, family, entry_id in session.execute(
                    select(
                        YoungPerson.id,
                        YoungPerson.case_reference,
                        YoungPerson.given_name,
                        YoungPerson.family_name,
                        RideOutPerson.chronology_entry_id,
                    )
                    .join(RideOutPerson, RideOutPerson.young_person_id == YoungPerson.id)
                    .where(RideOutPerson.ride_out_id == ride_out.id, self._visible())
                    .order_by(YoungPerson.family_sort, YoungPerson.given_sort, YoungPerson.id)
                )
            ]
            total = session.execute(
                select(func.count())
                .select_from(RideOutPerson)
                .where(RideOutPerson.ride_out_id == ride_out.id)
            ).scalar_one()
            recorder = session.get(Account, ride_out.recorded_by_id)
            return RideOutView(
                ride_out.id,
                ride_out.started_at,
                ride_out.area,
                ride_out.concerns,
                recorder.display_name if recorder is not None else "",
                staff,
                people,
                total - len(people),
            )

    def record_ride_out(self, details: RideOutInput) -> int:
        """Saves the ride-out, its staff, and the young people seen, each with a ride-out
        contact in their chronology, all in one transaction; returns the ride-out's id."""
        self._require()
        now = self._clock.now()
        refuse(details.problems(now))
        with self._sessions.begin() as session:
            # Every record must be open to the user before anything is written.
            for seen in details.seen:
                get_person(session, self._user, seen.person_id, self._clock.now())
            ride_out = RideOut(
                started_at=details.started_at,
                area=details.area.strip(),
                concerns=details.concerns.strip(),
                recorded_by_id=self._user.account_id,
                created_at=now,
                updated_at=now,
            )
            session.add(ride_out)
            session.flush()
            self._set_staff(session, ride_out, details.staff_ids)
            fields = [n for n in RIDE_OUT_FIELDS if getattr(ride_out, n)] + ["staff"]
            if details.seen:
                fields.append("young_people")
            self._audit(session, actions.RIDE_OUT_RECORDED, "ride_out", ride_out.id, fields)
            self._add_seen(session, ride_out, details.seen)
            return ride_out.id

    def update_ride_out(self, ride_out_id: int, details: RideOutInput) -> list[str]:
        """Saves the ride-out's own details and staff; young people are added with
        add_people_seen, and the chronology entries already made stay as they are (edit those
        in the chronology). Returns the names of the fields that changed."""
        now = self._clock.now()
        found = details.problems(now)
        if details.seen:
            found.append("Add the young people seen with 'Add young people seen'.")
        refuse(found)
        with self._sessions.begin() as session:
            ride_out = self._ride_out(session, ride_out_id)
            new = {
                "started_at": details.started_at,
                "area": details.area.strip(),
                "concerns": details.concerns.strip(),
            }
            changed = apply_changes(ride_out, new, RIDE_OUT_FIELDS)
            if self._set_staff(session, ride_out, details.staff_ids):
                changed.append("staff")
            if changed:
                ride_out.updated_at = now
                self._audit(session, actions.RIDE_OUT_UPDATED, "ride_out", ride_out.id, changed)
            return changed

    def add_people_seen(self, ride_out_id: int, seen: Sequence[SeenInput]) -> None:
        """Adds young people seen on a ride-out already recorded, each with a chronology entry."""
        ids = [s.person_id for s in seen]
        if len(ids) != len(set(ids)):
            raise CommunityInputError("A young person is listed twice.")
        with self._sessions.begin() as session:
            ride_out = self._ride_out(session, ride_out_id)
            for item in seen:
                get_person(session, self._user, item.person_id, self._clock.now())
                if session.get(RideOutPerson, (ride_out.id, item.person_id)) is not None:
                    raise CommunityInputError("A young person is already on this ride-out.")
            self._audit(
                session, actions.RIDE_OUT_PEOPLE_ADDED, "ride_out", ride_out.id, ["young_people"]
            )
            self._add_seen(session, ride_out, seen)
            ride_out.updated_at = self._clock.now()

    # ---- helpers -------------------------------------------------------------------------
    def _ride_out(self, session: Session, ride_out_id: int) -> RideOut:
        self._require()
        ride_out = session.get(RideOut, ride_out_id)
        if ride_out is None:
            raise RecordNotFoundError()
        return ride_out

    def _visible(self) -> ColumnElement[bool]:
        return visible_people(self._user, self._clock.now())

    def _set_staff(self, session: Session, ride_out: RideOut, staff_ids: Iterable[int]) -> bool:
        wanted = set(staff_ids) or {self._user.account_id}
        for account_id in wanted:
            account = session.get(Account, account_id)
            if account is None or not account.active:
                raise CommunityInputError("That member of staff is not known to Casebook.")
        current = set(
            session.execute(
                select(RideOutStaff.account_id).where(RideOutStaff.ride_out_id == ride_out.id)
            ).scalars()
        )
        return replace_links(
            session,
            RideOutStaff,
            current,
            wanted,
            lambda account_id: (ride_out.id, account_id),
            lambda account_id: RideOutStaff(ride_out_id=ride_out.id, account_id=account_id),
        )

    def _add_seen(self, session: Session, ride_out: RideOut, seen: Iterable[SeenInput]) -> None:
        now = self._clock.now()
        for item in seen:
            entry = ChronologyEntry(
                young_person_id=item.person_id,
                occurred_at=ride_out.started_at,
                entry_type=EntryType.RIDE_OUT,
                author_id=self._user.account_id,
                summary=contact_summary(ride_out.area),
                detail=item.note.strip(),
                significant=False,
                version=1,
                created_at=now,
            )
            # The full-text index reads this folded copy, as for any chronology entry.
            entry.search_fold = fold_entry(entry.summary, entry.detail)
            session.add(entry)
            session.flush()
            filled = [n for n in ENTRY_FIELDS if getattr(entry, n)]
            self._audit(
                session, actions.CHRONOLOGY_ENTRY_ADDED, "chronology_entry", entry.id, filled
            )
            session.add(
                RideOutPerson(
                    ride_out_id=ride_out.id,
                    young_person_id=item.person_id,
                    chronology_entry_id=entry.id,
                )
            )
