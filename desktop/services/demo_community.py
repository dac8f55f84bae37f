"""Demo community engagement: partners (a mosque, a Kurdish women's group, a library, schools, a GP
practice, a fathers' charity...), the activities of the unit's good-practice case study (a lunch
with Kurdish women, a parents' gathering at a library, workshops in English and Arabic, a fathers'
parenting course, awareness training for frontline professionals) with their findings, action
plans and shares, strategy actions, ride-outs that see young people on the gangs worker's
caseload, and one critical incident.

Everything goes through the services as staff would have used them, the clock set to when each
step happened. Organisations and contacts are invented; audiences are counted, never named.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Role
from desktop.models.choices import (
    ActionStatus,
    ActivityKind,
    AudienceKind,
    CaseStatus,
    IncidentKind,
    PartnerKind,
    StrategyOutcome,
    SupportKind,
)
from desktop.models.people import YoungPerson
from desktop.services.community_common import ActionInput
from desktop.services.current_user import CurrentUser
from desktop.services.demo_therapy import ReplayClock
from desktop.services.engagement_records import ActivityInput
from desktop.services.engagement_service import EngagementService
from desktop.services.incident_records import IncidentInput, SupportInput
from desktop.services.incident_service import CriticalIncidentService
from desktop.services.partner_service import ContactInput, PartnerInput, PartnerService
from desktop.services.ride_out_service import RideOutInput, RideOutService, SeenInput
from desktop.services.training_service import TrainingService

P, T, S, R = (
    StrategyOutcome.PARTICIPATION,
    StrategyOutcome.TRUST,
    StrategyOutcome.SERVICES,
    StrategyOutcome.RESILIENCE,
)
OPEN_CASES = (CaseStatus.ASSESSMENT, CaseStatus.ACTIVE, CaseStatus.MONITORING)

# (key, name, kind, area, communities, languages, contact (name, role, phone, email))
PARTNERS = (
    (
        "mosque",
        "Al-Noor Community Mosque",
        PartnerKind.FAITH,
        "Harrow Road",
        ("Sudanese", "Somali", "Moroccan"),
        ("Arabic", "Somali", "English"),
        ("Imam Y. Demo", "Imam", "020 7946 0101", "office@alnoor.example"),
    ),
    (
        "kurdish",
        "Kurdish Women's Association",
        PartnerKind.COMMUNITY_GROUP,
        "Church Street",
        ("Iraqi Kurdish",),
        ("Kurdish (Sorani)", "Arabic", "English"),
        ("S. Demo", "Project coordinator", "020 7946 0102", "hello@kwa.example"),
    ),
    (
        "library",
        "Church Street Library",
        PartnerKind.COUNCIL,
        "Church Street",
        ("All local residents",),
        ("English",),
        ("L. Demo", "Library manager", "020 7946 0103", "library@council.example"),
    ),
    (
        "academy",
        "Westbourne Park Academy",
        PartnerKind.SCHOOL,
        "Westbourne",
        ("Pupils aged 11 to 18 and their families",),
        ("English",),
        ("Mr D. Demo", "Designated safeguarding lead", "020 7946 0104", "dsl@wpa.example"),
    ),
    (
        "primary",
        "St Anne's Primary School",
        PartnerKind.SCHOOL,
        "Lisson Grove",
        ("Pupils aged 4 to 11 and their families",),
        ("English", "Arabic"),
        ("Ms K. Demo", "Family liaison officer", "020 7946 0105", "office@stannes.example"),
    ),
    (
        "gp",
        "Lisson Grove Health Centre",
        PartnerKind.HEALTH,
        "Lisson Grove",
        ("Registered patients",),
        ("English", "Arabic", "Bengali"),
        ("Dr N. Demo", "Safeguarding GP", "020 7946 0106", "practice@lghc.example"),
    ),
    (
        "fathers",
        "Fathers Forward",
        PartnerKind.VOLUNTARY,
        "Borough-wide",
        ("Fathers from vulnerable communities",),
        ("English", "Arabic", "Somali"),
        ("J. Demo", "Course lead", "020 7946 0107", "info@fathersforward.example"),
    ),
    (
        "sudanese",
        "Sudanese Parents' Network",
        PartnerKind.COMMUNITY_GROUP,
        "Harrow Road",
        ("Sudanese",),
        ("Arabic", "English"),
        ("A. Demo", "Chair", "", "network@spn.example"),
    ),
    (
        "police",
        "Neighbourhood Policing Team",
        PartnerKind.POLICE,
        "Church Street and Harrow Road",
        (),
        ("English",),
        ("Sgt R. Demo", "Neighbourhood sergeant", "101", ""),
    ),
    (
        "housing",
        "Estates and Tenancy Team",
        PartnerKind.HOUSING,
        "Church Street",
        (),
        ("English",),
        ("P. Demo", "Estate manager", "020 7946 0110", "estates@council.example"),
    ),
)


@dataclass(frozen=True)
class DemoAction:
    text: str
    owner: str  # a partner's role, or "" for the community officer
    due_in: int  # days after the activity
    done_after: int | None = None  # days after the activity it was done, if done
    outcomes: tuple[StrategyOutcome, ...] = ()
    in_progress: bool = False


@dataclass(frozen=True)
class DemoActivity:
    days_ago: int
    details: ActivityInput  # held_on is replaced by days_ago
    attendance: dict[AudienceKind, int]
    partners: tuple[str, ...]
    outcomes: tuple[StrategyOutcome, ...]
    actions: tuple[DemoAction, ...] = ()
    shared_with: tuple[str, ...] = ()
    ratings: tuple[dict[int, int], dict[int, int]] | None = None


def _activity(
    kind: ActivityKind,
    title: str,
    venue: str = "",
    *,
    online: bool = False,
    languages: tuple[str, ...] = (),
    communities: tuple[str, ...] = (),
    themes: str = "",
    concerns: str = "",
    findings: str = "",
    recommendations: str = "",
) -> ActivityInput:
    """An activity's form; its date is set from the demo's days_ago when it is added."""
    return ActivityInput(
        kind,
        title,
        date.min,
        venue,
        online,
        languages,
        communities,
        themes,
        concerns,
        findings,
        recommendations,
    )


ACTIVITIES = (
    DemoActivity(
        150,
        _activity(
            ActivityKind.COMMUNITY_EVENT,
            "Lunch and conversation with Kurdish women",
            "Community hall, Church Street",
            languages=("Kurdish (Sorani)", "English"),
            communities=("Iraqi Kurdish",),
            themes="Displacement and settling in the UK; family life and parenting; what "
            "support is known locally and what gets in the way of using it.",
            concerns="Mothers worry that their sons are drawn into crime and that services "
            "see their families only as a problem.\n\nFew knew where to turn for help with "
            "exploitation.",
            findings="Isolation is common, above all among women who arrived as adults.\n\n"
            "Services are trusted when they come through people the women already know; "
            "interpreters from outside the community are a barrier.",
            recommendations="Offer parenting support in Sorani, through the association.\n\n"
            "Make the first contact about a child's safety through a trusted community worker.",
        ),
        {AudienceKind.WOMEN: 18, AudienceKind.COMMUNITY_LEADERS: 2},
        ("kurdish", "gp"),
        (P, T),
        (
            DemoAction("Translate the local offer leaflet into Sorani", "", 30, 25, (P,)),
            DemoAction(
                "Arrange a drop-in with the health centre at the association",
                "Safeguarding GP",
                45,
                40,
                (S,),
            ),
            DemoAction("Hold a follow-up lunch in the spring", "", 120, None, (T,)),
        ),
        ("kurdish", "gp", "library"),
    ),
    DemoActivity(
        120,
        _activity(
            ActivityKind.PARENTS_GATHERING,
            "Keeping Young People Safe and Healthy: parents' and carers' gathering",
            "Church Street Library",
            languages=("English", "Arabic"),
            communities=("Church Street residents",),
            themes="Safety in the neighbourhood; support for families; health and wellbeing; "
            "future opportunities; local spaces and activities.",
            concerns="Parents feel unsafe on the estate after dark and do not know what is on "
            "offer for their children.",
            findings="Awareness of local support is low even where services are close by.\n\n"
            "Parents want one place to find out what is on for young people.",
            recommendations="Publish one termly guide to activities for young people.\n\n"
            "Hold the gathering twice a year with the same partners.",
        ),
        {
            AudienceKind.PARENTS: 31,
            AudienceKind.YOUNG_PEOPLE: 9,
            AudienceKind.FRONTLINE: 6,
        },
        ("library", "academy", "primary", "gp", "police"),
        (P, S),
        (
            DemoAction("Publish the termly activities guide", "", 60, 55, (S,)),
            DemoAction(
                "Review street lighting on the estate",
                "Estate manager",
                60,
                None,
                (R,),
                in_progress=True,
            ),
            DemoAction("Book the next gathering", "Library manager", 100, None, (P,)),
        ),
        ("library", "academy", "primary", "gp", "police", "housing", "mosque"),
    ),
    DemoActivity(
        90,
        _activity(
            ActivityKind.WORKSHOP,
            "Serious youth violence and the role of the community",
            "Zoom",
            online=True,
            languages=("English", "Arabic"),
            communities=("Sudanese", "Moroccan"),
            themes="Gangs and exploitation; serious youth violence; protecting our youth.",
            concerns="Parents do not know the signs of exploitation.",
            findings="A panel of police, youth workers, a doctor, a family therapist, clergy "
            "and teachers answered parents' questions for two hours.",
            recommendations="Repeat the panel in Arabic each term.",
        ),
        {
            AudienceKind.PARENTS: 40,
            AudienceKind.YOUNG_PEOPLE: 12,
            AudienceKind.FAITH_LEADERS: 3,
        },
        ("mosque", "sudanese"),
        (T, R),
        (DemoAction("Plan the next panel in Arabic", "Imam", 75, None, (T, R)),),
        ("mosque", "sudanese"),
    ),
    DemoActivity(
        60,
        _activity(
            ActivityKind.COURSE,
            "Fathers for the Future parenting course",
            "Al-Noor Community Mosque, hall",
            languages=("English", "Arabic"),
            themes="Fathers' role in keeping children safe; talking about violence and "
            "extremism at home.",
            findings="Fathers asked for a group that carries on after the course.",
            recommendations="Support the fathers to start their own group.",
        ),
        {AudienceKind.FATHERS: 14},
        ("fathers", "mosque"),
        (S, R),
        (DemoAction("Help the fathers start a monthly group", "Course lead", 60, None, (R,)),),
    ),
    DemoActivity(
        45,
        _activity(
            ActivityKind.TRAINING,
            "RAGE: Raising Awareness of Gangs and Exploitation",
            "Civic Centre, training room",
            themes="Vulnerability rather than criminality; spotting exploitation early; "
            "where to signpost.",
        ),
        {AudienceKind.FRONTLINE: 15, AudienceKind.TEACHERS: 8},
        ("academy",),
        (S,),
        (),
        (),
        ({1: 4, 2: 9, 3: 8, 4: 2}, {2: 1, 3: 5, 4: 12, 5: 5}),
    ),
    DemoActivity(
        20,
        _activity(
            ActivityKind.TRAINING,
            "RAGE: Raising Awareness of Gangs and Exploitation",
            "Lisson Grove Health Centre",
            themes="Exploitation and county lines; the NRM; referral routes.",
        ),
        {AudienceKind.HEALTH_STAFF: 10, AudienceKind.VOLUNTEERS: 6},
        ("gp",),
        (S, R),
        (DemoAction("Send the slides and referral routes", "", 7, 3, (S,)),),
        (),
        ({1: 3, 2: 6, 3: 6, 4: 1}, {3: 4, 4: 8, 5: 4}),
    ),
    DemoActivity(
        10,
        _activity(
            ActivityKind.CONSULTATION,
            "Consultation on the local offer for families",
            "St Anne's Primary School",
            languages=("English", "Arabic"),
            themes="Gaps, barriers and how families want to be reached.",
        ),
        {AudienceKind.PARENTS: 22},
        ("primary",),
        (P,),
        (DemoAction("Write up the consultation for children's services", "", 21, None, (P, S)),),
    ),
)
# Standing strategy actions, not from one activity: (text, owner, days ago set, due in, done
# after, outcomes).
STANDING = (
    ("Set up a quarterly community safety forum", "", 170, 90, None, (P, T)),
    (
        "Produce a parenting handout: how to talk to your children about violent incidents",
        "",
        160,
        30,
        20,
        (R,),
    ),
    ("Map faith institutions and community groups in the north east", "", 140, 200, None, (P,)),
)
# (days ago, area, concerns)
RIDE_OUTS = (
    (35, "Church Street estate", "Groups of young people by the parade after dark."),
    (21, "Harrow Road", "Tension after the incident; parents keeping children in."),
    (6, "Lisson Grove", ""),
)


@dataclass
class _Staff:
    coordinator: CurrentUser
    officer: CurrentUser
    worker: CurrentUser
    partner_ids: dict[str, int] = field(default_factory=dict)


def add_community(
    sessions: sessionmaker[Session],
    coordinator: CurrentUser,
    officer: CurrentUser,
    worker: CurrentUser,
    clock: Clock,
) -> int:
    """Adds the demo's partners, activities, ride-outs and incident; returns the activities."""
    now = clock.now()
    replay = ReplayClock(clock)
    staff = _Staff(coordinator, officer, worker)
    replay.set(now - timedelta(days=200))
    partners = PartnerService(sessions, officer, replay)
    for key, name, kind, area, communities, languages, contact in PARTNERS:
        partner_id = partners.create_partner(PartnerInput(name, kind, area, communities, languages))
        partners.set_contacts(partner_id, [ContactInput(*contact)])
        staff.partner_ids[key] = partner_id
    _standing_actions(sessions, staff, replay, now)
    for activity in ACTIVITIES:
        _add_activity(sessions, staff, replay, now, activity)
    _ride_outs(sessions, staff, replay, now)
    _incident(sessions, staff, replay, now)
    replay.set(now)
    return len(ACTIVITIES)


def _at(now: datetime, days_ago: int, hour: int = 12) -> datetime:
    return datetime.combine(now.date() - timedelta(days=days_ago), time(hour), UTC)


def _standing_actions(
    sessions: sessionmaker[Session], staff: _Staff, replay: ReplayClock, now: datetime
) -> None:
    engagement = EngagementService(sessions, staff.officer, replay)
    for text, owner, days_ago, due_in, done_after, outcomes in STANDING:
        set_on = _at(now, days_ago)
        replay.set(set_on)
        owner_id = None if owner else staff.officer.account_id
        action = engagement.add_action(
            None,
            ActionInput(text, owner, owner_id, set_on.date() + timedelta(days=due_in)),
            outcomes,
        )
        if done_after is not None:
            replay.set(set_on + timedelta(days=done_after))
            engagement.set_action_status(action, ActionStatus.DONE)


def _add_activity(
    sessions: sessionmaker[Session],
    staff: _Staff,
    replay: ReplayClock,
    now: datetime,
    demo: DemoActivity,
) -> None:
    held = _at(now, demo.days_ago, 18)
    replay.set(held + timedelta(hours=3))
    engagement = EngagementService(sessions, staff.officer, replay)
    activity = engagement.create_activity(replace(demo.details, held_on=held.date()))
    engagement.set_attendance(activity, demo.attendance)
    engagement.set_partners(activity, [staff.partner_ids[key] for key in demo.partners])
    engagement.set_outcomes(activity, demo.outcomes)
    if demo.ratings is not None:
        TrainingService(sessions, staff.officer, replay).set_ratings(activity, *demo.ratings)
    for action in demo.actions:
        replay.set(held + timedelta(days=1))
        owner_id = None if action.owner else staff.officer.account_id
        due = held.date() + timedelta(days=action.due_in)
        action_id = engagement.add_action(
            activity, ActionInput(action.text, action.owner, owner_id, due), action.outcomes
        )
        if action.in_progress:
            engagement.set_action_status(action_id, ActionStatus.IN_PROGRESS)
        if action.done_after is not None:
            replay.set(held + timedelta(days=action.done_after))
            engagement.set_action_status(action_id, ActionStatus.DONE)
    if demo.shared_with:
        shared = held + timedelta(days=14)
        replay.set(shared)
        engagement.record_shares(
            activity, [staff.partner_ids[key] for key in demo.shared_with], shared.date()
        )


def _people(sessions: sessionmaker[Session], worker_id: int) -> list[int]:
    with sessions.begin() as session:
        return list(
            session.execute(
                select(YoungPerson.id)
                .where(YoungPerson.key_worker_id == worker_id, YoungPerson.status.in_(OPEN_CASES))
                .order_by(YoungPerson.id)
            ).scalars()
        )


def _ride_outs(
    sessions: sessionmaker[Session], staff: _Staff, replay: ReplayClock, now: datetime
) -> None:
    people = _people(sessions, staff.worker.account_id)
    service = RideOutService(sessions, staff.worker, replay)
    for number, (days_ago, area, concerns) in enumerate(RIDE_OUTS):
        started = _at(now, days_ago, 19)
        replay.set(started + timedelta(hours=3))
        seen = people[number * 2 : number * 2 + 2]
        service.record_ride_out(
            RideOutInput(
                started,
                area,
                concerns,
                (staff.worker.account_id,),
                tuple(SeenInput(p, "Stopped to talk; agreed to meet this week.") for p in seen),
            )
        )


def _incident(
    sessions: sessionmaker[Session], staff: _Staff, replay: ReplayClock, now: datetime
) -> None:
    occurred = _at(now, 24, 23)
    replay.set(occurred + timedelta(days=1))
    service = CriticalIncidentService(sessions, staff.coordinator, replay)
    incident = service.create_incident(
        IncidentInput(
            occurred.date(),
            "Harrow Road",
            IncidentKind.FATAL_STABBING,
            "A young man was fatally stabbed near the parade. Another was taken to hospital.",
            "The two families affected (reached through Al-Noor Community Mosque).",
            "Shock and fear among Sudanese parents here and in the neighbouring boroughs; "
            "rumours of a reprisal on social media.",
        )
    )
    people = _people(sessions, staff.worker.account_id)
    if people:
        service.set_people(incident, people[-1:])
    day = occurred.date()
    for kind, offered_to, offered, given, text in (
        (SupportKind.VISIT, "First family", 1, 1, "Home visit by the gangs worker."),
        (SupportKind.VISIT, "Second family", 1, 2, "Home visit with the imam."),
        (SupportKind.CALL, "First family", 3, 3, "Regular calls agreed."),
        (SupportKind.REFERRAL, "Second family", 4, None, "Referral to bereavement support."),
    ):
        last = offered if given is None else max(offered, given)
        replay.set(datetime.combine(day + timedelta(days=last), time(15), UTC))
        service.add_support(
            incident,
            SupportInput(
                kind,
                day + timedelta(days=offered),
                offered_to,
                None if given is None else day + timedelta(days=given),
                text,
                staff.worker.account_id,
            ),
        )
    replay.set(datetime.combine(day + timedelta(days=2), time(10), UTC))
    meeting = service.add_action(
        incident,
        ActionInput("Community meeting at the mosque", "Imam", None, day + timedelta(days=7)),
    )
    service.add_action(
        incident,
        ActionInput(
            "Share the parenting handout with the school",
            "",
            staff.worker.account_id,
            day + timedelta(days=30),
        ),
    )
    replay.set(datetime.combine(day + timedelta(days=7), time(20), UTC))
    service.set_action_status(meeting, ActionStatus.DONE)
    # The gangs workers who support the families see the incident too.
    service.set_allowed_roles([Role.GANGS_WORKER])
