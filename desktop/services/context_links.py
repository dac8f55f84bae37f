"""Linking young people to peer groups and places, with dates and source: the half of the
context service that works from a young person's record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from desktop.clock import Clock
from desktop.models.chronology import ChronologyEntry
from desktop.models.contextual import GroupLink, PeerGroup, Place, PlaceLink
from desktop.services import actions, audit_chain
from desktop.services.context_rows import ContextInputError, ContextLink
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import Section, require_section
from desktop.services.record_access import RecordNotFoundError, get_person


@dataclass(frozen=True)
class Context:
    """What differs between groups and places, so the linking code is written once."""

    entity: type[PeerGroup] | type[Place]
    link: type[GroupLink] | type[PlaceLink]
    target: InstrumentedAttribute[int]  # the link's column naming the group or place
    entry_column: InstrumentedAttribute[int | None]  # the chronology entry's column
    entity_type: str
    linked: str
    ended: str
    unlinked: str


GROUPS = Context(
    PeerGroup,
    GroupLink,
    GroupLink.group_id,
    ChronologyEntry.group_id,
    "peer_group",
    actions.GROUP_LINKED,
    actions.GROUP_LINK_ENDED,
    actions.GROUP_UNLINKED,
)
PLACES = Context(
    Place,
    PlaceLink,
    PlaceLink.place_id,
    ChronologyEntry.place_id,
    "place",
    actions.PLACE_LINKED,
    actions.PLACE_LINK_ENDED,
    actions.PLACE_UNLINKED,
)


class ContextLinkService:
    """A young person's links to groups and places; ContextService adds the groups and places."""

    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _today(self) -> date:
        return self._clock.now().date()

    def _require_caseload(self) -> None:
        # Every role with the Caseload section may record groups and places: whoever meets
        # a young person may be the first to learn of a group or a place where harm happens.
        require_section(self._user.role, Section.CASELOAD)

    def _audit(
        self,
        session: Session,
        action: str,
        entity_type: str,
        entity_id: int,
        changed: list[str],
        outcome: str = "",
    ) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            action,
            entity_type,
            str(entity_id),
            changed,
            outcome,
        )

    # ---- links from a young person -------------------------------------------------------
    def link_group(
        self,
        person_id: int,
        group_id: int,
        since: date | None = None,
        until: date | None = None,
        source: str = "",
    ) -> int:
        return self._link(GROUPS, person_id, group_id, since, until, source)

    def link_place(
        self,
        person_id: int,
        place_id: int,
        since: date | None = None,
        until: date | None = None,
        source: str = "",
    ) -> int:
        return self._link(PLACES, person_id, place_id, since, until, source)

    def end_group_link(self, link_id: int, until: date) -> None:
        self._end(GROUPS, link_id, until)

    def end_place_link(self, link_id: int, until: date) -> None:
        self._end(PLACES, link_id, until)

    def unlink_group(self, link_id: int) -> None:
        """For a link made in error; a link that was true once is ended instead."""
        self._unlink(GROUPS, link_id)

    def unlink_place(self, link_id: int) -> None:
        self._unlink(PLACES, link_id)

    def person_groups(self, person_id: int) -> list[ContextLink]:
        return self._person_links(GROUPS, person_id)

    def person_places(self, person_id: int) -> list[ContextLink]:
        return self._person_links(PLACES, person_id)

    def _link(
        self,
        context: Context,
        person_id: int,
        target_id: int,
        since: date | None,
        until: date | None,
        source: str,
    ) -> int:
        _check_dates(since, until)
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            if session.get(context.entity, target_id) is None:
                raise RecordNotFoundError()
            open_link = session.scalar(
                select(context.link.id).where(
                    context.link.young_person_id == person_id,
                    context.target == target_id,
                    current_link(context, self._today()),
                )
            )
            if open_link is not None and (until is None or until >= self._today()):
                raise ContextInputError("They are already linked to it; end that link first.")
            row = context.link(young_person_id=person_id, since=since, until=until)
            setattr(row, context.target.key, target_id)
            row.source = source.strip()
            session.add(row)
            session.flush()
            changed = [name for name in ("since", "until", "source") if getattr(row, name)]
            outcome = f"{context.entity_type} {target_id}"
            self._audit(session, context.linked, "young_person", person_id, changed, outcome)
            return row.id

    def _end(self, context: Context, link_id: int, until: date) -> None:
        with self._sessions.begin() as session:
            row = self._own_link(session, context, link_id)
            _check_dates(row.since, until)
            row.until = until
            outcome = f"{context.entity_type} {getattr(row, context.target.key)}"
            self._audit(
                session, context.ended, "young_person", row.young_person_id, ["until"], outcome
            )

    def _unlink(self, context: Context, link_id: int) -> None:
        with self._sessions.begin() as session:
            row = self._own_link(session, context, link_id)
            session.delete(row)
            outcome = f"{context.entity_type} {getattr(row, context.target.key)}"
            self._audit(
                session, context.unlinked, "young_person", row.young_person_id, ["link"], outcome
            )

    def _own_link(self, session: Session, context: Context, link_id: int) -> GroupLink | PlaceLink:
        """The link, if the young person's record is open to the user."""
        # session.get over a union of classes is typed as their base; the class is one of two.
        row = cast(GroupLink | PlaceLink | None, session.get(context.link, link_id))
        if row is None:
            raise RecordNotFoundError()
        get_person(session, self._user, row.young_person_id, self._clock.now())
        return row

    def _person_links(self, context: Context, person_id: int) -> list[ContextLink]:
        entity, link = context.entity, context.link
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            rows = session.execute(
                select(
                    link.id.label("link_id"),
                    entity.id.label("target_id"),
                    entity.name,
                    link.since,
                    link.until,
                    link.source,
                    current_link(context, self._today()).label("current"),
                )
                .join(entity, entity.id == context.target)
                .where(link.young_person_id == person_id)
                .order_by(entity.name, link.since)
            ).all()
        return [ContextLink(**r._mapping) for r in rows]


def current_link(context: Context, today: date) -> ColumnElement[bool]:
    link = context.link
    return or_(link.until.is_(None), link.until >= today)


def _check_dates(since: date | None, until: date | None) -> None:
    if since is not None and until is not None and until < since:
        raise ContextInputError("The link cannot end before it began.")
