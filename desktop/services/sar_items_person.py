"""Gathering for a request whose subject is a young person: every area's items, reachable only
through the record-access rule."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.accounts import Account
from desktop.models.data_protection import SubjectAccessRequest
from desktop.models.people import Alias, ExternalReference, YoungPerson
from desktop.models.therapy import TherapyCasePerson
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import visible_people
from desktop.services.sar_items import Gathered, SubjectNotFoundError
from desktop.services.sar_items_caseload import caseload_items
from desktop.services.sar_items_coaching import coaching_items
from desktop.services.sar_items_meetings import incident_items, meeting_items, ride_out_items
from desktop.services.sar_items_network import full_name
from desktop.services.sar_items_protection import (
    earlier_requests,
    restriction_items,
    sharing_items,
)
from desktop.services.sar_items_therapy import therapy_items


def staff_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Account.id, Account.display_name)).all())


def gather_person(
    session: Session, user: CurrentUser, request: SubjectAccessRequest, now: datetime
) -> Gathered:
    person = session.execute(
        select(YoungPerson).where(
            YoungPerson.id == request.young_person_id, visible_people(user, now)
        )
    ).scalar_one_or_none()
    if person is None:
        raise SubjectNotFoundError()
    staff = staff_names(session)
    pid = person.id
    cases = session.execute(
        select(TherapyCasePerson.case_id).where(TherapyCasePerson.young_person_id == pid)
    ).scalars()
    therapy, process_notes = therapy_items(session, set(cases), {pid}, (), staff)
    items = [
        *caseload_items(session, person, staff),
        *therapy,
        *coaching_items(session, pid, staff),
        *meeting_items(session, pid, staff),
        *ride_out_items(session, pid, staff),
        *incident_items(session, pid, staff),
        *sharing_items(session, pid, staff),
        *restriction_items(session, pid, staff),
        *earlier_requests(session, SubjectAccessRequest.young_person_id == pid, request.id),
    ]
    aliases = session.execute(select(Alias.alias).where(Alias.young_person_id == pid)).scalars()
    references = session.execute(
        select(ExternalReference.value).where(ExternalReference.young_person_id == pid)
    ).scalars()
    names = (full_name(person), person.known_as, *aliases, person.case_reference, *references)
    return Gathered(
        tuple(items), process_notes, full_name(person), tuple(n for n in names if n.strip())
    )
