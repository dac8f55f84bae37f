"""Before a young person is added: records that may be the same person, restricted ones masked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, case, exists, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.data_protection import RecordRestriction
from desktop.models.people import YoungPerson
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import Section, require_section
from desktop.services.record_access import visible_people
from desktop.services.text_folding import fold

# More than this many look-alikes means the details are too thin to tell anyone apart.
MAX_MATCHES = 20


@dataclass(frozen=True)
class PossibleMatch:
    case_reference: str
    # For a restricted record the user may not open, only the reference: no id, no details.
    restricted: bool
    young_person_id: int | None = None
    name: str = ""
    date_of_birth: date | None = None

    @property
    def description(self) -> str:
        if self.restricted:
            return f"A restricted record matches these details ({self.case_reference})"
        born = "" if self.date_of_birth is None else f", born {self.date_of_birth:%d/%m/%Y}"
        return f"{self.name} ({self.case_reference}{born})"


class DuplicateCheck:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def possible_matches(
        self, given: str, family: str, date_of_birth: date | None
    ) -> list[PossibleMatch]:
        """Records with the same given and family names (either way round, aliases and known-as
        names included; case and accents ignored), or the same date of birth and either name.

        Records the user may open come with their name; restricted records they may not open
        say only that they match, with the reference to ask the coordinator or break glass
        with. Other records out of the user's reach are left out."""
        require_section(self._user.role, Section.CASELOAD)
        alike = _alike(fold(given).split(), fold(family).split(), date_of_birth)
        if alike is None:
            return []
        visible = visible_people(self._user, self._clock.now())
        restricted = exists().where(RecordRestriction.young_person_id == YoungPerson.id)
        query = (
            select(
                YoungPerson.id,
                YoungPerson.case_reference,
                YoungPerson.given_name,
                YoungPerson.family_name,
                YoungPerson.date_of_birth,
                case((visible, True), else_=False).label("visible"),
                restricted.label("restricted"),
            )
            .where(alike, or_(visible, restricted))
            .order_by(YoungPerson.case_reference)
            .limit(MAX_MATCHES)
        )
        with self._sessions.begin() as session:
            return [
                PossibleMatch(
                    row.case_reference,
                    False,
                    row.id,
                    f"{row.given_name} {row.family_name}",
                    row.date_of_birth,
                )
                if row.visible
                else PossibleMatch(row.case_reference, True)
                for row in session.execute(query)
            ]


def _alike(given: list[str], family: list[str], born: date | None) -> ColumnElement[bool] | None:
    def has_all(words: list[str]) -> ColumnElement[bool]:
        return and_(*(YoungPerson.search_text.contains(word, autoescape=True) for word in words))

    options: list[ColumnElement[bool]] = []
    if given and family:
        options.append(has_all(given + family))
    if born is not None and (given or family):
        either = [has_all(words) for words in (given, family) if words]
        options.append(and_(YoungPerson.date_of_birth == born, or_(*either)))
    return or_(*options) if options else None
