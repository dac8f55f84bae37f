"""Risk and safeguarding: RAG ratings with rationale and history, and flags with their dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.choices import Rag
from desktop.models.risk import Flag, FlagType, RagRating
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError, get_person

# How soon a rating must be looked at again when no date is given: the higher, the sooner.
DEFAULT_REVIEW = {
    Rag.RED: timedelta(weeks=4),
    Rag.AMBER: timedelta(weeks=8),
    Rag.GREEN: timedelta(weeks=12),
}
FLAG_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


class RiskInputError(ValueError):
    """A rating or flag with something missing or wrong; the message says what."""


@dataclass(frozen=True)
class RagRow:
    id: int
    rating: Rag
    rationale: str
    review_due: date | None
    rated_at: datetime
    rated_by: str


@dataclass(frozen=True)
class FlagTypeRow:
    id: int
    code: str
    label: str
    detail_prompt: str
    active: bool


@dataclass(frozen=True)
class FlagRow:
    id: int
    flag_type_id: int
    code: str
    label: str
    detail_prompt: str
    started_on: date
    ended_on: date | None
    source: str
    detail: str
    # Flagged today: started, and not ended before today (the end date itself still counts).
    active: bool
    created_at: datetime
    created_by: str


def is_active(started_on: date, ended_on: date | None, today: date) -> bool:
    """The caseload list counts open flags the same way (ended_on is the last flagged day)."""
    return started_on <= today and (ended_on is None or ended_on >= today)


class RiskService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _today(self) -> date:
        return self._clock.now().date()

    # ---- RAG rating ----------------------------------------------------------------------
    def set_rag(
        self, person_id: int, rating: Rag, rationale: str, review_due: date | None = None
    ) -> int:
        """A new rating (the old ones are kept), mirrored onto the young person's record."""
        now = self._clock.now()
        today = now.date()
        rationale = rationale.strip()
        found = []
        if not rationale:
            found.append("Explain why the young person is rated " + rating.label.lower() + ".")
        if review_due is None:
            review_due = today + DEFAULT_REVIEW[rating]
        elif review_due < today:
            found.append("The review date has already passed.")
        with self._sessions.begin() as session:
            # Checked first, so someone without access learns nothing from the form's errors.
            person = get_person(session, self._user, person_id, self._clock.now())
            if found:
                raise RiskInputError(" ".join(found))
            row = RagRating(
                young_person_id=person.id,
                rating=rating,
                rationale=rationale,
                review_due=review_due,
                rated_at=now,
                rated_by_id=self._user.account_id,
            )
            session.add(row)
            person.rag = rating
            person.rag_review_due = review_due
            person.updated_at = now
            session.flush()
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.RAG_RATED,
                "young_person",
                str(person.id),
                ["rag", "rag_review_due", "rationale"],
            )
            return row.id

    def rag_history(self, person_id: int) -> list[RagRow]:
        """Newest first; the first row is the current rating."""
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            rows = session.execute(
                select(RagRating, Account.display_name)
                .join(Account, Account.id == RagRating.rated_by_id)
                .where(RagRating.young_person_id == person_id)
                .order_by(RagRating.rated_at.desc(), RagRating.id.desc())
            ).all()
            return [
                RagRow(r.id, r.rating, r.rationale, r.review_due, r.rated_at, name)
                for r, name in rows
            ]

    # ---- flag types (the coordinator extends the standard list) ---------------------------
    def flag_types(self, include_inactive: bool = False) -> list[FlagTypeRow]:
        """In the order they were added, so the standard list keeps its order.

        Open to every role: the list holds no personal data, and analysts count by it.
        """
        query = select(FlagType).order_by(FlagType.id)
        if not include_inactive:
            query = query.where(FlagType.active)
        with self._sessions.begin() as session:
            return [
                FlagTypeRow(t.id, t.code, t.label, t.detail_prompt, t.active)
                for t in session.execute(query).scalars()
            ]

    def add_flag_type(self, code: str, label: str, detail_prompt: str = "") -> int:
        self._require_coordinator("add kinds of flag")
        code, label, detail_prompt = code.strip().lower(), label.strip(), detail_prompt.strip()
        found = []
        if not FLAG_CODE.match(code):
            found.append(
                "The code must be 2 to 40 lower-case letters, digits or underscores, "
                "starting with a letter."
            )
        if not label:
            found.append("Enter the flag's name.")
        with self._sessions.begin() as session:
            taken = session.execute(
                select(func.count(FlagType.id)).where(
                    or_(FlagType.code == code, func.lower(FlagType.label) == label.lower())
                )
            ).scalar_one()
            if taken:
                found.append("A flag with that code or name already exists.")
            if found:
                raise RiskInputError(" ".join(found))
            flag_type = FlagType(code=code, label=label, detail_prompt=detail_prompt, active=True)
            session.add(flag_type)
            session.flush()
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.CREATE,
                "flag_type",
                str(flag_type.id),
                ["code", "label", "detail_prompt"] if detail_prompt else ["code", "label"],
            )
            return flag_type.id

    def set_flag_type_active(self, flag_type_id: int, active: bool) -> None:
        """Retiring a kind of flag hides it from new flags; flags already given keep it."""
        self._require_coordinator("change the kinds of flag")
        with self._sessions.begin() as session:
            flag_type = session.get(FlagType, flag_type_id)
            if flag_type is None:
                raise RecordNotFoundError()
            if flag_type.active == active:
                return
            flag_type.active = active
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.UPDATE,
                "flag_type",
                str(flag_type.id),
                ["active"],
            )

    # ---- flags on a young person ---------------------------------------------------------
    def add_flag(
        self, person_id: int, flag_type_id: int, started_on: date, source: str, detail: str = ""
    ) -> int:
        """Source is required: an unsourced safeguarding flag cannot be weighed or challenged."""
        now = self._clock.now()
        source, detail = source.strip(), detail.strip()
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            flag_type = session.get(FlagType, flag_type_id)
            if flag_type is None or not flag_type.active:
                raise RiskInputError("Choose a kind of flag from the list.")
            found = []
            if started_on > now.date():
                found.append("The start date is in the future.")
            if not source:
                found.append("Say where the information came from.")
            if flag_type.detail_prompt and not detail:
                found.append(f"{flag_type.label}: {flag_type.detail_prompt}")
            if found:
                raise RiskInputError(" ".join(found))
            flag = Flag(
                young_person_id=person.id,
                flag_type_id=flag_type.id,
                started_on=started_on,
                source=source,
                detail=detail,
                created_at=now,
                created_by_id=self._user.account_id,
            )
            session.add(flag)
            session.flush()
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.CREATE,
                "flag",
                str(flag.id),
                ["flag_type_id", "started_on", "source", *(["detail"] if detail else [])],
            )
            return flag.id

    def end_flag(self, flag_id: int, ended_on: date) -> None:
        """Ends a flag; ended_on is its last day (it still counts as active that day)."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            flag = session.get(Flag, flag_id)
            if flag is None:
                raise RecordNotFoundError()
            get_person(session, self._user, flag.young_person_id, self._clock.now())
            found = []
            if flag.ended_on is not None:
                found.append("This flag has already ended.")
            if ended_on > now.date():
                found.append("The end date is in the future.")
            if ended_on < flag.started_on:
                found.append("The end date is before the flag started.")
            if found:
                raise RiskInputError(" ".join(found))
            flag.ended_on = ended_on
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.FLAG_ENDED,
                "flag",
                str(flag.id),
                ["ended_on"],
            )

    def flags(self, person_id: int, include_ended: bool = False) -> list[FlagRow]:
        """Active flags (or all, with ended ones), newest start first."""
        today = self._today()
        query = (
            select(Flag, FlagType, Account.display_name)
            .join(FlagType, FlagType.id == Flag.flag_type_id)
            .join(Account, Account.id == Flag.created_by_id)
            .where(Flag.young_person_id == person_id)
            .order_by(Flag.started_on.desc(), Flag.id.desc())
        )
        if not include_ended:
            query = query.where(
                Flag.started_on <= today, or_(Flag.ended_on.is_(None), Flag.ended_on >= today)
            )
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            return [
                FlagRow(
                    id=flag.id,
                    flag_type_id=kind.id,
                    code=kind.code,
                    label=kind.label,
                    detail_prompt=kind.detail_prompt,
                    started_on=flag.started_on,
                    ended_on=flag.ended_on,
                    source=flag.source,
                    detail=flag.detail,
                    active=is_active(flag.started_on, flag.ended_on, today),
                    created_at=flag.created_at,
                    created_by=name,
                )
                for flag, kind, name in session.execute(query).all()
            ]

    def _require_coordinator(self, what: str) -> None:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError(what)
