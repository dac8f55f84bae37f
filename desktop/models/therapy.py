"""Family therapy: therapy cases with their household, sessions with attendance, and session
notes that are locked once signed (later words go into signed addenda)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import NoteFormat, SessionLocation, SessionOutcome, TherapyModel


class TherapyCase(Base):
    __tablename__ = "therapy_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    model_of_work: Mapped[TherapyModel] = mapped_column(choice(TherapyModel))
    referred_on: Mapped[date | None] = mapped_column(default=None)
    referral_reason: Mapped[str] = mapped_column(Text, default="")
    consent_given: Mapped[bool] = mapped_column(default=False)
    consent_recorded_on: Mapped[date | None] = mapped_column(default=None)
    goals: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date | None] = mapped_column(default=None)
    ended_on: Mapped[date | None] = mapped_column(default=None)
    closing_summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TherapyCasePerson(Base):
    """A young person from the caseload who is part of the family in therapy."""

    __tablename__ = "therapy_case_people"
    __table_args__ = (UniqueConstraint("case_id", "young_person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("therapy_cases.id", ondelete="CASCADE"))
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )


class TherapyCaseContact(Base):
    """A family member (a family contact on a linked young person's record) in the household."""

    __tablename__ = "therapy_case_contacts"
    __table_args__ = (UniqueConstraint("case_id", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("therapy_cases.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )


class TherapySession(Base):
    __tablename__ = "therapy_sessions"
    __table_args__ = (UniqueConstraint("case_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("therapy_cases.id", ondelete="CASCADE"))
    number: Mapped[int]
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    minutes: Mapped[int]
    location: Mapped[SessionLocation] = mapped_column(choice(SessionLocation))
    outcome: Mapped[SessionOutcome] = mapped_column(choice(SessionOutcome))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SessionAttendance(Base):
    """Whether one family member came to one session: a young person or a family contact."""

    __tablename__ = "session_attendance"
    __table_args__ = (
        CheckConstraint(
            "(young_person_id IS NULL) <> (contact_id IS NULL)", name="one_family_member"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("therapy_sessions.id", ondelete="CASCADE"), index=True
    )
    young_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), default=None
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), default=None
    )
    attended: Mapped[bool]


class SessionNote(Base):
    """A session note. Once signed_at is set the database itself refuses any change to the row
    (triggers in migration 0003); later words go into addenda."""

    __tablename__ = "session_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("therapy_sessions.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    note_format: Mapped[NoteFormat] = mapped_column(choice(NoteFormat))
    # The template's sections by key (services.note_templates), the clinical record.
    sections: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # Free text under the template's sections.
    body: Mapped[str] = mapped_column(Text, default="")
    # The required risk and safeguarding check: None until answered, True for a concern.
    risk_concern: Mapped[bool | None] = mapped_column(default=None)
    # When the concern was passed to the young people's cases (services.safeguarding_escalation).
    safeguarding_raised_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    # What case-conference exports may include.
    shareable_summary: Mapped[str] = mapped_column(Text, default="")
    # The therapist's own confidential notes: readable by their author alone.
    process_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    # SHA-256 of the signed content (services.therapy_records.content_hash). The random salt,
    # never shown, stops anyone who sees the hash and the shareable text from confirming a
    # guess at short process notes.
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    content_salt: Mapped[str] = mapped_column(String(32), default="")


class NoteAddendum(Base):
    """A dated addendum to a signed note, signed as it is written and never changed."""

    __tablename__ = "note_addenda"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("session_notes.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    text: Mapped[str] = mapped_column(Text)
    signed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    content_hash: Mapped[str] = mapped_column(String(64))


class OutcomeMeasure(Base):
    """One family member's SCORE-15 (or Child SCORE-15) at one session: the item scores and the
    measure's version only; wording and scoring come from services.score15."""

    __tablename__ = "outcome_measures"
    __table_args__ = (
        CheckConstraint(
            "(young_person_id IS NULL) <> (contact_id IS NULL)", name="one_family_member"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("therapy_sessions.id", ondelete="CASCADE"), index=True
    )
    young_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), default=None
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), default=None
    )
    version: Mapped[str] = mapped_column(String(40))
    # Fifteen scores 1-5, or None for an item left unanswered, in item order.
    item_scores: Mapped[list[int | None]] = mapped_column(JSON)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))


class PersonalWord(Base):
    """A word one user taught the spelling checker (names, places, local terms)."""

    __tablename__ = "personal_words"
    __table_args__ = (UniqueConstraint("account_id", "word"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    word: Mapped[str] = mapped_column(String(100))
