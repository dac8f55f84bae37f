"""Outcome measures in family therapy: each member's SCORE-15 at chosen sessions, and trends."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.people import YoungPerson
from desktop.models.therapy import OutcomeMeasure, TherapySession
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import age_on
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.score15 import (
    SCORE_KEYS,
    MeasureDefinition,
    Score15Result,
    item_problems,
    load_definitions,
    score,
    versions_for_age,
)
from desktop.services.therapy_access import MANAGERS, get_case, get_session
from desktop.services.therapy_household import case_members
from desktop.services.therapy_records import Member, TherapyInputError

__all__ = [
    "MeasureRow",
    "OutcomeInputError",
    "OutcomeService",
    "Respondent",
    "SessionRespondents",
    "Trend",
    "TrendPoint",
    "TrendSeries",
    "TrendSession",
]

# Below this age no version of the measure is offered.
YOUNGEST = 8
FORMER_MEMBER = "Former member"


class OutcomeInputError(TherapyInputError):
    """A measure that cannot be saved; the message says why, never naming anyone."""


@dataclass(frozen=True)
class Respondent:
    """A household member who may answer at one session, and what they answered there."""

    member: Member
    name: str
    relationship: str
    age: int | None  # at the session; None for family contacts or an unknown date of birth
    versions: list[str]  # the versions they may complete; the first is the one to offer
    recorded: list[int | None] | None  # their answers already saved at this session


@dataclass(frozen=True)
class SessionRespondents:
    session_id: int
    number: int
    starts_at: datetime
    people: list[Respondent]
    too_young: int  # household members under eight, who are not asked


@dataclass(frozen=True)
class MeasureRow:
    id: int
    session_id: int
    session_number: int
    session_starts_at: datetime
    member: Member
    member_name: str
    version: str
    items: list[int | None]
    scores: Score15Result
    recorded_at: datetime


@dataclass(frozen=True)
class TrendSession:
    session_id: int
    number: int
    starts_at: datetime


@dataclass(frozen=True)
class TrendPoint:
    session_id: int
    scores: Score15Result


@dataclass(frozen=True)
class TrendSeries:
    member: Member | None  # None for the family series
    name: str
    points: list[TrendPoint]  # in session order, only sessions this series has a value for

    def value_at(self, session_id: int, key: str) -> float | None:
        for point in self.points:
            if point.session_id == session_id:
                return point.scores.value(key)
        return None


@dataclass(frozen=True)
class Trend:
    """Sessions with at least one measure, one series per member who answered, and the
    family's: at each such session the mean of the members' scores there."""

    sessions: list[TrendSession]
    members: list[TrendSeries]
    family: TrendSeries

    @property
    def empty(self) -> bool:
        return not self.sessions


class OutcomeService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        user: CurrentUser,
        clock: Clock,
        measures_path: Path,
    ) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock
        self._measures_path = measures_path
        self._definitions: dict[str, MeasureDefinition] | None = None

    # ---- definitions ---------------------------------------------------------------------
    def definitions(self) -> dict[str, MeasureDefinition]:
        """Every version of the measure, read once from the resource file."""
        if self._definitions is None:
            self._definitions = load_definitions(self._measures_path)
        return dict(self._definitions)

    def definition(self, version: str) -> MeasureDefinition:
        found = self.definitions().get(version)
        if found is None:
            raise OutcomeInputError("That version of the measure is not known.")
        return found

    # ---- recording -----------------------------------------------------------------------
    def respondents(self, session_id: int) -> SessionRespondents:
        """Who in the household may answer at this session, which version each completes
        (from a young person's age at the session) and what each already answered there."""
        definitions = self.definitions()
        with self._sessions.begin() as session:
            row = get_session(session, self._user, session_id, self._clock.now())
            saved = {
                _member_of(measure): list(measure.item_scores)
                for measure in _measures_at(session, row.id)
            }
            people: list[Respondent] = []
            too_young = 0
            for member_row in case_members(session, row.case_id):
                age = _age(session, member_row.member, row)
                if age is not None and age < YOUNGEST:
                    too_young += 1
                    continue
                versions = versions_for_age(definitions, age)
                if not versions:
                    continue
                people.append(
                    Respondent(
                        member_row.member,
                        member_row.name,
                        member_row.relationship,
                        age,
                        versions,
                        saved.get(member_row.member),
                    )
                )
            return SessionRespondents(row.id, row.number, row.starts_at, people, too_young)

    def record(
        self,
        session_id: int,
        member: Member,
        version: str,
        items: Sequence[int | None],
        *,
        replace: bool = False,
    ) -> int:
        """Saves one member's answers at one session; returns the measure's id.

        One measure per member per session: a second is refused unless replace is True,
        when the answers saved before are overwritten (the audit entry says so)."""
        definition = self.definition(version)
        found = item_problems(items)
        if found:
            raise OutcomeInputError(" ".join(found))
        with self._sessions.begin() as session:
            row = get_session(session, self._user, session_id, self._clock.now())
            if self._user.role not in MANAGERS:
                raise PermissionDeniedError("record outcome measures")
            if row.starts_at > self._clock.now():
                raise OutcomeInputError(
                    "A measure can only be recorded for a session that has started."
                )
            household = {m.member for m in case_members(session, row.case_id)}
            if member not in household:
                raise OutcomeInputError("That person is not a member of this family.")
            _check_version(self.definitions(), definition, _age(session, member, row))
            existing = next(
                (m for m in _measures_at(session, row.id) if _member_of(m) == member), None
            )
            if existing is not None and not replace:
                raise OutcomeInputError(
                    "This family member's answers for this session are already saved. "
                    "Open them to change them."
                )
            measure = existing or OutcomeMeasure(
                session_id=row.id,
                young_person_id=member.id if member.kind == "young_person" else None,
                contact_id=member.id if member.kind == "contact" else None,
            )
            measure.version = definition.version
            measure.item_scores = list(items)
            measure.recorded_at = self._clock.now()
            measure.recorded_by_id = self._user.account_id
            session.add(measure)
            session.flush()
            self._audit(
                session,
                measure.id,
                ["session_id", "member", "version", "item_scores"],
                "replaced" if existing is not None else "",
            )
            return measure.id

    # ---- reading -------------------------------------------------------------------------
    def measures(self, case_id: int) -> list[MeasureRow]:
        """Every measure on the case, by session, then in household order."""
        definitions = self.definitions()
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id, self._clock.now())
            household = case_members(session, case.id)
            names = {row.member: row.name for row in household}
            order = {row.member: index for index, row in enumerate(household)}
            rows = session.execute(
                select(OutcomeMeasure, TherapySession)
                .join(TherapySession, TherapySession.id == OutcomeMeasure.session_id)
                .where(TherapySession.case_id == case.id)
            ).all()
            result = []
            for measure, therapy_session in rows:
                member = _member_of(measure)
                definition = definitions.get(measure.version)
                items = list(measure.item_scores)
                result.append(
                    MeasureRow(
                        measure.id,
                        therapy_session.id,
                        therapy_session.number,
                        therapy_session.starts_at,
                        member,
                        names.get(member, FORMER_MEMBER),
                        measure.version,
                        items,
                        score(definition, items)
                        if definition
                        else Score15Result(None, None, None, None, 0),
                        measure.recorded_at,
                    )
                )
            result.sort(
                key=lambda r: (r.session_number, order.get(r.member, len(order)), r.member.id)
            )
            return result

    def trend(self, case_id: int) -> Trend:
        rows = self.measures(case_id)
        sessions: dict[int, TrendSession] = {}
        by_member: dict[Member, list[MeasureRow]] = {}
        for row in rows:
            sessions.setdefault(
                row.session_id,
                TrendSession(row.session_id, row.session_number, row.session_starts_at),
            )
            by_member.setdefault(row.member, []).append(row)
        members = [
            TrendSeries(
                member,
                measured[0].member_name,
                [TrendPoint(r.session_id, r.scores) for r in measured],
            )
            for member, measured in by_member.items()
        ]
        family = TrendSeries(
            None,
            "Family",
            [
                TrendPoint(
                    session_id, _mean_scores(r.scores for r in rows if r.session_id == session_id)
                )
                for session_id in sessions
            ],
        )
        return Trend(list(sessions.values()), members, family)

    # ---- helpers -------------------------------------------------------------------------
    def _audit(self, session: Session, measure_id: int, fields: list[str], outcome: str) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            actions.OUTCOME_MEASURE_RECORDED,
            "outcome_measure",
            str(measure_id),
            fields,
            outcome,
        )


def _measures_at(session: Session, session_id: int) -> list[OutcomeMeasure]:
    return list(
        session.execute(
            select(OutcomeMeasure)
            .where(OutcomeMeasure.session_id == session_id)
            .order_by(OutcomeMeasure.id)
        ).scalars()
    )


def _member_of(measure: OutcomeMeasure) -> Member:
    if measure.young_person_id is not None:
        return Member("young_person", measure.young_person_id)
    return Member("contact", measure.contact_id or 0)


def _age(session: Session, member: Member, at: TherapySession) -> int | None:
    """A young person's age on the session's date; None for family contacts, whose dates of
    birth are not recorded, and for a young person whose date of birth is not known."""
    if member.kind != "young_person":
        return None
    person = session.get(YoungPerson, member.id)
    if person is None:
        raise RecordNotFoundError()
    return age_on(person.date_of_birth, at.starts_at.date())


def _check_version(
    definitions: dict[str, MeasureDefinition], definition: MeasureDefinition, age: int | None
) -> None:
    if age is None:
        return
    fitting = versions_for_age(definitions, age) if age >= YOUNGEST else []
    if not fitting:
        raise OutcomeInputError(
            f"Children under {YOUNGEST} do not complete the SCORE-15 or the Child SCORE-15."
        )
    if definition.version not in fitting:
        raise OutcomeInputError(
            f"At {age} a young person completes the {fitting[0]}, not the {definition.version}."
        )


def _mean_scores(results: Iterable[Score15Result]) -> Score15Result:
    """The family's scores at one session: for each score, the mean over the members who
    have that score there (a member with too many blanks for it is left out of it)."""
    listed = list(results)
    means: dict[str, float | None] = {}
    for key in SCORE_KEYS:
        values = [v for v in (r.value(key) for r in listed) if v is not None]
        means[key] = sum(values) / len(values) if values else None
    return Score15Result(
        strengths=means["strengths"],
        overwhelmed=means["overwhelmed"],
        communication=means["communication"],
        total=means["total"],
        answered=sum(r.answered for r in listed),
    )
