"""A realistic synthetic caseload for demo vaults: seeded, repeatable, written in one transaction.

Names come from the communities the unit works with, in Latin and Arabic script; ages, dates
and histories agree with each other (a closed case has a closing change, a red rating has a
rationale, an enforcement step follows support).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from faker import Faker
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.accounts import Role
from desktop.models.case_status import StatusChange
from desktop.models.choices import (
    CaseStatus,
    ContactKind,
    EetStatus,
    EntryType,
    Ethnicity,
    Gender,
    InterventionType,
    LegalStatus,
    LinkKind,
    PlaceKind,
    Rag,
    ReferralDecision,
    ReferralSource,
)
from desktop.models.chronology import ChronologyEntry
from desktop.models.contextual import GroupLink, PeerGroup, Place, PlaceLink
from desktop.models.interventions import Intervention
from desktop.models.missing import MissingEpisode
from desktop.models.network import Contact, PersonLink
from desktop.models.people import Address, Alias, Allocation, YoungPerson
from desktop.models.referrals import Referral
from desktop.models.risk import Flag, FlagType, RagRating
from desktop.models.tasks import Task
from desktop.services.demo_texts import (
    CHRONOLOGY,
    CLOSING_CATEGORIES,
    CLOSING_OUTCOMES,
    GROUPS,
    INCIDENT_ANALYSES,
    KURDISH_NAMES,
    PLACES,
    PROFESSIONALS,
    REFERRAL_REASONS,
    STREET_NAMES,
    TASKS,
)
from desktop.services.text_folding import fold_entry, name_sort_key, search_text

# Where the names come from, and how often (Faker locales, plus Kurdish names of our own).
COMMUNITIES = (("en_GB", 5), ("ar_AA", 2), ("kurdish", 1), ("pl_PL", 1), ("tr_TR", 1))
ETHNICITY_BY_COMMUNITY = {
    "en_GB": (
        Ethnicity.WHITE_BRITISH,
        Ethnicity.CARIBBEAN,
        Ethnicity.AFRICAN,
        Ethnicity.WHITE_BLACK_CARIBBEAN,
        Ethnicity.BANGLADESHI,
    ),
    "ar_AA": (Ethnicity.ARAB,),
    "kurdish": (Ethnicity.ANY_OTHER, Ethnicity.OTHER_WHITE),
    "pl_PL": (Ethnicity.OTHER_WHITE,),
    "tr_TR": (Ethnicity.OTHER_WHITE, Ethnicity.ANY_OTHER),
}
LANGUAGE_BY_COMMUNITY = {
    "en_GB": "English",
    "ar_AA": "Arabic",
    "kurdish": "Kurdish (Sorani)",
    "pl_PL": "Polish",
    "tr_TR": "Turkish",
}
STATUS_WEIGHTS = {
    CaseStatus.REFERRED: 1,
    CaseStatus.ASSESSMENT: 1,
    CaseStatus.ACTIVE: 5,
    CaseStatus.MONITORING: 2,
    CaseStatus.CLOSED: 2,
}
PATH = (CaseStatus.REFERRED, CaseStatus.ASSESSMENT, CaseStatus.ACTIVE, CaseStatus.MONITORING)
SUPPORT = [kind for kind in InterventionType if not kind.is_enforcement]


@dataclass
class _Context:
    chooser: random.Random
    fakers: dict[str, Faker]
    staff: dict[Role, int]
    today: date
    now: datetime
    flag_types: dict[str, int]
    groups: list[int]
    places: list[int]


def populate(
    session: Session, staff: dict[Role, int], now: datetime, people: int, seed: int
) -> None:
    """Adds `people` young people with their histories (and the groups and places they share)."""
    chooser = random.Random(seed)
    fakers = {locale: Faker(locale) for locale, _ in COMMUNITIES if locale != "kurdish"}
    for faker in fakers.values():
        faker.seed_instance(seed)
    flag_types: dict[str, int] = {
        code: flag_id for code, flag_id in session.execute(select(FlagType.code, FlagType.id))
    }
    context = _Context(
        chooser,
        fakers,
        staff,
        now.date(),
        now,
        flag_types,
        _add_groups(session),
        _add_places(session),
    )
    person_ids = [_add_person(session, context, number) for number in range(1, people + 1)]
    _link_people(session, context, person_ids)


def _add_groups(session: Session) -> list[int]:
    groups = [PeerGroup(name=name, description=about) for name, about in GROUPS]
    session.add_all(groups)
    session.flush()
    return [group.id for group in groups]


def _add_places(session: Session) -> list[int]:
    places = [
        Place(name=name, kind=PlaceKind(kind), postcode=postcode, description=about)
        for name, kind, postcode, about in PLACES
    ]
    session.add_all(places)
    session.flush()
    return [place.id for place in places]


def _name(context: _Context, community: str, female: bool) -> tuple[str, str]:
    if community == "kurdish":
        given = context.chooser.choice(KURDISH_NAMES["female" if female else "male"])
        return given, context.chooser.choice(KURDISH_NAMES["family"])
    faker = context.fakers[community]
    given = faker.first_name_female() if female else faker.first_name_male()
    return given, faker.last_name()


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour % 24, 0), tzinfo=UTC)


def _add_person(session: Session, context: _Context, number: int) -> int:
    chooser, today = context.chooser, context.today
    community = chooser.choices([c for c, _ in COMMUNITIES], [w for _, w in COMMUNITIES])[0]
    female = chooser.random() < 0.35
    given, family = _name(context, community, female)
    born = today - timedelta(days=chooser.randint(11 * 365, 24 * 365))
    referred = today - timedelta(days=chooser.randint(20, 900))
    status = chooser.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
    rag = chooser.choices([Rag.RED, Rag.AMBER, Rag.GREEN], [2, 4, 3])[0]
    key_worker = chooser.choice([context.staff[Role.GANGS_WORKER], context.staff[Role.COORDINATOR]])
    aliases = chooser.sample(STREET_NAMES, chooser.choice((0, 0, 1, 2)))
    reference = f"IGX-{number:06d}"
    person = YoungPerson(
        case_reference=reference,
        given_name=given,
        family_name=family,
        known_as=aliases[0] if aliases and chooser.random() < 0.5 else "",
        date_of_birth=born,
        gender=Gender.FEMALE if female else Gender.MALE,
        ethnicity=chooser.choice(ETHNICITY_BY_COMMUNITY[community]),
        first_language=LANGUAGE_BY_COMMUNITY[community],
        interpreter_needed=community != "en_GB" and chooser.random() < 0.2,
        eet_status=chooser.choice(list(EetStatus)),
        legal_status=chooser.choices(list(LegalStatus), [6, 2, 1, 1, 1])[0],
        summary=chooser.choice(REFERRAL_REASONS),
        key_worker_id=key_worker,
        status=status,
        rag=rag,
        rag_review_due=today + timedelta(days=chooser.randint(-10, 60)),
        created_at=_at(referred, 9),
        updated_at=context.now,
    )
    person.aliases = [Alias(alias=alias) for alias in aliases]
    person.addresses = [
        Address(
            address=f"{chooser.randint(1, 120)} {context.fakers['en_GB'].street_name()}",
            postcode=chooser.choice(["W2 5TH", "W9 3RS", "NW8 8NL", "W10 4SB", "SW1V 2QR"]),
            moved_in=referred - timedelta(days=400),
        )
    ]
    person.search_text = search_text(given, family, person.known_as, reference, *aliases)
    person.family_sort, person.given_sort = name_sort_key(family), name_sort_key(given)
    session.add(person)
    session.flush()
    _add_allocations(session, context, person)
    _add_referral_and_status(session, context, person, referred, status)
    _add_risk(session, context, person, referred, rag)
    _add_chronology(session, context, person, referred)
    _add_network(session, context, person, community)
    _add_interventions_and_tasks(session, context, person, referred)
    return person.id


def _add_allocations(session: Session, context: _Context, person: YoungPerson) -> None:
    specialists = [
        context.staff[role]
        for role in (
            Role.FAMILY_THERAPIST,
            Role.EMPLOYMENT_COACH,
            Role.ADVOCATE,
            Role.ENFORCEMENT_OFFICER,
        )
    ]
    chosen = context.chooser.sample(specialists, context.chooser.choice((0, 1, 1, 2)))
    if person.gender is Gender.FEMALE and context.chooser.random() < 0.6:
        chosen = sorted({*chosen, context.staff[Role.ADVOCATE]})
    session.add_all(Allocation(young_person_id=person.id, account_id=a) for a in chosen)


def _add_referral_and_status(
    session: Session, context: _Context, person: YoungPerson, referred: date, status: CaseStatus
) -> None:
    chooser, coordinator = context.chooser, context.staff[Role.COORDINATOR]
    session.add(
        Referral(
            young_person_id=person.id,
            received_on=referred,
            source=chooser.choice(list(ReferralSource)),
            referrer=chooser.choice(PROFESSIONALS)[1],
            reason=person.summary,
            concerns=chooser.choice(REFERRAL_REASONS),
            consent_to_engage=True,
            consent_to_share=chooser.random() < 0.8,
            consent_given_by="Young person and parent",
            consent_given_on=referred,
            decision=ReferralDecision.ACCEPTED
            if status is not CaseStatus.REFERRED
            else ReferralDecision.PENDING,
            decided_on=referred + timedelta(days=3) if status is not CaseStatus.REFERRED else None,
            allocated_to_id=person.key_worker_id,
            created_at=_at(referred, 10),
            created_by_id=coordinator,
        )
    )
    steps = list(PATH[: PATH.index(status) + 1]) if status in PATH else [*PATH[:3], status]
    previous: CaseStatus | None = None
    for index, step in enumerate(steps):
        closing = step is CaseStatus.CLOSED
        outcome = chooser.choice(CLOSING_OUTCOMES) if closing else ""
        reason_kind, outcome_kind = (
            CLOSING_CATEGORIES[CLOSING_OUTCOMES.index(outcome)] if closing else (None, None)
        )
        session.add(
            StatusChange(
                young_person_id=person.id,
                from_status=previous,
                to_status=step,
                changed_at=_at(referred + timedelta(days=index * 14), 11),
                changed_by_id=coordinator,
                reason="Engagement ended" if closing else "",
                outcome=outcome,
                closure_reason=reason_kind,
                closure_outcome=outcome_kind,
            )
        )
        previous = step


def _add_risk(
    session: Session, context: _Context, person: YoungPerson, referred: date, rag: Rag
) -> None:
    chooser = context.chooser
    session.add(
        RagRating(
            young_person_id=person.id,
            rating=rag,
            rationale=chooser.choice(REFERRAL_REASONS),
            review_due=person.rag_review_due,
            rated_at=_at(referred + timedelta(days=5), 12),
            rated_by_id=person.key_worker_id or context.staff[Role.COORDINATOR],
        )
    )
    weights = {
        "cce": 0.35,
        "county_lines": 0.2,
        "gang_association": 0.3,
        "weapons": 0.1,
        "victim_of_violence": 0.25,
        "missing": 0.2,
        "cse": 0.08,
        "substance_misuse": 0.2,
        "domestic_abuse": 0.1,
        "nrm": 0.05,
    }
    for code, chance in weights.items():
        if code in context.flag_types and chooser.random() < chance:
            session.add(
                Flag(
                    young_person_id=person.id,
                    flag_type_id=context.flag_types[code],
                    started_on=referred + timedelta(days=chooser.randint(0, 60)),
                    source=chooser.choice(("Police intelligence", "School", "Key worker")),
                    detail=chooser.choice(GROUPS)[0] if code == "gang_association" else "",
                    created_at=context.now,
                    created_by_id=context.staff[Role.COORDINATOR],
                )
            )
    if chooser.random() < 0.15:
        for days_ago in sorted(chooser.sample(range(3, 80), 3), reverse=True):
            went = context.now - timedelta(days=days_ago)
            session.add(
                MissingEpisode(
                    young_person_id=person.id,
                    went_missing_at=went,
                    returned_at=went + timedelta(hours=chooser.randint(6, 60)),
                    interview_at=went + timedelta(hours=80) if days_ago > 5 else None,
                    interview_by="Demo Gangs Worker" if days_ago > 5 else "",
                    created_by_id=context.staff[Role.GANGS_WORKER],
                )
            )


def _add_chronology(
    session: Session, context: _Context, person: YoungPerson, referred: date
) -> None:
    chooser = context.chooser
    span = max(1, (context.today - referred).days)
    for _ in range(chooser.randint(3, 12)):
        kind, summary, detail = chooser.choice(CHRONOLOGY)
        when = referred + timedelta(days=chooser.randint(0, span))
        entry_type = EntryType(kind)
        analysis = (
            INCIDENT_ANALYSES[len(summary) % len(INCIDENT_ANALYSES)]
            if entry_type is EntryType.INCIDENT
            else ""
        )
        session.add(
            ChronologyEntry(
                young_person_id=person.id,
                occurred_at=_at(when, chooser.randint(9, 20)),
                entry_type=entry_type,
                author_id=person.key_worker_id or context.staff[Role.COORDINATOR],
                summary=summary,
                detail=detail,
                analysis=analysis,
                search_fold=fold_entry(summary, f"{detail}\n{analysis}".strip()),
                significant=entry_type is EntryType.INCIDENT or chooser.random() < 0.1,
                place_id=chooser.choice(context.places)
                if entry_type is EntryType.INCIDENT
                else None,
                created_at=_at(when, 21),
            )
        )


def _add_network(session: Session, context: _Context, person: YoungPerson, community: str) -> None:
    chooser = context.chooser
    language = LANGUAGE_BY_COMMUNITY[community]
    parent_given, _ = _name(context, community, chooser.random() < 0.7)
    session.add(
        Contact(
            young_person_id=person.id,
            kind=ContactKind.FAMILY,
            name=f"{parent_given} {person.family_name}",
            relationship=chooser.choice(
                ("Mother", "Father", "Grandmother", "Aunt", "Foster carer")
            ),
            parental_responsibility=True,
            lives_with=True,
            phone="07700 900" + f"{chooser.randint(0, 999):03d}",
            language=language,
        )
    )
    for role, agency in chooser.sample(PROFESSIONALS, chooser.randint(1, 3)):
        session.add(
            Contact(
                young_person_id=person.id,
                kind=ContactKind.PROFESSIONAL,
                name=context.fakers["en_GB"].name(),
                relationship=role,
                agency=agency,
                phone="020 7946 0" + f"{chooser.randint(0, 999):03d}",
            )
        )
    if chooser.random() < 0.4:
        session.add(
            GroupLink(
                young_person_id=person.id,
                group_id=chooser.choice(context.groups),
                since=context.today - timedelta(days=chooser.randint(30, 400)),
                source="Police intelligence",
            )
        )
    for place_id in chooser.sample(context.places, chooser.choice((0, 1, 1, 2))):
        session.add(
            PlaceLink(
                young_person_id=person.id,
                place_id=place_id,
                since=context.today - timedelta(days=chooser.randint(10, 300)),
                source="Ride-out sightings",
            )
        )


def _add_interventions_and_tasks(
    session: Session, context: _Context, person: YoungPerson, referred: date
) -> None:
    chooser = context.chooser
    for kind in chooser.sample(SUPPORT, chooser.randint(1, 3)):
        started = referred + timedelta(days=chooser.randint(7, 60))
        session.add(
            Intervention(
                young_person_id=person.id,
                kind=kind,
                started_on=started,
                owner_id=person.key_worker_id,
                description=f"{kind.label} agreed at allocation.",
                created_at=_at(started, 9),
                created_by_id=context.staff[Role.COORDINATOR],
            )
        )
    if person.rag is Rag.RED and chooser.random() < 0.15:
        session.add(
            Intervention(
                young_person_id=person.id,
                kind=InterventionType.WARNING_LETTER,
                started_on=context.today - timedelta(days=chooser.randint(1, 30)),
                owner_id=context.staff[Role.ENFORCEMENT_OFFICER],
                rationale="Repeated anti-social behaviour on the estate despite mentoring and "
                "gang exit support; agreed at the weekly ASB and IGXU meeting.",
                created_at=context.now,
                created_by_id=context.staff[Role.ENFORCEMENT_OFFICER],
            )
        )
    for title in chooser.sample(TASKS, chooser.randint(0, 2)):
        session.add(
            Task(
                young_person_id=person.id,
                title=title,
                owner_id=person.key_worker_id or context.staff[Role.COORDINATOR],
                due_on=context.today + timedelta(days=chooser.randint(-7, 21)),
                created_at=context.now,
                created_by_id=context.staff[Role.COORDINATOR],
            )
        )


def _link_people(session: Session, context: _Context, person_ids: list[int]) -> None:
    """Associates and siblings among the caseload: about one link for every three people."""
    chooser = context.chooser
    pairs: set[tuple[int, int]] = set()
    for _ in range(len(person_ids) // 3):
        first, second = sorted(chooser.sample(person_ids, 2))
        if (first, second) in pairs:
            continue
        pairs.add((first, second))
        session.add(
            PersonLink(
                first_id=first,
                second_id=second,
                kind=chooser.choices(list(LinkKind), [6, 1, 2, 1])[0],
                note="Seen together on ride-outs",
                created_at=context.now,
            )
        )
