"""Contextual safeguarding: peer groups and places as records of their own, linked to many young
people with dates and source, each with a page of its young people and recent incidents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, TypeVarTuple

from sqlalchemy import (
    Row,
    Select,
    SQLColumnExpression,
    case,
    distinct,
    func,
    select,
)
from sqlalchemy.orm import Session

from desktop.models.choices import EntryType, PlaceKind
from desktop.models.chronology import ChronologyEntry
from desktop.models.contextual import PeerGroup, Place
from desktop.models.people import YoungPerson
from desktop.services import actions
from desktop.services.context_links import GROUPS, PLACES, Context, ContextLinkService, current_link
from desktop.services.context_rows import (
    ContextInputError,
    GroupPage,
    GroupRow,
    Incident,
    LinkedYoungPerson,
    PlacePage,
    PlaceRow,
)
from desktop.services.people_service import normalise_postcode
from desktop.services.record_access import RecordNotFoundError, visible_people
from desktop.services.text_folding import fold

# Re-exported: views take the service and what it raises from one place.
__all__ = ["ContextInputError", "ContextService"]

RECENT_DAYS = 90
Columns = TypeVarTuple("Columns")
FULL_NAME = (YoungPerson.given_name + " " + YoungPerson.family_name).label("name")


class ContextService(ContextLinkService):
    """Groups and places, their lists and pages; linking them to young people is inherited."""

    # ---- groups and places ---------------------------------------------------------------
    def create_group(self, name: str, description: str = "") -> int:
        self._require_caseload()
        name = _required_name(name, "group")
        with self._sessions.begin() as session:
            self._refuse_group_clash(session, name, None)
            group = PeerGroup(name=name, description=description.strip())
            session.add(group)
            session.flush()
            changed = ["name", "description"] if group.description else ["name"]
            self._audit(session, actions.CREATE, "peer_group", group.id, changed)
            return group.id

    def update_group(self, group_id: int, name: str, description: str) -> list[str]:
        self._require_caseload()
        name = _required_name(name, "group")
        with self._sessions.begin() as session:
            group = _get(session, PeerGroup, group_id)
            self._refuse_group_clash(session, name, group_id)
            changed = _assign(group, name=name, description=description.strip())
            if changed:
                self._audit(session, actions.UPDATE, "peer_group", group.id, changed)
            return changed

    def create_place(
        self,
        name: str,
        kind: PlaceKind = PlaceKind.OTHER,
        postcode: str = "",
        description: str = "",
    ) -> int:
        self._require_caseload()
        values = _place_values(name, kind, postcode, description)
        with self._sessions.begin() as session:
            self._refuse_place_clash(session, values, None)
            place = Place(**values)
            session.add(place)
            session.flush()
            changed = [key for key, value in values.items() if value]
            self._audit(session, actions.CREATE, "place", place.id, changed)
            return place.id

    def update_place(
        self, place_id: int, name: str, kind: PlaceKind, postcode: str, description: str
    ) -> list[str]:
        self._require_caseload()
        values = _place_values(name, kind, postcode, description)
        with self._sessions.begin() as session:
            place = _get(session, Place, place_id)
            self._refuse_place_clash(session, values, place_id)
            changed = _assign(place, **values)
            if changed:
                self._audit(session, actions.UPDATE, "place", place.id, changed)
            return changed

    def groups(self) -> list[GroupRow]:
        self._require_caseload()
        with self._sessions.begin() as session:
            rows = session.execute(_listing(GROUPS, self._today()).order_by(PeerGroup.name)).all()
        return [GroupRow(r.id, r.name, r.description, r.young_people) for r in rows]

    def places(self) -> list[PlaceRow]:
        self._require_caseload()
        with self._sessions.begin() as session:
            query = _listing(PLACES, self._today()).add_columns(Place.kind, Place.postcode)
            rows = session.execute(query.order_by(Place.name, Place.postcode)).all()
        return [_place_row(r) for r in rows]

    def _refuse_group_clash(self, session: Session, name: str, own_id: int | None) -> None:
        # Folded in Python: SQLite's lower() knows only ASCII, and names come in many scripts.
        names = session.execute(select(PeerGroup.id, PeerGroup.name)).all()
        if any(fold(r.name) == fold(name) and r.id != own_id for r in names):
            raise ContextInputError(f"There is already a group called {name}.")

    def _refuse_place_clash(
        self, session: Session, values: dict[str, Any], own_id: int | None
    ) -> None:
        # Two parks may share a name; the same name at the same postcode is the same place.
        rows = session.execute(select(Place.id, Place.name, Place.postcode)).all()
        for r in rows:
            same = fold(r.name) == fold(values["name"]) and r.postcode == values["postcode"]
            if same and r.id != own_id:
                raise ContextInputError(f"{values['name']} is already recorded there.")

    # ---- pages ---------------------------------------------------------------------------
    def group_page(self, group_id: int) -> GroupPage:
        self._require_caseload()
        with self._sessions.begin() as session:
            row = session.execute(
                _listing(GROUPS, self._today()).where(PeerGroup.id == group_id)
            ).one_or_none()
            if row is None:
                raise RecordNotFoundError()
            group = GroupRow(row.id, row.name, row.description, row.young_people)
            return GroupPage(*self._page(session, GROUPS, group_id), group=group)

    def place_page(self, place_id: int) -> PlacePage:
        self._require_caseload()
        with self._sessions.begin() as session:
            query = _listing(PLACES, self._today()).add_columns(Place.kind, Place.postcode)
            row = session.execute(query.where(Place.id == place_id)).one_or_none()
            if row is None:
                raise RecordNotFoundError()
            return PlacePage(*self._page(session, PLACES, place_id), place=_place_row(row))

    def _page(
        self, session: Session, context: Context, target_id: int
    ) -> tuple[list[LinkedYoungPerson], int, list[Incident], int]:
        link = context.link
        linked = select(
            link.id.label("link_id"),
            link.young_person_id.label("person_id"),
            YoungPerson.case_reference,
            FULL_NAME,
            link.since,
            link.until,
            link.source,
            current_link(context, self._today()).label("current"),
        ).where(context.target == target_id)
        people, others = self._visible_and_others(
            session, linked, link.young_person_id, (FULL_NAME, link.since)
        )
        since = self._clock.now() - timedelta(days=RECENT_DAYS)
        incidents = select(
            ChronologyEntry.id.label("entry_id"),
            ChronologyEntry.young_person_id.label("person_id"),
            YoungPerson.case_reference,
            FULL_NAME,
            ChronologyEntry.occurred_at,
            ChronologyEntry.summary,
            ChronologyEntry.significant,
        ).where(
            context.entry_column == target_id,
            ChronologyEntry.entry_type == EntryType.INCIDENT,
            ChronologyEntry.occurred_at >= since,
            ChronologyEntry.deleted_at.is_(None),  # a tombstone no longer says what happened
        )
        newest = (ChronologyEntry.occurred_at.desc(), ChronologyEntry.id.desc())
        seen, unseen = self._visible_and_others(session, incidents, ChronologyEntry.id, newest)
        return (
            [LinkedYoungPerson(**r._mapping) for r in people],
            others,
            [Incident(**r._mapping) for r in seen],
            unseen,
        )

    def _visible_and_others(
        self,
        session: Session,
        query: Select[*Columns],
        counted: SQLColumnExpression[int],
        order: Sequence[SQLColumnExpression[Any]],
    ) -> tuple[Sequence[Row[*Columns]], int]:
        """Rows on records open to the user, and only a count of those on the others."""
        query = query.join(YoungPerson, YoungPerson.id == query.selected_columns.person_id)
        visible = visible_people(self._user, self._clock.now())
        rows = session.execute(query.where(visible).order_by(*order)).all()
        # Not not_(visible): with no key worker the test is NULL, and NOT NULL excludes the row.
        hidden = case((visible, False), else_=True)
        count = query.with_only_columns(func.count(distinct(counted))).where(hidden)
        return rows, int(session.execute(count).scalar_one())


def _listing(context: Context, today: date) -> Any:
    """Groups or places with how many young people are linked now (one statement)."""
    entity, link = context.entity, context.link
    current = case((current_link(context, today), link.young_person_id))
    return (
        select(
            entity.id,
            entity.name,
            entity.description,
            func.count(distinct(current)).label("young_people"),
        )
        .outerjoin(link, context.target == entity.id)
        .group_by(entity.id)
    )


def _place_row(r: Row[Any]) -> PlaceRow:
    return PlaceRow(r.id, r.name, r.kind, r.postcode, r.description, r.young_people)


def _get(session: Session, entity: type[PeerGroup] | type[Place], entity_id: int) -> Any:
    found = session.get(entity, entity_id)
    if found is None:
        raise RecordNotFoundError()
    return found


def _required_name(name: str, what: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ContextInputError(f"Enter the {what}'s name.")
    if len(name) > 200:
        raise ContextInputError(f"The {what}'s name is longer than 200 characters.")
    return name


def _place_values(name: str, kind: PlaceKind, postcode: str, description: str) -> dict[str, Any]:
    postcode = normalise_postcode(postcode)
    if len(postcode) > 10:
        raise ContextInputError("That postcode is too long.")
    return {
        "name": _required_name(name, "place"),
        "kind": kind,
        "postcode": postcode,
        "description": description.strip(),
    }


def _assign(row: PeerGroup | Place, **values: Any) -> list[str]:
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    return changed
