"""Each user's personal spelling dictionary, kept in the vault: names, places, local terms.

A personal word may be a young person's name, so the word itself never reaches the audit log,
a log file or an exception message: the audit names the field ("word") and the row's id.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.therapy import PersonalWord
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser

__all__ = ["MAX_WORD_LENGTH", "PersonalWordError", "PersonalWordsService"]

MAX_WORD_LENGTH = 100  # the column's length (migration 0004)
_ENTITY = "personal_word"


class PersonalWordError(ValueError):
    """A word that cannot go into a personal dictionary; the message never quotes it."""


class PersonalWordsService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def words(self) -> list[str]:
        """This user's words, alphabetically; nobody else's."""
        with self._sessions.begin() as session:
            return sorted(
                (row.word for row in self._rows(session)), key=lambda word: (word.casefold(), word)
            )

    def add(self, word: str) -> None:
        """Adds the word; a word already there (in any capitalisation) is left as it is."""
        word = _checked(word)
        with self._sessions.begin() as session:
            if any(row.word.casefold() == word.casefold() for row in self._rows(session)):
                return
            row = PersonalWord(account_id=self._user.account_id, word=word)
            session.add(row)
            session.flush()
            self._audit(session, actions.PERSONAL_WORD_ADDED, row.id)

    def remove(self, word: str) -> None:
        """Removes the word in any capitalisation; a word not there is no error."""
        wanted = word.strip().casefold()
        with self._sessions.begin() as session:
            for row in self._rows(session):
                if row.word.casefold() == wanted:
                    self._audit(session, actions.PERSONAL_WORD_REMOVED, row.id)
                    session.delete(row)

    def _rows(self, session: Session) -> list[PersonalWord]:
        return list(
            session.execute(
                select(PersonalWord).where(PersonalWord.account_id == self._user.account_id)
            ).scalars()
        )

    def _audit(self, session: Session, action: str, row_id: int) -> None:
        audit_chain.append(
            session, self._clock.now(), self._user.username, action, _ENTITY, str(row_id), ["word"]
        )


def _checked(word: str) -> str:
    word = word.strip()
    if not word:
        raise PersonalWordError("Type a word to add to your dictionary.")
    if len(word) > MAX_WORD_LENGTH:
        raise PersonalWordError(
            f"A word in your dictionary can be at most {MAX_WORD_LENGTH} characters long."
        )
    if any(char.isspace() for char in word):
        raise PersonalWordError("Add one word at a time: a word cannot contain spaces.")
    return word
