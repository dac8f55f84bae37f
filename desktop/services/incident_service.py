"""Critical incidents (a fatal stabbing, a shooting): young people and families affected, support
offered and given, community tension, and follow-up actions.

Visible only to the coordinator and to the roles the coordinator allows (a vault setting, changed
here and audited). Everyone else is refused every call with PermissionDeniedError, and lists and
counts elsewhere never include incidents, so nothing tells them one was recorded."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from desktop.models.accounts import Account, Role
from desktop.models.choices import ActionStatus
from desktop.models.community import (
    CriticalIncident,
    IncidentAction,
    IncidentPerson,
    IncidentSupport,
)
from desktop.models.people import YoungPerson
from desktop.models.vault_settings import VaultSetting
from desktop.services import actions, audit_chain
from desktop.services.community_common import (
    OPEN_ACTIONS,
    ActionInput,
    CommunityInputError,
    CommunityServiceBase,
    filled,
    is_overdue,
    refuse,
)
from desktop.services.field_changes import apply_changes
from desktop.services.incident_records import (
    AffectedPerson,
    IncidentActionRow,
    IncidentInput,
    IncidentRow,
    IncidentView,
    SupportInput,
    SupportRow,
)
from desktop.services.link_rows import replace_links
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError, get_person, visible_people

__all__ = [
    "INCIDENT_ROLES",
    "ActionInput",
    "AffectedPerson",
    "CommunityInputError",
    "CriticalIncidentService",
    "IncidentActionRow",
    "IncidentInput",
    "IncidentRow",
    "IncidentView",
    "SupportInput",
    "SupportRow",
]

# The vault setting: role codes, one a line, allowed besides the coordinator.
INCIDENT_ROLES = "critical_incident_roles"
INCIDENT_FIELDS = ("occurred_on", "area", "kind", "summary", "families", "tension_notes")
SUPPORT_FIELDS = ("kind", "offered_to", "offered_on", "given_on", "description", "staff_id")
ACTION_FIELDS = ("description", "owner_name", "owner_id", "due_on")


def allowed_roles(session: Session) -> frozenset[Role]:
    """The roles that may see critical incidents, the coordinator always among them."""
    setting = session.get(VaultSetting, INCIDENT_ROLES)
    roles = {Role.COORDINATOR}
    if setting is not None:
        known = {role.value for role in Role}
        roles |= {Role(code) for code in setting.value.split() if code in known}
    return frozenset(roles)


class CriticalIncidentService(CommunityServiceBase):
    # ---- who may see them ----------------------------------------------------------------
    def can_see(self) -> bool:
        """Whether this user may see critical incidents at all (the view hides the list if
        not; every call below refuses anyway)."""
        with self._sessions.begin() as session:
            return self._user.role in allowed_roles(session)

    def allowed_roles(self) -> frozenset[Role]:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError("see who may open critical incidents")
        with self._sessions.begin() as session:
            return allowed_roles(session)

    def set_allowed_roles(self, roles: Iterable[Role]) -> None:
        """Coordinator only: which roles, besides the coordinator, may see critical incidents."""
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError("choose who may open critical incidents")
        wanted = sorted({Role(r) for r in roles} - {Role.COORDINATOR})
        value = "\n".join(role.value for role in wanted)
        with self._sessions.begin() as session:
            current = session.get(VaultSetting, INCIDENT_ROLES)
            if (current.value if current is not None else "") == value:
                return
            session.merge(VaultSetting(key=INCIDENT_ROLES, value=value))
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.SETTING_CHANGED,
                "setting",
                INCIDENT_ROLES,
                outcome=", ".join(role.value for role in wanted) or "coordinator only",
            )

    # ---- incidents -----------------------------------------------------------------------
    def incidents(
        self, from_on: date | None = None, to_on: date | None = None
    ) -> list[IncidentRow]:
        """Incidents (on those days, inclusive, if given), latest first."""
        query = select(CriticalIncident)
        if from_on is not None:
            query = query.where(CriticalIncident.occurred_on >= from_on)
        if to_on is not None:
            query = query.where(CriticalIncident.occurred_on <= to_on)
        with self._sessions.begin() as session:
            self._check(session)
            found = list(
                session.execute(
                    query.order_by(CriticalIncident.occurred_on.desc(), CriticalIncident.id.desc())
                ).scalars()
            )
            ids = [i.id for i in found]
            people: dict[int, int] = {}
            for incident_id, count in session.execute(
                select(IncidentPerson.incident_id, func.count())
                .join(YoungPerson, YoungPerson.id == IncidentPerson.young_person_id)
                .where(IncidentPerson.incident_id.in_(ids), self._visible())
                .group_by(IncidentPerson.incident_id)
            ):
                people[incident_id] = count
            offered: dict[int, tuple[int, int]] = {}
            for incident_id, total, given in session.execute(
                select(
                    IncidentSupport.incident_id,
                    func.count(),
                    func.count(IncidentSupport.given_on),
                )
                .where(IncidentSupport.incident_id.in_(ids))
                .group_by(IncidentSupport.incident_id)
            ):
                offered[incident_id] = (total, given)
            open_actions: dict[int, int] = {}
            for incident_id, count in session.execute(
                select(IncidentAction.incident_id, func.count())
                .where(IncidentAction.incident_id.in_(ids), IncidentAction.status.in_(OPEN_ACTIONS))
                .group_by(IncidentAction.incident_id)
            ):
                open_actions[incident_id] = count
            return [
                IncidentRow(
                    i.id,
                    i.occurred_on,
                    i.area,
                    i.kind,
                    people.get(i.id, 0),
                    offered.get(i.id, (0, 0))[0],
                    offered.get(i.id, (0, 0))[1],
                    open_actions.get(i.id, 0),
                )
                for i in found
            ]

    def incident(self, incident_id: int) -> IncidentView:
        with self._sessions.begin() as session:
            incident = self._incident(session, incident_id)
            people = [
                AffectedPerson(pid, reference, f"{given} {family}")
                for pid, reference, given, family in session.execute(
                    select(
                        YoungPerson.id,
                        YoungPerson.case_reference,
                        YoungPerson.given_name,
                        YoungPerson.family_name,
                    )
                    .join(IncidentPerson, IncidentPerson.young_person_id == YoungPerson.id)
                    .where(IncidentPerson.incident_id == incident.id, self._visible())
                    .order_by(YoungPerson.family_sort, YoungPerson.given_sort, YoungPerson.id)
                )
            ]
            total = session.execute(
                select(func.count())
                .select_from(IncidentPerson)
                .where(IncidentPerson.incident_id == incident.id)
            ).scalar_one()
            support = [
                SupportRow(
                    s.id,
                    s.kind,
                    s.offered_to,
                    s.offered_on,
                    s.given_on,
                    s.description,
                    s.staff_id,
                    name or "",
                )
                for s, name in session.execute(
                    select(IncidentSupport, Account.display_name)
                    .outerjoin(Account, Account.id == IncidentSupport.staff_id)
                    .where(IncidentSupport.incident_id == incident.id)
                    .order_by(IncidentSupport.offered_on, IncidentSupport.id)
                )
            ]
            today = self._today()
            follow_up = [
                IncidentActionRow(
                    a.id,
                    a.description,
                    a.owner_name,
                    a.owner_id,
                    a.due_on,
                    a.status,
                    a.done_on,
                    is_overdue(a.status, a.due_on, today),
                    incident.id,
                )
                for a in session.execute(
                    select(IncidentAction)
                    .where(IncidentAction.incident_id == incident.id)
                    .order_by(IncidentAction.id)
                ).scalars()
            ]
            author = session.get(Account, incident.created_by_id)
            return IncidentView(
                incident.id,
                incident.occurred_on,
                incident.area,
                incident.kind,
                incident.summary,
                incident.families,
                incident.tension_notes,
                people,
                total - len(people),
                support,
                follow_up,
                author.display_name if author is not None else "",
            )

    def create_incident(self, details: IncidentInput) -> int:
        refuse(details.problems(self._today()))
        with self._sessions.begin() as session:
            self._check(session)
            now = self._clock.now()
            incident = CriticalIncident(
                created_by_id=self._user.account_id, created_at=now, updated_at=now
            )
            for name, value in _values(details).items():
                setattr(incident, name, value)
            session.add(incident)
            session.flush()
            fields = filled(incident, INCIDENT_FIELDS)
            self._audit(session, actions.INCIDENT_CREATED, "critical_incident", incident.id, fields)
            return incident.id

    def update_incident(self, incident_id: int, details: IncidentInput) -> list[str]:
        refuse(details.problems(self._today()))
        with self._sessions.begin() as session:
            incident = self._incident(session, incident_id)
            new = _values(details)
            changed = apply_changes(incident, new, INCIDENT_FIELDS)
            if changed:
                incident.updated_at = self._clock.now()
                self._audit(
                    session, actions.INCIDENT_UPDATED, "critical_incident", incident.id, changed
                )
            return changed

    def set_people(self, incident_id: int, person_ids: Sequence[int]) -> None:
        """Replaces the young people affected, among those this user may open; others stay."""
        with self._sessions.begin() as session:
            incident = self._incident(session, incident_id)
            wanted = {
                get_person(session, self._user, pid, self._clock.now()).id
                for pid in set(person_ids)
            }
            visible = set(
                session.execute(
                    select(IncidentPerson.young_person_id)
                    .join(YoungPerson, YoungPerson.id == IncidentPerson.young_person_id)
                    .where(IncidentPerson.incident_id == incident.id, self._visible())
                ).scalars()
            )
            if not replace_links(
                session,
                IncidentPerson,
                visible,
                wanted,
                lambda person_id: (incident.id, person_id),
                lambda person_id: IncidentPerson(
                    incident_id=incident.id, young_person_id=person_id
                ),
            ):
                return
            incident.updated_at = self._clock.now()
            self._audit(
                session,
                actions.INCIDENT_PEOPLE_SET,
                "critical_incident",
                incident.id,
                ["young_people"],
            )

    # ---- support -------------------------------------------------------------------------
    def add_support(self, incident_id: int, details: SupportInput) -> int:
        refuse(details.problems(self._today()))
        with self._sessions.begin() as session:
            incident = self._incident(session, incident_id)
            support = IncidentSupport(incident_id=incident.id)
            self._apply_support(session, support, details)
            session.add(support)
            session.flush()
            self._audit(
                session,
                actions.INCIDENT_SUPPORT_ADDED,
                "incident_support",
                support.id,
                filled(support, SUPPORT_FIELDS),
            )
            return support.id

    def update_support(self, support_id: int, details: SupportInput) -> list[str]:
        """Saves the support (typically the day it was given); returns the changed fields."""
        refuse(details.problems(self._today()))
        with self._sessions.begin() as session:
            self._check(session)
            support = session.get(IncidentSupport, support_id)
            if support is None:
                raise RecordNotFoundError()
            before = {n: getattr(support, n) for n in SUPPORT_FIELDS}
            self._apply_support(session, support, details)
            changed = [n for n, value in before.items() if getattr(support, n) != value]
            if changed:
                self._audit(
                    session,
                    actions.INCIDENT_SUPPORT_UPDATED,
                    "incident_support",
                    support.id,
                    changed,
                )
            return changed

    # ---- follow-up actions ---------------------------------------------------------------
    def add_action(self, incident_id: int, details: ActionInput) -> int:
        refuse(details.problems() + self._due_problems(details.due_on, None))
        with self._sessions.begin() as session:
            incident = self._incident(session, incident_id)
            now = self._clock.now()
            action = IncidentAction(
                incident_id=incident.id, status=ActionStatus.TO_DO, created_at=now, updated_at=now
            )
            self._apply_action(session, action, details)
            session.add(action)
            session.flush()
            self._audit(
                session,
                actions.INCIDENT_ACTION_ADDED,
                "incident_action",
                action.id,
                filled(action, ACTION_FIELDS),
            )
            return action.id

    def update_action(self, action_id: int, details: ActionInput) -> list[str]:
        refuse(details.problems())
        with self._sessions.begin() as session:
            action = self._action(session, action_id)
            refuse(self._due_problems(details.due_on, action.due_on))
            before = {n: getattr(action, n) for n in ACTION_FIELDS}
            self._apply_action(session, action, details)
            changed = [n for n, value in before.items() if getattr(action, n) != value]
            if changed:
                action.updated_at = self._clock.now()
                self._audit(
                    session, actions.INCIDENT_ACTION_UPDATED, "incident_action", action.id, changed
                )
            return changed

    def set_action_status(self, action_id: int, status: ActionStatus) -> None:
        with self._sessions.begin() as session:
            action = self._action(session, action_id)
            if action.status is status:
                return
            now = self._clock.now()
            action.status = status
            action.done_on = now.date() if status is ActionStatus.DONE else None
            action.updated_at = now
            self._audit(
                session,
                actions.INCIDENT_ACTION_STATUS_CHANGED,
                "incident_action",
                action.id,
                ["status", "done_on"],
            )

    # ---- helpers -------------------------------------------------------------------------
    def _check(self, session: Session) -> None:
        if self._user.role not in allowed_roles(session):
            raise PermissionDeniedError("open critical incidents")

    def _incident(self, session: Session, incident_id: int) -> CriticalIncident:
        self._check(session)
        incident = session.get(CriticalIncident, incident_id)
        if incident is None:
            raise RecordNotFoundError()
        return incident

    def _action(self, session: Session, action_id: int) -> IncidentAction:
        self._check(session)
        action = session.get(IncidentAction, action_id)
        if action is None:
            raise RecordNotFoundError()
        return action

    def _visible(self) -> ColumnElement[bool]:
        return visible_people(self._user, self._clock.now())

    def _apply_support(
        self, session: Session, support: IncidentSupport, details: SupportInput
    ) -> None:
        if details.staff_id is not None:
            self._name_or_account(session, "", details.staff_id)
        support.kind = details.kind
        support.offered_to = details.offered_to.strip()
        support.offered_on = details.offered_on
        support.given_on = details.given_on
        support.description = details.description.strip()
        support.staff_id = details.staff_id

    def _apply_action(self, session: Session, action: IncidentAction, details: ActionInput) -> None:
        action.description = details.description.strip()
        action.owner_name = self._name_or_account(session, details.owner_name, details.owner_id)
        action.owner_id = details.owner_id
        action.due_on = details.due_on


def _values(details: IncidentInput) -> dict[str, object]:
    return {
        "occurred_on": details.occurred_on,
        "area": details.area.strip(),
        "kind": details.kind,
        "summary": details.summary.strip(),
        "families": details.families.strip(),
        "tension_notes": details.tension_notes.strip(),
    }
