"""Seeded synthetic staff and young people for the benchmark, as rows for bulk inserts.

Each function returns the rows of one table as dicts keyed by column name, so the same seed
gives the same rows in the encrypted vault and in the plain store.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from desktop.models.accounts import Role
from desktop.models.choices import (
    CaseStatus,
    ContactKind,
    EetStatus,
    Gender,
    InterventionType,
    Rag,
    ReferralDecision,
    ReferralSource,
)
from desktop.services.demo_texts import KURDISH_NAMES, REFERRAL_REASONS, STREET_NAMES
from desktop.services.text_folding import name_sort_key, search_text

Row = dict[str, Any]

GIVEN = (
    "Tariq", "Jayden", "Kyle", "Mohamed", "Reece", "Amir", "Tyrese", "Callum", "Bilal", "Omar",
    "Nathan", "Kofi", "Aaliyah", "Chantelle", "Maya", "Sahra", "Leah", "Fatima", "Jade", "Imani",
)  # fmt: skip
FAMILY = (
    "Hassan", "Okafor", "Smith", "Begum", "Campbell", "Ali", "Mensah", "Murphy", "Ahmed", "Jones",
    "Williams", "Osei", "Brown", "Khan", "Nowak", "Taylor", "Ibrahim", "Clarke", "Diallo", "Evans",
)  # fmt: skip
SCHOOLS = ("Riverside Academy", "Northgate College", "St Anne's", "Parkview PRU", "")
STATUSES = (
    (CaseStatus.ACTIVE,) * 6
    + (CaseStatus.MONITORING,) * 2
    + (
        CaseStatus.REFERRED,
        CaseStatus.ASSESSMENT,
        CaseStatus.CLOSED,
    )
)
RAGS = (Rag.RED, Rag.AMBER, Rag.AMBER, Rag.GREEN, Rag.GREEN, None)


@dataclass(frozen=True)
class Staff:
    """Account ids by role; the coordinator (id 1) is made by the vault setup itself."""

    coordinator: int
    workers: list[int]
    therapists: list[int]
    coaches: list[int]


def staff_rows(people: int, now: datetime, first_id: int) -> tuple[list[Row], Staff]:
    """About one gangs worker per 250 young people, fewer therapists and coaches."""
    counts = {
        Role.GANGS_WORKER: max(4, people // 250),
        Role.FAMILY_THERAPIST: max(1, people // 2000),
        Role.EMPLOYMENT_COACH: max(1, people // 1500),
        Role.ADVOCATE: max(1, people // 2000),
    }
    rows: list[Row] = []
    ids: dict[Role, list[int]] = {role: [] for role in counts}
    next_id = first_id
    for role, count in counts.items():
        for number in range(count):
            rows.append(
                {
                    "id": next_id,
                    "username": f"{role.value}{number + 1}",
                    "display_name": f"{role.value.replace('_', ' ').title()} {number + 1}",
                    "role": role,
                    "created_at": now - timedelta(days=2000),
                }
            )
            ids[role].append(next_id)
            next_id += 1
    staff = Staff(
        first_id - 1,
        ids[Role.GANGS_WORKER],
        ids[Role.FAMILY_THERAPIST],
        ids[Role.EMPLOYMENT_COACH],
    )
    return rows, staff


def people_rows(chooser: random.Random, people: int, staff: Staff, now: datetime) -> list[Row]:
    today = now.date()
    rows = []
    for person_id in range(1, people + 1):
        female = chooser.random() < 0.3
        if chooser.random() < 0.1:
            given = chooser.choice(KURDISH_NAMES["female" if female else "male"])
            family = chooser.choice(KURDISH_NAMES["family"])
        else:
            given, family = chooser.choice(GIVEN), chooser.choice(FAMILY)
        known_as = chooser.choice(STREET_NAMES) if chooser.random() < 0.2 else ""
        reference = f"IGX-{person_id:06d}"
        rag = chooser.choice(RAGS)
        rows.append(
            {
                "id": person_id,
                "case_reference": reference,
                "given_name": given,
                "family_name": family,
                "known_as": known_as,
                "date_of_birth": today - timedelta(days=chooser.randrange(11 * 365, 24 * 365)),
                "gender": Gender.FEMALE if female else Gender.MALE,
                "eet_status": chooser.choice(list(EetStatus)),
                "school_or_college": chooser.choice(SCHOOLS),
                "summary": chooser.choice(REFERRAL_REASONS),
                "key_worker_id": chooser.choice(staff.workers),
                "status": chooser.choice(STATUSES),
                "rag": rag,
                "rag_review_due": None if rag is None else today + timedelta(chooser.randrange(90)),
                "search_text": search_text(given, family, known_as, reference),
                "family_sort": name_sort_key(family),
                "given_sort": name_sort_key(given),
                "created_at": now - timedelta(days=chooser.randrange(30, 1800)),
                "updated_at": now - timedelta(days=chooser.randrange(0, 30)),
            }
        )
    return rows


def record_rows(
    chooser: random.Random, people: list[Row], staff: Staff, flag_type_ids: list[int]
) -> dict[str, list[Row]]:
    """The rest of each record: referral, status and RAG history, flags, family, work."""
    tables: dict[str, list[Row]] = {
        name: []
        for name in (
            "referrals",
            "status_changes",
            "rag_ratings",
            "flags",
            "contacts",
            "allocations",
            "interventions",
            "tasks",
        )
    }
    for person in people:
        person_id, created = person["id"], person["created_at"]
        worker = person["key_worker_id"]
        received: date = created.date()
        tables["referrals"].append(
            {
                "young_person_id": person_id,
                "received_on": received,
                "source": chooser.choice(list(ReferralSource)),
                "referrer": "Referrer at partner agency",
                "reason": person["summary"],
                "concerns": "Possible exploitation.",
                "consent_to_engage": True,
                "consent_to_share": True,
                "decision": ReferralDecision.ACCEPTED,
                "decided_on": received + timedelta(days=3),
                "allocated_to_id": worker,
                "created_at": created,
                "created_by_id": staff.coordinator,
            }
        )
        tables["status_changes"].append(
            {
                "young_person_id": person_id,
                "from_status": None,
                "to_status": person["status"],
                "changed_at": created,
                "changed_by_id": staff.coordinator,
                "reason": "Referral accepted.",
            }
        )
        if person["rag"] is not None:
            tables["rag_ratings"].append(
                {
                    "young_person_id": person_id,
                    "rating": person["rag"],
                    "rationale": "Rated at allocation.",
                    "review_due": person["rag_review_due"],
                    "rated_at": created + timedelta(days=4),
                    "rated_by_id": worker,
                }
            )
        if chooser.random() < 0.6:
            tables["flags"].append(
                {
                    "young_person_id": person_id,
                    "flag_type_id": chooser.choice(flag_type_ids),
                    "started_on": received,
                    "ended_on": None if chooser.random() < 0.7 else received + timedelta(60),
                    "source": "Police",
                    "detail": "",
                    "created_at": created,
                    "created_by_id": worker,
                }
            )
        for kind, relationship in ((ContactKind.FAMILY, "Mother"), (ContactKind.FAMILY, "Sister")):
            tables["contacts"].append(
                {
                    "young_person_id": person_id,
                    "kind": kind,
                    "name": f"{chooser.choice(GIVEN)} {person['family_name']}",
                    "relationship": relationship,
                    "lives_with": relationship == "Mother",
                    "parental_responsibility": relationship == "Mother",
                }
            )
        if chooser.random() < 0.3:
            other = chooser.choice(staff.workers)
            if other != worker:
                tables["allocations"].append({"young_person_id": person_id, "account_id": other})
        tables["interventions"].append(
            {
                "young_person_id": person_id,
                "kind": chooser.choice((InterventionType.MENTORING, InterventionType.GANG_EXIT)),
                "started_on": received + timedelta(days=7),
                "owner_id": worker,
                "description": "Weekly mentoring.",
                "created_at": created,
                "created_by_id": worker,
            }
        )
        tables["tasks"].append(
            {
                "young_person_id": person_id,
                "title": "Review the safety plan",
                "owner_id": worker,
                "due_on": received + timedelta(days=chooser.randrange(10, 400)),
                "created_at": created,
                "created_by_id": worker,
            }
        )
    return tables
