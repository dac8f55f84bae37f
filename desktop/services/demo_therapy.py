"""Demo family therapy: cases, sessions, notes and SCORE-15 measures written as the demo therapist.

Everything goes through the therapy services, as the therapist would have used them: each step
runs with the services' clock set to when it would have happened (a case opened before its
first session, a note begun within hours of its session and signed later), and the steps of
every case run in time order, so numbering, late-entry marks and escalations come out as they
would in use. A few records are set up on purpose: one closed case with a closing summary, a
draft left unsigned on a recent session, a late entry, an addendum and a safeguarding concern.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import (
    CaseStatus,
    ContactKind,
    Gender,
    NoteFormat,
    SessionLocation,
    SessionOutcome,
    TherapyModel,
)
from desktop.models.network import Contact
from desktop.models.people import Allocation, YoungPerson
from desktop.resources_path import resource
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.demo_therapy_texts import (
    ADDENDUM,
    ASSESSMENT,
    CLOSING_SUMMARY,
    DRAFT_BODY,
    HYPOTHESES,
    INTERVENTIONS,
    LATE_ENTRY_BODY,
    OBSERVED,
    OPENING,
    PLANS,
    PROCESS_NOTES,
    REFERRALS,
    REPORTED,
    RESPONSES,
    RISK_CONCERN,
    RISK_NONE,
    SUMMARIES,
)
from desktop.services.note_templates import RISK_CHECK, keys_of
from desktop.services.outcome_service import YOUNGEST, OutcomeService
from desktop.services.people_service import age_on
from desktop.services.score15 import ADULT_VERSION, ITEM_COUNT, scored, versions_for_age
from desktop.services.therapy_note_service import TherapyNoteService
from desktop.services.therapy_records import CaseInput, Member, NoteInput, SessionInput
from desktop.services.therapy_service import TherapyService

# One case per model of work; the first is the closed one, the rest are open.
MODELS = (
    TherapyModel.SYSTEMIC,
    TherapyModel.FUNCTIONAL,
    TherapyModel.MULTISYSTEMIC,
    TherapyModel.PARENTING,
    TherapyModel.SYSTEMIC,
)
# Each therapist tends to keep to one format per family, with the odd exception.
FORMATS = (NoteFormat.STRUCTURED, NoteFormat.DAP, NoteFormat.SOAP, NoteFormat.BIRP)
# After-school and early-evening slots suit families with teenagers at school.
HOURS = (10, 11, 14, 15, 16, 17)
LOCATIONS = (
    (SessionLocation.HOME_VISIT, 6),
    (SessionLocation.OFFICE, 2),
    (SessionLocation.COMMUNITY_VENUE, 1),
    (SessionLocation.ONLINE, 1),
)
# Young people whose cases are open: the therapist is allocated to them.
OPEN = (CaseStatus.ASSESSMENT, CaseStatus.ACTIVE, CaseStatus.MONITORING)
MISSED = (
    SessionOutcome.DID_NOT_ATTEND,
    SessionOutcome.CANCELLED_BY_FAMILY,
    SessionOutcome.CANCELLED_BY_SERVICE,
)
# What family members call a parent or carer in a session; others by their first name.
CARER_WORDS = {"Mother": "Mum", "Father": "Dad", "Grandmother": "Nan"}
KEY_POOLS: dict[str, tuple[str, ...] | dict[str, tuple[str, ...]]] = {
    "presenting": OPENING,
    "data": OPENING,
    "behaviour": OPENING,
    "subjective": REPORTED,
    "objective": OBSERVED,
    "hypotheses": HYPOTHESES,
    "assessment": ASSESSMENT,
    "interventions": INTERVENTIONS,
    "intervention": INTERVENTIONS,
    "response": RESPONSES,
    "plan": PLANS,
}


@dataclass(frozen=True)
class _Family:
    young_person_id: int
    contact_id: int
    born: date | None
    words: dict[str, str]  # the placeholders of demo_therapy_texts, filled for this family

    def text(self, template: str) -> str:
        return template.format(**self.words)


class ReplayClock:
    """The services' clock while the demo writes its history: set to each step's time."""

    def __init__(self, base: Clock) -> None:
        self._base = base
        self._now = base.now()

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._base.monotonic()

    def set(self, at: datetime) -> None:
        self._now = at


@dataclass
class _Ids:
    """What the services returned, for the steps that come after."""

    case: int = 0
    sessions: dict[int, int] = field(default_factory=dict)  # by planned index
    notes: dict[int, int] = field(default_factory=dict)


@dataclass
class _Planner:
    chooser: random.Random
    now: datetime
    therapy: TherapyService
    notes: TherapyNoteService
    outcomes: OutcomeService
    steps: list[tuple[datetime, int, Callable[[], None]]] = field(default_factory=list)

    def at(self, when: datetime, step: Callable[[], None]) -> None:
        # Never later than the demo's now; the running count keeps a case's steps in order.
        self.steps.append((min(when, self.now - timedelta(seconds=1)), len(self.steps), step))


def add_therapy(
    sessions: sessionmaker[Session],
    therapist: CurrentUser,
    clock: Clock,
    seed: int,
    cases: int = len(MODELS),
) -> int:
    """Adds up to `cases` therapy cases for families on the caseload; returns how many."""
    chooser = random.Random(f"therapy-{seed}")
    now = clock.now()
    with sessions.begin() as session:
        families = _choose_families(session, chooser, therapist.account_id, now.date(), cases)
    replay = ReplayClock(clock)
    planner = _Planner(
        chooser,
        now,
        TherapyService(sessions, therapist, replay),
        TherapyNoteService(sessions, therapist, replay),
        OutcomeService(sessions, therapist, replay, resource("measures", "score15.json")),
    )
    open_cases = list(range(1, len(families))) or [0]
    special = {
        role: open_cases[index % len(open_cases)]
        for index, role in enumerate(("draft", "concern", "late", "addendum"))
    }
    for index, family in enumerate(families):
        roles = {role for role, chosen in special.items() if chosen == index}
        closed = index == 0 and len(families) > 1
        _plan_case(planner, family, index, therapist.account_id, closed, roles)
    for when, _order, step in sorted(planner.steps, key=lambda s: (s[0], s[1])):
        replay.set(when)
        step()
    with sessions.begin() as session:
        audit_chain.append(
            session,
            now,
            therapist.username,
            actions.CREATE,
            "demo_therapy",
            "",
            outcome=f"{len(families)} synthetic family therapy cases",
        )
    return len(families)


def _choose_families(
    session: Session, chooser: random.Random, therapist_id: int, today: date, count: int
) -> list[_Family]:
    """School-age young people on open cases with a parent or carer on record, the first (whose
    therapy has ended) from a case being monitored if there is one; each is allocated to the
    therapist, who sees only the young people allocated to them."""
    rows = session.execute(
        select(YoungPerson, Contact)
        .join(Contact, Contact.young_person_id == YoungPerson.id)
        .where(Contact.kind == ContactKind.FAMILY, YoungPerson.status.in_(OPEN))
        .order_by(YoungPerson.id, Contact.id)
    ).all()
    seen: dict[int, tuple[YoungPerson, Contact]] = {}
    for person, contact in rows:
        age = age_on(person.date_of_birth, today)
        # Known to the unit long enough for the therapy (up to about four months) to follow.
        known = person.created_at.date() <= today - timedelta(days=200)
        if known and age is not None and 11 <= age <= 17:
            seen.setdefault(person.id, (person, contact))
    pairs = list(seen.values())
    chooser.shuffle(pairs)
    winding_down = [pair for pair in pairs if pair[0].status is CaseStatus.MONITORING]
    ongoing = [pair for pair in pairs if pair[0].status is not CaseStatus.MONITORING]
    chosen = (winding_down[:1] + ongoing + winding_down[1:])[:count]
    allocated = set(
        session.execute(
            select(Allocation.young_person_id).where(Allocation.account_id == therapist_id)
        ).scalars()
    )
    families = []
    for person, contact in chosen:
        if person.id not in allocated:
            session.add(Allocation(young_person_id=person.id, account_id=therapist_id))
        female = person.gender is Gender.FEMALE
        carer = CARER_WORDS.get(contact.relationship, contact.name.split()[0])
        words = {
            "name": person.given_name,
            "carer": carer,
            "he": "she" if female else "he",
            "He": "She" if female else "He",
            "his": "her" if female else "his",
            "him": "her" if female else "him",
        }
        families.append(_Family(person.id, contact.id, person.date_of_birth, words))
    return families


def _plan_case(
    planner: _Planner,
    family: _Family,
    index: int,
    therapist_id: int,
    closed: bool,
    roles: set[str],
) -> None:
    chooser, today = planner.chooser, planner.now.date()
    past = chooser.randint(8, 10) if closed else chooser.randint(5 if roles else 4, 10)
    interval = 7 if closed or chooser.random() < 0.7 else 14
    if closed:
        last = today - timedelta(days=chooser.randint(25, 45))
    elif "draft" in roles:
        last = today - timedelta(days=1)
    else:
        last = today - timedelta(days=chooser.randint(3, 8))
    days = [_weekday(last - timedelta(days=interval * (past - 1 - n)), -1) for n in range(past)]
    # A family keeps a regular slot, moved now and then.
    slot = chooser.choice(HOURS)
    hours = [slot if chooser.random() < 0.75 else chooser.choice(HOURS) for _ in days]
    if "draft" in roles:
        hours[-1] = 10  # yesterday morning, so its note is begun before the demo's now
    starts = [
        datetime.combine(day, time(hour), tzinfo=UTC) for day, hour in zip(days, hours, strict=True)
    ]
    outcomes = _outcomes(chooser, past, index)
    model = MODELS[index % len(MODELS)]
    referral, goals = REFERRALS[model]
    opened = starts[0] - timedelta(days=chooser.randint(3, 10), hours=chooser.randint(0, 5))
    details = CaseInput(
        therapist_id=therapist_id,
        model_of_work=model,
        young_person_ids=(family.young_person_id,),
        contact_ids=(family.contact_id,),
        referred_on=opened.date() - timedelta(days=chooser.randint(14, 60)),
        referral_reason=family.text(referral),
        consent_given=True,
        consent_recorded_on=opened.date(),
        goals=family.text(goals),
        started_on=starts[0].date(),
    )
    ids = _Ids()

    def create() -> None:
        ids.case = planner.therapy.create_case(details)

    planner.at(opened, create)
    attended = [n for n, outcome in enumerate(outcomes) if outcome is SessionOutcome.ATTENDED]
    measured = _measured(attended)
    kinds = _special_sessions(attended, roles)
    pace = chooser.getrandbits(32)  # each member's own starting point and pace, below
    note_format = FORMATS[index % len(FORMATS)]
    ends = starts[-1]
    for n, starts_at in enumerate(starts):
        phase = _phase(n, past, closed)
        ends = _plan_session(planner, family, ids, n, starts_at, outcomes[n], n in measured)
        if n in measured:
            _plan_measures(planner, family, ids, n, ends, measured.index(n), pace)
        if outcomes[n] is not SessionOutcome.ATTENDED:
            continue
        kind = kinds.get(n, "")
        if kind == "draft":
            _plan_draft(planner, family, ids, n, ends, note_format)
            continue
        if not kind and n not in (attended[0], attended[-1]) and chooser.random() < 0.1:
            continue  # the odd session with no note, as happens
        fmt = note_format if chooser.random() < 0.8 else chooser.choice(FORMATS)
        _plan_note(planner, family, ids, n, starts_at, ends, fmt, phase, kind)
    if closed:
        ended = starts[-1].date() + timedelta(days=chooser.randint(3, 7))
        summary = family.text(CLOSING_SUMMARY.replace("{sessions}", str(len(attended))))
        closing = replace(details, ended_on=ended, closing_summary=summary)

        def close() -> None:
            planner.therapy.update_case(ids.case, closing)

        planner.at(datetime.combine(ended, time(16), tzinfo=UTC), close)
    else:
        _plan_upcoming(planner, ids, past, ends, interval)


def _weekday(day: date, step: int = 1) -> date:
    """The day itself, or the nearest weekday in the direction of step (1 or -1)."""
    while day.weekday() >= 5:
        day += timedelta(days=step)
    return day


def _outcomes(chooser: random.Random, past: int, index: int) -> list[SessionOutcome]:
    """Mostly attended; the first and the last sessions always; one missed session of each
    kind across the demo's cases, and the odd other."""
    outcomes = [
        SessionOutcome.ATTENDED if chooser.random() < 0.85 else chooser.choice(MISSED)
        for _ in range(past)
    ]
    outcomes[0] = outcomes[-1] = SessionOutcome.ATTENDED
    if past > 4:
        outcomes[chooser.randint(1, past - 3)] = MISSED[index % len(MISSED)]
    return outcomes


def _special_sessions(attended: list[int], roles: set[str]) -> dict[int, str]:
    """The attended sessions whose notes are set up on purpose, each on its own session: the
    newest free one, except a late entry, written days after, which goes on an older one."""
    kinds: dict[int, str] = {}
    free = attended[::-1]
    for role in ("draft", "concern", "addendum", "late"):
        if role in roles and free:
            n = free[min(2, len(free) - 1)] if role == "late" else free[0]
            free.remove(n)
            kinds[n] = role
    return kinds


def _measured(attended: list[int]) -> list[int]:
    """The sessions with SCORE-15: the first attended, the fourth and the eighth (the last for
    a short piece of work)."""
    picks = [attended[i] for i in (0, 3, 7) if i < len(attended)]
    if len(picks) == 1 and len(attended) > 1:
        picks.append(attended[-1])
    return picks


def _phase(n: int, past: int, closed: bool) -> str:
    if n < 2:
        return "early"
    if closed and n >= past - 2:
        return "late"
    return "middle"


def _plan_session(
    planner: _Planner,
    family: _Family,
    ids: _Ids,
    n: int,
    starts_at: datetime,
    outcome: SessionOutcome,
    everyone: bool,
) -> datetime:
    """Plans the session's recording; returns when it ends."""
    chooser = planner.chooser
    young, carer = (
        Member("young_person", family.young_person_id),
        Member("contact", family.contact_id),
    )
    if outcome is SessionOutcome.ATTENDED:
        came_young = everyone or n == 0 or chooser.random() < 0.8
        came_carer = everyone or n == 0 or not came_young or chooser.random() < 0.9
        attendance = {young: came_young, carer: came_carer}
    elif outcome is SessionOutcome.DID_NOT_ATTEND:
        attendance = {young: False, carer: False}
    else:
        attendance = {}  # cancelled: nobody was expected
    details = SessionInput(
        starts_at=starts_at,
        minutes=chooser.choice((60, 60, 75, 90)),
        location=chooser.choices([loc for loc, _ in LOCATIONS], [w for _, w in LOCATIONS])[0],
        outcome=outcome,
        attendance=attendance,
    )

    def record() -> None:
        ids.sessions[n] = planner.therapy.record_session(ids.case, details)

    # Just after the session's time: the service takes no outcome but "scheduled" before it.
    planner.at(starts_at + timedelta(minutes=details.minutes + 5), record)
    return starts_at + timedelta(minutes=details.minutes)


def _plan_measures(
    planner: _Planner,
    family: _Family,
    ids: _Ids,
    n: int,
    ends: datetime,
    point: int,
    pace: int,
) -> None:
    """Each member's SCORE-15 (a child's version by age), easing over the work, with noise."""
    chooser = planner.chooser
    definitions = planner.outcomes.definitions()
    age = age_on(family.born, ends.date())
    members: list[tuple[Member, str]] = [(Member("contact", family.contact_id), ADULT_VERSION)]
    if age is not None and age >= YOUNGEST:
        members.insert(0, (Member("young_person", family.young_person_id), ""))
    for member, version in members:
        # The same draws at every measure, so each point continues the member's own course.
        own = random.Random(f"{pace}-{member.kind}-{member.id}")
        level = own.uniform(3.0, 3.9) - sum(own.gauss(0.35, 0.2) for _ in range(point))
        level = max(1.4, min(4.6, level))
        chosen = version or versions_for_age(definitions, age)[0]
        definition = definitions[chosen]
        items: list[int | None] = []
        for number in range(1, ITEM_COUNT + 1):
            if chooser.random() < 0.03:
                items.append(None)  # left blank
                continue
            difficulty = max(1, min(5, round(level + chooser.gauss(0, 0.6))))
            items.append(scored(definition, number, difficulty))  # reversing is its own inverse

        def record(
            member: Member = member, version: str = chosen, answers: list[int | None] = items
        ) -> None:
            planner.outcomes.record(ids.sessions[n], member, version, answers)

        planner.at(ends + timedelta(minutes=6), record)


def _sections(
    chooser: random.Random, family: _Family, note_format: NoteFormat, phase: str
) -> dict[str, str]:
    sections = {}
    for key in keys_of(note_format):
        pool = KEY_POOLS.get(key)
        if pool is None:
            continue
        choices = pool[phase] if isinstance(pool, dict) else pool
        sections[key] = family.text(chooser.choice(choices))
    if note_format is NoteFormat.DAP:
        sections["data"] += " " + family.text(chooser.choice(OBSERVED))
    return sections


def _plan_note(
    planner: _Planner,
    family: _Family,
    ids: _Ids,
    n: int,
    starts_at: datetime,
    ends: datetime,
    note_format: NoteFormat,
    phase: str,
    kind: str,
) -> None:
    chooser = planner.chooser
    sections = _sections(chooser, family, note_format, phase)
    concern = kind == "concern"
    sections[RISK_CHECK] = family.text(RISK_CONCERN if concern else chooser.choice(RISK_NONE))
    full = NoteInput(
        note_format=note_format,
        sections=sections,
        body=LATE_ENTRY_BODY if kind == "late" else "",
        shareable_summary=family.text(chooser.choice(SUMMARIES[phase])),
        process_notes=family.text(chooser.choice(PROCESS_NOTES)) if chooser.random() < 0.4 else "",
        risk_concern=concern,
    )
    if kind == "late":
        begun = starts_at + timedelta(hours=chooser.randint(52, 80))
    else:
        begun = ends + timedelta(minutes=chooser.randint(40, 20 * 60))
    signed = begun + timedelta(minutes=chooser.randint(25, 6 * 60))
    # Autosave while typing: the first save has the opening sections only (a concern is saved
    # whole at once, as the therapist would record it before anything else).
    first = (
        full
        if concern
        else NoteInput(
            note_format=note_format,
            sections={key: sections[key] for key in list(sections)[:2]},
        )
    )

    def start() -> None:
        ids.notes[n] = planner.notes.start_note(ids.sessions[n], first)

    def finish() -> None:
        planner.notes.save_draft(ids.notes[n], full)

    def sign() -> None:
        planner.notes.sign_note(ids.notes[n])

    planner.at(begun, start)
    if not concern:
        planner.at(begun + timedelta(minutes=chooser.randint(8, 20)), finish)
    planner.at(signed, sign)
    if kind == "addendum":

        def addendum() -> None:
            planner.notes.add_addendum(ids.notes[n], family.text(ADDENDUM))

        planner.at(signed + timedelta(days=1, hours=chooser.randint(1, 6)), addendum)


def _plan_draft(
    planner: _Planner, family: _Family, ids: _Ids, n: int, ends: datetime, note_format: NoteFormat
) -> None:
    """The latest session's note, begun and saved but not yet finished or signed."""
    sections = _sections(planner.chooser, family, note_format, "middle")
    partial = {key: sections[key] for key in list(sections)[:3]}

    def start() -> None:
        ids.notes[n] = planner.notes.start_note(
            ids.sessions[n], NoteInput(note_format=note_format, sections=partial)
        )

    def save() -> None:
        planner.notes.save_draft(
            ids.notes[n], NoteInput(note_format=note_format, sections=partial, body=DRAFT_BODY)
        )

    planner.at(ends + timedelta(hours=2), start)
    planner.at(ends + timedelta(hours=2, minutes=12), save)


def _plan_upcoming(planner: _Planner, ids: _Ids, past: int, ends: datetime, interval: int) -> None:
    """One or two sessions still to come, booked at the end of the latest one (who will come
    is recorded when they have been)."""
    chooser = planner.chooser
    first = _weekday(planner.now.date() + timedelta(days=chooser.randint(1, 6)))
    days = [first, _weekday(first + timedelta(days=interval))][: chooser.randint(1, 2)]
    for offset, day in enumerate(days):
        details = SessionInput(
            starts_at=datetime.combine(day, time(chooser.choice(HOURS)), tzinfo=UTC),
            location=SessionLocation.HOME_VISIT,
            outcome=SessionOutcome.SCHEDULED,
        )

        def book(number: int = past + offset, details: SessionInput = details) -> None:
            ids.sessions[number] = planner.therapy.record_session(ids.case, details)

        planner.at(ends + timedelta(minutes=10 + offset), book)
