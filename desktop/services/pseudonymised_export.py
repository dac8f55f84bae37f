"""The pseudonymised record-level export: one row per young person, nothing that names them.

For the analyst and the coordinator. Each row holds:
- an ID drawn at random for this export only (never derived from the record, so two exports
  cannot be joined on it), unique within the export;
- the age band on the export date (never the date of birth): under 10, 10-13, 14-17, 18-21,
  22-25, 26 and over, not known (the unit's bands: desktop/services/age_bands.py);
- gender, ethnicity, education/employment (EET) status, case status and RAG rating, as labels;
- the postcode district (the outward code, "E15" of "E15 4QS") of the current address (the
  newest one not moved out of); blank when unknown or not a UK postcode; a district that
  fewer than 5 rows share is written as "other" (a rare district could point to a person);
- the source of the latest referral and the number of referrals;
- for each flag type, "current" (a flag of that type not ended), "ended" (only ended ones)
  or blank; for each intervention type, how many were recorded.
Never a name, alias, date of birth, full postcode, address, case or agency reference, internal
id, date or free text. Rows come in random order, not record order. A record restricted to
named staff is left out unless the person exporting is named on it (or holds a break-glass
opening), as in every caseload list. Each export is audited with its row count.
"""

from __future__ import annotations

import re
import secrets
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.pseudonymised_workbook import build_pseudonymised_workbook
from desktop.exports.workbook_base import xlsx_path
from desktop.models.accounts import Role
from desktop.models.choices import InterventionType
from desktop.models.interventions import Intervention
from desktop.models.people import Address, YoungPerson
from desktop.models.referrals import Referral
from desktop.models.risk import Flag, FlagType
from desktop.services import actions
from desktop.services.age_bands import band_label
from desktop.services.analysis_tables import SMALL_NUMBER
from desktop.services.audited_workbook import WorkbookAudit, save_audited
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import age_on
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import not_restricted_for
from desktop.store.engine import read_only

MAY_EXPORT = frozenset({Role.ANALYST, Role.COORDINATOR})
NOT_KNOWN = "Not known"
OTHER_DISTRICT = "other"
# The Royal Mail's pattern, spaces removed and letters upper-cased: a full postcode, or its
# outward part alone.
FULL_POSTCODE = re.compile(r"(GIR0AA|[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2})")
OUTWARD_CODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?")
# The columns as named in the audit line (the flag and intervention columns follow).
FIXED_COLUMNS = (
    "export_id",
    "age_band",
    "gender",
    "ethnicity",
    "postcode_district",
    "status",
    "rag",
    "latest_referral_source",
    "referrals",
    "eet_status",
    "flag_types",
    "intervention_type_counts",
)


@dataclass(frozen=True)
class PseudonymisedRow:
    export_id: str
    age_band: str
    gender: str
    ethnicity: str
    postcode_district: str
    status: str
    rag: str
    latest_referral_source: str
    referrals: int
    eet_status: str
    flags: tuple[str, ...]  # one per flag type of PseudonymisedRecords.flag_types
    interventions: tuple[int, ...]  # one per intervention type


@dataclass(frozen=True)
class PseudonymisedRecords:
    exported_on: date
    flag_types: tuple[str, ...]  # labels
    intervention_types: tuple[str, ...]  # labels
    rows: tuple[PseudonymisedRow, ...]


@dataclass(frozen=True)
class ExportedRecords:
    path: Path
    row_count: int


class PseudonymisedExportService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def export(self, destination: Path, password: str | None = None) -> ExportedRecords:
        """Writes the pseudonymised rows to an Excel workbook at destination (".xlsx" added if
        missing), encrypted under the password if given; audited with the row count."""
        if self._user.role not in MAY_EXPORT:
            raise PermissionDeniedError("export pseudonymised records")
        now = self._clock.now()
        target = xlsx_path(destination)
        with read_only(self._sessions) as session:
            records = read_records(session, self._user, now)
        workbook = build_pseudonymised_workbook(records)
        audit = WorkbookAudit(
            actions.PSEUDONYMISED_EXPORT, "caseload", "", FIXED_COLUMNS, str(len(records.rows))
        )
        save_audited(
            self._sessions, self._clock, self._user.username, target, workbook, audit, password
        )
        return ExportedRecords(target, len(records.rows))


def read_records(session: Session, user: CurrentUser, now: datetime) -> PseudonymisedRecords:
    today = now.date()
    people = session.execute(
        select(
            YoungPerson.id,
            YoungPerson.date_of_birth,
            YoungPerson.gender,
            YoungPerson.ethnicity,
            YoungPerson.status,
            YoungPerson.rag,
            YoungPerson.eet_status,
        ).where(not_restricted_for(user, now))
    ).all()
    flag_types = session.execute(select(FlagType.id, FlagType.label).order_by(FlagType.id)).all()
    kinds = list(InterventionType)
    districts = _districts(session)
    sources, referral_counts = _referrals(session)
    flags = _flags(session)
    interventions = _interventions(session)
    shared = Counter(districts.get(person.id, "") for person in people)
    rows: list[PseudonymisedRow] = []
    ids = _random_ids(len(people))
    for export_id, person in zip(ids, people, strict=True):
        district = districts.get(person.id, "")
        if district and shared[district] < SMALL_NUMBER:
            district = OTHER_DISTRICT
        held = flags.get(person.id, {})
        counts = interventions.get(person.id, {})
        rows.append(
            PseudonymisedRow(
                export_id=export_id,
                age_band=age_band(person.date_of_birth, today),
                gender=person.gender.label,
                ethnicity=person.ethnicity.label,
                postcode_district=district,
                status=person.status.label,
                rag=person.rag.label if person.rag is not None else "Not rated",
                latest_referral_source=sources.get(person.id, ""),
                referrals=referral_counts.get(person.id, 0),
                eet_status=person.eet_status.label,
                flags=tuple(held.get(flag_type.id, "") for flag_type in flag_types),
                interventions=tuple(counts.get(kind, 0) for kind in kinds),
            )
        )
    # Record order would follow the internal ids: shuffled, two exports cannot be lined up.
    secrets.SystemRandom().shuffle(rows)
    return PseudonymisedRecords(
        exported_on=today,
        flag_types=tuple(flag_type.label for flag_type in flag_types),
        intervention_types=tuple(kind.label for kind in kinds),
        rows=tuple(rows),
    )


def age_band(born: date | None, today: date) -> str:
    return band_label(age_on(born, today), NOT_KNOWN)


def postcode_district(postcode: str) -> str:
    """The outward code of a UK postcode ("E15" of "e15 4qs"), or "" for anything else."""
    compact = "".join(postcode.split()).upper()
    if FULL_POSTCODE.fullmatch(compact):
        return compact[:-3]
    return compact if OUTWARD_CODE.fullmatch(compact) else ""


def _random_ids(count: int) -> list[str]:
    ids: set[str] = set()
    while len(ids) < count:
        ids.add(secrets.token_hex(4))
    return list(ids)


def _districts(session: Session) -> dict[int, str]:
    """Person id: district of the current address (the newest one not moved out of; one with
    no moving-in date counts as the oldest)."""
    rows = session.execute(
        select(Address.young_person_id, Address.postcode)
        .where(Address.moved_out.is_(None))
        .order_by(
            Address.young_person_id, Address.moved_in.is_not(None), Address.moved_in, Address.id
        )
    )
    return {person_id: postcode_district(postcode) for person_id, postcode in rows}


def _referrals(session: Session) -> tuple[dict[int, str], dict[int, int]]:
    rows = session.execute(
        select(Referral.young_person_id, Referral.source).order_by(
            Referral.young_person_id, Referral.received_on, Referral.id
        )
    )
    sources: dict[int, str] = {}
    counts: Counter[int] = Counter()
    for person_id, source in rows:
        sources[person_id] = source.label  # the last one read is the latest
        counts[person_id] += 1
    return sources, dict(counts)


def _flags(session: Session) -> dict[int, dict[int, str]]:
    rows = session.execute(
        select(
            Flag.young_person_id, Flag.flag_type_id, func.min(Flag.ended_on.is_not(None))
        ).group_by(Flag.young_person_id, Flag.flag_type_id)
    )
    held: defaultdict[int, dict[int, str]] = defaultdict(dict)
    for person_id, flag_type_id, all_ended in rows:
        held[person_id][flag_type_id] = "ended" if all_ended else "current"
    return held


def _interventions(session: Session) -> dict[int, dict[InterventionType, int]]:
    rows = session.execute(
        select(
            Intervention.young_person_id, Intervention.kind, func.count(Intervention.id)
        ).group_by(Intervention.young_person_id, Intervention.kind)
    )
    counts: defaultdict[int, dict[InterventionType, int]] = defaultdict(dict)
    for person_id, kind, count in rows:
        counts[person_id][kind] = count
    return counts
