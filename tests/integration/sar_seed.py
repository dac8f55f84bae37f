"""A young person with one record of every kind, each holding its own canary, for the subject
access tests: written straight into a real vault (one transaction, so the tests stay fast)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from desktop.clock import Clock
from desktop.models.case_status import StatusChange
from desktop.models.choices import (
    CaseStatus,
    ContactKind,
    EntryType,
    InterventionType,
    LawfulBasis,
    LinkKind,
    Rag,
    ReferralSource,
    SarStatus,
    SharingKind,
)
from desktop.models.chronology import ChronologyEntry, ChronologyRevision
from desktop.models.contextual import GroupLink, PeerGroup, Place, PlaceLink
from desktop.models.data_protection import (
    BreakGlassAccess,
    RecordRestriction,
    RestrictionLift,
    RestrictionMember,
    SharingDecision,
    SubjectAccessRequest,
)
from desktop.models.interventions import Intervention
from desktop.models.missing import MissingEpisode
from desktop.models.network import Contact, PersonLink
from desktop.models.people import Address, Alias, Allocation, ExternalReference, YoungPerson
from desktop.models.referrals import Referral
from desktop.models.risk import Flag, FlagType, RagRating
from desktop.models.tasks import Task
from desktop.services.text_folding import fold_entry
from tests.integration.sar_seed_areas import (
    PROCESS_CANARY,
    coaching,
    meetings_and_community,
    therapy,
)

__all__ = ["PROCESS_CANARY", "Seeded", "seed"]

OTHER_YOUNG_PERSON = "Marcus Reid"
MOTHER = "Denise Okafor"
MOTHER_PHONE = "07700 900123"
STAFF_NAME = "Casey Coordinator"  # the coordinator fixture's display name


# One canary for each kind of record, in the table that holds it.
CANARY_TABLES = """
    young_people aliases addresses external_references referrals status_changes rag_ratings
    flags chronology_entries missing_episodes interventions tasks contacts person_links
    group_links place_links therapy_cases session_notes note_addenda coaching_plans eet_spells
    barriers coaching_goals goal_actions coaching_sessions milestones plan_reviews meetings
    meeting_items meeting_actions ride_out_people critical_incidents incident_support
    incident_actions sharing_decisions record_restrictions restriction_lifts break_glass_access
    subject_access_requests
""".split()  # noqa: SIM905 (one name a word, to keep the list short)


def canary(kind: str) -> str:
    return f"CANARY{kind.replace('_', '')}{uuid.uuid4().hex[:8]}"


@dataclass
class Seeded:
    person_id: int
    other_id: int
    mother_id: int
    request_id: int
    # table -> its canary; each appears in exactly one record
    canaries: dict[str, str] = field(default_factory=dict)
    withheld_key: str = ""
    chronology_key: str = ""


def seed(session: Session, clock: Clock, staff_id: int) -> Seeded:
    now = clock.now()
    today = now.date()
    c = {table: canary(table) for table in CANARY_TABLES}

    def add(row: object) -> None:
        session.add(row)
        session.flush()

    person = YoungPerson(
        case_reference="YP-SAR1",
        given_name="Jordan",
        family_name="Blake",
        known_as="JB",
        date_of_birth=date(2008, 5, 3),
        summary=f"Summary {c['young_people']}",
        key_worker_id=staff_id,
        created_at=now,
        updated_at=now,
    )
    other = YoungPerson(
        case_reference="YP-SAR2",
        given_name="Marcus",
        family_name="Reid",
        created_at=now,
        updated_at=now,
    )
    add(person)
    add(other)
    pid = person.id
    add(Alias(young_person_id=pid, alias=c["aliases"]))
    add(Address(young_person_id=pid, address=f"1 High St {c['addresses']}", postcode="E1 6AN"))
    add(ExternalReference(young_person_id=pid, kind="Police", value=c["external_references"]))
    add(
        Referral(
            young_person_id=pid,
            received_on=today,
            source=ReferralSource.SCHOOL,
            reason=c["referrals"],
            created_at=now,
            created_by_id=staff_id,
        )
    )
    add(
        StatusChange(
            young_person_id=pid,
            from_status=None,
            to_status=CaseStatus.REFERRED,
            changed_at=now,
            changed_by_id=staff_id,
            reason=c["status_changes"],
        )
    )
    add(
        RagRating(
            young_person_id=pid,
            rating=Rag.RED,
            rationale=c["rag_ratings"],
            rated_at=now,
            rated_by_id=staff_id,
        )
    )
    flag_type = FlagType(code="sar_test", label="Test flag")
    add(flag_type)
    add(
        Flag(
            young_person_id=pid,
            flag_type_id=flag_type.id,
            started_on=today,
            detail=c["flags"],
            created_at=now,
            created_by_id=staff_id,
        )
    )
    chronology_text = (
        f"Seen with {OTHER_YOUNG_PERSON} (YP-SAR2) and his mum {MOTHER}; {STAFF_NAME} spoke "
        f"to them. Her number: {MOTHER_PHONE}. {c['chronology_entries']}"
    )
    entry = ChronologyEntry(
        young_person_id=pid,
        occurred_at=now,
        entry_type=EntryType.VISIT,
        author_id=staff_id,
        summary="Home visit",
        detail=chronology_text,
        analysis="Worried about marcus reid's influence.",
        search_fold=fold_entry("Home visit", chronology_text),
        created_at=now,
    )
    add(entry)
    add(
        ChronologyRevision(
            entry_id=entry.id,
            version=1,
            occurred_at=now,
            entry_type=EntryType.VISIT,
            summary="Visit",
            detail="An earlier version.",
            written_by_id=staff_id,
            replaced_at=now,
            replaced_by_id=staff_id,
        )
    )
    add(
        MissingEpisode(
            young_person_id=pid,
            went_missing_at=now - timedelta(days=3),
            notes=c["missing_episodes"],
            created_by_id=staff_id,
        )
    )
    add(
        Intervention(
            young_person_id=pid,
            kind=InterventionType.MENTORING,
            started_on=today,
            description=c["interventions"],
            created_at=now,
            created_by_id=staff_id,
        )
    )
    task = Task(
        young_person_id=pid,
        title="Call school",
        detail=c["tasks"],
        owner_id=staff_id,
        created_at=now,
        created_by_id=staff_id,
    )
    add(task)
    mother = Contact(
        young_person_id=pid,
        kind=ContactKind.FAMILY,
        name=MOTHER,
        relationship="Mother",
        phone=MOTHER_PHONE,
        notes=c["contacts"],
    )
    add(mother)
    add(
        PersonLink(
            first_id=pid,
            second_id=other.id,
            kind=LinkKind.ASSOCIATE,
            note=c["person_links"],
            created_at=now,
        )
    )
    group = PeerGroup(name="Northside")
    place = Place(name="Rec ground")
    add(group)
    add(place)
    add(GroupLink(young_person_id=pid, group_id=group.id, source=c["group_links"]))
    add(PlaceLink(young_person_id=pid, place_id=place.id, source=c["place_links"]))
    add(Allocation(young_person_id=pid, account_id=staff_id))
    therapy(session, c, pid, mother.id, staff_id, now)
    coaching(session, c, pid, staff_id, now)
    meetings_and_community(session, c, pid, staff_id, now)
    add(
        SharingDecision(
            young_person_id=pid,
            kind=SharingKind.CONSENT,
            lawful_basis=LawfulBasis.CONSENT,
            given_by="Jordan",
            scope=c["sharing_decisions"],
            decided_on=today,
            recorded_by_id=staff_id,
            recorded_at=now,
        )
    )
    add(
        RecordRestriction(
            young_person_id=pid,
            reason=c["record_restrictions"],
            restricted_by_id=staff_id,
            restricted_at=now,
        )
    )
    # The coordinator reviewing the request is named on the restriction.
    add(RestrictionMember(young_person_id=pid, account_id=staff_id))
    add(
        RestrictionLift(
            young_person_id=pid,
            restricted_at=now - timedelta(days=90),
            reason=c["restriction_lifts"],
            lifted_by_id=staff_id,
            lifted_at=now - timedelta(days=30),
        )
    )
    add(
        BreakGlassAccess(
            young_person_id=pid,
            account_id=staff_id,
            reason=c["break_glass_access"],
            opened_at=now,
            expires_at=now + timedelta(hours=1),
        )
    )
    add(
        SubjectAccessRequest(
            young_person_id=pid,
            received_on=today - timedelta(days=400),
            due_on=today - timedelta(days=370),
            status=SarStatus.SENT,
            notes=c["subject_access_requests"],
            created_by_id=staff_id,
            created_at=now,
        )
    )
    request = SubjectAccessRequest(
        young_person_id=pid,
        requested_by="",
        received_on=today,
        due_on=today + timedelta(days=31),
        created_by_id=staff_id,
        created_at=now,
    )
    add(request)
    return Seeded(
        pid,
        other.id,
        mother.id,
        request.id,
        c,
        f"tasks:{task.id}",
        f"chronology_entries:{entry.id}",
    )
