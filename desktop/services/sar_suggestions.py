"""Redaction for subject access packs: the names of other people Casebook knows, found in an
item's text and offered for redaction, and the pure function that blacks redacted words out.

Staff names are never offered: officials acting in their role are not third parties to hide."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.accounts import Account
from desktop.models.choices import ContactKind
from desktop.models.network import Contact
from desktop.models.people import Alias, ExternalReference, YoungPerson
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import visible_people

MARKER = "[REDACTED]"
YOUNG_PERSON = "Another young person's name"
FAMILY_MEMBER = "A family member's name"
# For a record this user may not open: the suggestion must not tell them whose name it is.
SOMEONE = "Another person's name"
YOUNG_PERSON_REFERENCE = "Another young person's reference"
FAMILY_CONTACT_DETAIL = "A family member's phone number or email"
SOMEONES_REFERENCE = "Another person's reference"
MIN_IDENTIFIER = 4  # shorter references would match ordinary numbers
MIN_GIVEN_NAME = 3


@dataclass(frozen=True)
class Suggestion:
    text: str  # the words to black out, e.g. "Marcus Reid"
    why: str  # e.g. "Another young person's name", "A family member's name"


def _pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for all the phrases, longest first (so "Marcus Reid" wins over "Marcus"),
    whole words, any case, any run of white space between words."""
    parts = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        start = r"(?<!\w)" if re.match(r"\w", phrase) else ""
        end = r"(?!\w)" if re.search(r"\w$", phrase) else ""
        parts.append(f"{start}{body}{end}")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


def redacted_text(text: str, words: Iterable[str]) -> str:
    """The text with every redacted phrase (whole words, any case) replaced by the marker."""
    pattern = _pattern(words)
    return text if pattern is None else pattern.sub(MARKER, text)


def redaction_count(text: str, words: Iterable[str]) -> int:
    pattern = _pattern(words)
    return 0 if pattern is None else len(pattern.findall(text))


def mentions(text: str, phrase: str) -> bool:
    pattern = _pattern([phrase])
    return pattern is not None and pattern.search(text) is not None


def _key(words: str) -> str:
    return " ".join(words.split()).casefold()


class NameIndex:
    """Other people's names Casebook knows, each with why it would be redacted."""

    def __init__(self, names: dict[str, Suggestion]) -> None:
        self._names = names
        self._by_word: dict[str, list[str]] = {}
        for key in names:
            # Indexed by the first word as the text is split into words ("yp" of "yp-0012").
            words = re.findall(r"\w+", key)
            if words:
                self._by_word.setdefault(words[0], []).append(key)

    def __len__(self) -> int:
        return len(self._names)

    def find(self, text: str, skip: Iterable[str] = ()) -> list[Suggestion]:
        """The names still showing in the text once the words in skip (redactions already
        made) are blacked out, in order of first appearance."""
        text = redacted_text(text, skip)
        words = {word.casefold() for word in re.findall(r"\w+", text)}
        pattern = _pattern(key for word in words for key in self._by_word.get(word, ()))
        if pattern is None:
            return []
        found: dict[str, Suggestion] = {}
        for match in pattern.finditer(text):
            key = _key(match.group(0))
            if key in self._names and key not in found:
                found[key] = Suggestion(self._names[key].text, self._names[key].why)
        return list(found.values())


def name_index(
    session: Session, user: CurrentUser, now: datetime, subject_names: Iterable[str]
) -> NameIndex:
    """Young people and family contacts other than the subject: full names, known-as names,
    aliases, and given names of three letters or more that only one of them has; and their
    identifiers (case and other agencies' references, family members' phone numbers and
    emails). Nothing that is the subject's own (subject_names holds their names and
    identifiers) or a member of staff's name is included."""
    visible = set(
        session.execute(select(YoungPerson.id).where(visible_people(user, now))).scalars()
    )
    own = {_key(name) for name in subject_names if name.strip()}
    staff: set[str] = set()
    for (display_name,) in session.execute(select(Account.display_name)):
        staff.add(_key(display_name))
        staff.update(_key(part) for part in display_name.split()[:1])
    full: dict[str, Suggestion] = {}
    given: dict[str, set[str]] = {}  # given name -> the full names that have it
    spelt: dict[str, str] = {}  # given name -> as first written

    def add(name: str, why: str, first: str = "") -> None:
        key = _key(name)
        if not key or key in own or key in staff:
            return
        full.setdefault(key, Suggestion(" ".join(name.split()), why))
        if first:
            given.setdefault(_key(first), set()).add(key)
            spelt.setdefault(_key(first), first)

    people = select(
        YoungPerson.id, YoungPerson.given_name, YoungPerson.family_name, YoungPerson.known_as
    )
    for person_id, given_name, family_name, known_as in session.execute(people):
        why = YOUNG_PERSON if person_id in visible else SOMEONE
        add(f"{given_name} {family_name}", why, given_name.split()[0] if given_name else "")
        add(known_as, why)
    for person_id, alias in session.execute(select(Alias.young_person_id, Alias.alias)):
        add(alias, YOUNG_PERSON if person_id in visible else SOMEONE)
    family = select(Contact.young_person_id, Contact.name).where(Contact.kind == ContactKind.FAMILY)
    for person_id, name in session.execute(family):
        parts = name.split()
        add(name, FAMILY_MEMBER if person_id in visible else SOMEONE, parts[0] if parts else "")
    _identifiers(session, visible, add)
    # The subject's own given name is theirs to read, even when someone else shares it.
    own_given = {_key(name.split()[0]) for name in subject_names if name.split()}
    for first, owners in given.items():
        if (
            len(owners) == 1
            and len(first) >= MIN_GIVEN_NAME
            and first not in own_given
            and first not in staff
            and first not in full
        ):
            (owner,) = owners
            full[first] = Suggestion(spelt[first], full[owner].why)
    return NameIndex(full)


def _identifiers(session: Session, visible: set[int], add: Callable[[str, str], None]) -> None:
    def add_long(value: str, why: str) -> None:
        if len(value.strip()) >= MIN_IDENTIFIER:
            add(value, why)

    for person_id, reference in session.execute(select(YoungPerson.id, YoungPerson.case_reference)):
        add_long(reference, YOUNG_PERSON_REFERENCE if person_id in visible else SOMEONES_REFERENCE)
    references = select(ExternalReference.young_person_id, ExternalReference.value)
    for person_id, value in session.execute(references):
        add_long(value, YOUNG_PERSON_REFERENCE if person_id in visible else SOMEONES_REFERENCE)
    details = select(Contact.young_person_id, Contact.phone, Contact.email).where(
        Contact.kind == ContactKind.FAMILY
    )
    for person_id, phone, email in session.execute(details):
        why = FAMILY_CONTACT_DETAIL if person_id in visible else SOMEONE
        add_long(phone, why)
        add_long(email, why)
