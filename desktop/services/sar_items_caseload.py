"""Subject access items from the caseload record: details, referrals, status, risk, the
chronology, missing episodes, interventions, tasks, the people around them, groups and places."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.case_status import StatusChange
from desktop.models.chronology import ChronologyEntry
from desktop.models.interventions import Intervention
from desktop.models.missing import MissingEpisode
from desktop.models.people import Address, Alias, Allocation, ExternalReference, YoungPerson
from desktop.models.referrals import Referral
from desktop.models.risk import Flag, FlagType, RagRating
from desktop.models.tasks import Task
from desktop.services import sar_items as s
from desktop.services.sar_items import SarItem, text_of, when, yes_no
from desktop.services.sar_items_network import context_items, full_name, network_items

Staff = Mapping[int, str]


def caseload_items(session: Session, person: YoungPerson, staff: Staff) -> list[SarItem]:
    pid = person.id
    return [
        *_details(session, person, staff),
        *_referrals(session, pid, staff),
        *_status(session, pid, staff),
        *_risk(session, pid, staff),
        *_chronology(session, pid, staff),
        *_missing(session, pid, staff),
        *_interventions(session, pid, staff),
        *_tasks(session, pid, staff),
        *network_items(session, pid),
        *context_items(session, pid),
    ]


def chronology_item(entry: ChronologyEntry, staff: Staff) -> SarItem:
    return SarItem(
        f"chronology_entries:{entry.id}",
        s.CHRONOLOGY,
        "Chronology entry",
        s.day(entry.occurred_at),
        s.first_line(entry.summary, entry.entry_type.label),
        text_of(
            [
                ("When", when(entry.occurred_at)),
                ("Type", entry.entry_type.label),
                ("Significant", "Yes" if entry.significant else ""),
                ("Written by", staff.get(entry.author_id, "")),
                ("Summary", entry.summary),
            ],
            [("Detail", entry.detail), ("Analysis", entry.analysis)],
        ),
    )


def _details(session: Session, person: YoungPerson, staff: Staff) -> list[SarItem]:
    allocated = session.execute(
        select(Allocation.account_id).where(Allocation.young_person_id == person.id)
    ).scalars()
    others = ", ".join(sorted(staff.get(account, "") for account in allocated))
    items = [
        SarItem(
            f"young_people:{person.id}",
            s.DETAILS,
            "Personal details",
            None,
            "Your details on the caseload",
            text_of(
                [
                    ("Name", full_name(person)),
                    ("Known as", person.known_as),
                    ("Case reference", person.case_reference),
                    ("Date of birth", s.when(person.date_of_birth)),
                    ("Gender", person.gender.label),
                    ("Ethnicity", person.ethnicity.label),
                    ("First language", person.first_language),
                    ("Interpreter needed", "Yes" if person.interpreter_needed else ""),
                    ("Education, employment or training", person.eet_status.label),
                    ("School or college", person.school_or_college),
                    ("Legal status", person.legal_status.label),
                    ("Case status", person.status.label),
                    ("Risk rating", person.rag.label if person.rag else ""),
                    ("Key worker", staff.get(person.key_worker_id or 0, "")),
                    ("Other staff working with you", others),
                ],
                [
                    ("Special educational needs", person.send_needs),
                    ("Age exception", person.age_exception_reason),
                    ("Summary", person.summary),
                ],
            ),
        )
    ]
    for alias in session.execute(select(Alias).where(Alias.young_person_id == person.id)).scalars():
        items.append(
            SarItem(
                f"aliases:{alias.id}",
                s.DETAILS,
                "Other name",
                None,
                "Another name you are known by",
                text_of([("Name", alias.alias)]),
            )
        )
    addresses = select(Address).where(Address.young_person_id == person.id)
    for address in session.execute(addresses).scalars():
        items.append(
            SarItem(
                f"addresses:{address.id}",
                s.DETAILS,
                "Address",
                address.moved_in,
                "Address",
                text_of(
                    [
                        ("Address", address.address.replace("\n", ", ")),
                        ("Postcode", address.postcode),
                        ("Moved in", when(address.moved_in)),
                        ("Moved out", when(address.moved_out)),
                    ]
                ),
            )
        )
    references = select(ExternalReference).where(ExternalReference.young_person_id == person.id)
    for reference in session.execute(references).scalars():
        items.append(
            SarItem(
                f"external_references:{reference.id}",
                s.DETAILS,
                "Reference",
                None,
                f"{reference.kind} reference",
                text_of([("Kind", reference.kind), ("Reference", reference.value)]),
            )
        )
    return items


def _referrals(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    rows = session.execute(select(Referral).where(Referral.young_person_id == pid)).scalars()
    return [
        SarItem(
            f"referrals:{row.id}",
            s.REFERRALS,
            "Referral",
            row.received_on,
            f"Referral from {row.source.label.lower()}",
            text_of(
                [
                    ("Received", when(row.received_on)),
                    ("Source", row.source.label),
                    ("Referred by", row.referrer),
                    ("Consent to work with you", yes_no(row.consent_to_engage)),
                    ("Consent to share information", yes_no(row.consent_to_share)),
                    ("Consent given by", row.consent_given_by),
                    ("Consent given on", when(row.consent_given_on)),
                    ("Decision", row.decision.label),
                    ("Decided on", when(row.decided_on)),
                    ("Allocated to", staff.get(row.allocated_to_id or 0, "")),
                ],
                [
                    ("Reason", row.reason),
                    ("Concerns", row.concerns),
                    ("Reason for decision", row.decision_reason),
                ],
            ),
        )
        for row in rows
    ]


def _status(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    rows = session.execute(select(StatusChange).where(StatusChange.young_person_id == pid))
    return [
        SarItem(
            f"status_changes:{row.id}",
            s.STATUS,
            "Status change",
            s.day(row.changed_at),
            f"Case status: {row.to_status.label}",
            text_of(
                [
                    ("When", when(row.changed_at)),
                    ("From", row.from_status.label if row.from_status else ""),
                    ("To", row.to_status.label),
                    ("Changed by", staff.get(row.changed_by_id, "")),
                    ("Kind of reason", row.closure_reason.label if row.closure_reason else ""),
                    ("Kind of outcome", row.closure_outcome.label if row.closure_outcome else ""),
                ],
                [("Reason", row.reason), ("Outcome", row.outcome)],
            ),
        )
        for row in rows.scalars()
    ]


def _risk(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    items = [
        SarItem(
            f"rag_ratings:{row.id}",
            s.RISK,
            "Risk rating",
            s.day(row.rated_at),
            f"Risk rating: {row.rating.label}",
            text_of(
                [
                    ("When", when(row.rated_at)),
                    ("Rating", row.rating.label),
                    ("Review due", when(row.review_due)),
                    ("Rated by", staff.get(row.rated_by_id, "")),
                ],
                [("Why", row.rationale)],
            ),
        )
        for row in session.execute(select(RagRating).where(RagRating.young_person_id == pid))
        .scalars()
        .all()
    ]
    flags = select(Flag, FlagType.label).join(FlagType).where(Flag.young_person_id == pid)
    for flag, label in session.execute(flags):
        items.append(
            SarItem(
                f"flags:{flag.id}",
                s.RISK,
                "Flag",
                flag.started_on,
                f"Flag: {label}",
                text_of(
                    [
                        ("Flag", label),
                        ("From", when(flag.started_on)),
                        ("Until", when(flag.ended_on)),
                        ("Source", flag.source),
                        ("Recorded by", staff.get(flag.created_by_id, "")),
                    ],
                    [("Detail", flag.detail)],
                ),
            )
        )
    return items


def _chronology(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    # Deleted entries are tombstones whose text is already gone.
    rows = select(ChronologyEntry).where(
        ChronologyEntry.young_person_id == pid, ChronologyEntry.deleted_at.is_(None)
    )
    return [chronology_item(entry, staff) for entry in session.execute(rows).scalars()]


def _missing(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    rows = session.execute(select(MissingEpisode).where(MissingEpisode.young_person_id == pid))
    return [
        SarItem(
            f"missing_episodes:{row.id}",
            s.MISSING,
            "Missing episode",
            s.day(row.went_missing_at),
            "Missing episode",
            text_of(
                [
                    ("Went missing", when(row.went_missing_at)),
                    ("Returned", when(row.returned_at)),
                    ("Return interview", when(row.interview_at)),
                    ("Interview by", row.interview_by),
                    ("Recorded by", staff.get(row.created_by_id, "")),
                ],
                [("Notes", row.notes)],
            ),
        )
        for row in rows.scalars()
    ]


def _interventions(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    rows = session.execute(select(Intervention).where(Intervention.young_person_id == pid))
    return [
        SarItem(
            f"interventions:{row.id}",
            s.INTERVENTIONS,
            "Intervention",
            row.started_on,
            row.kind.label,
            text_of(
                [
                    ("Intervention", row.kind.label),
                    ("Started", when(row.started_on)),
                    ("Ended", when(row.ended_on)),
                    ("Worker", staff.get(row.owner_id or 0, "")),
                ],
                [
                    ("Description", row.description),
                    ("Outcome", row.outcome),
                    ("Why enforcement", row.rationale),
                ],
            ),
        )
        for row in rows.scalars()
    ]


def _tasks(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    rows = session.execute(select(Task).where(Task.young_person_id == pid))
    return [
        SarItem(
            f"tasks:{row.id}",
            s.TASKS,
            "Task",
            s.day(row.created_at),
            s.first_line(row.title, "Task"),
            text_of(
                [
                    ("Task", row.title),
                    ("Owner", staff.get(row.owner_id, "")),
                    ("Due", when(row.due_on)),
                    ("Done", when(row.done_at)),
                ],
                [("Detail", row.detail)],
            ),
        )
        for row in rows.scalars()
    ]
