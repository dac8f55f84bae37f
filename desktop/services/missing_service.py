"""Missing episodes: going missing, the return, the 72-hour return-home interview, and the prompt
for a strategy meeting when episodes cluster."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.missing import MissingEpisode
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import RecordNotFoundError, get_person

__all__ = ["RecordNotFoundError"]  # re-exported: views catch it from here

# Statutory guidance: the return-home interview is offered within 72 hours of the return.
INTERVIEW_WITHIN = timedelta(hours=72)
# Three episodes in thirty days call for a multi-agency strategy meeting.
CLUSTER_EPISODES = 3
CLUSTER_WINDOW = timedelta(days=30)
# A time typed as "now" on a PC whose clock runs a little ahead should still be accepted.
FUTURE_TOLERANCE = timedelta(minutes=5)
INTERVIEWER_LIMIT = 200


class MissingInputError(ValueError):
    """The times or names given do not make sense; the message says why."""


@dataclass(frozen=True)
class EpisodeRow:
    id: int
    went_missing_at: datetime
    returned_at: datetime | None
    interview_at: datetime | None
    interview_by: str
    notes: str
    # Set once they have returned and until the interview is recorded.
    interview_due_by: datetime | None
    interview_overdue: bool

    @property
    def still_missing(self) -> bool:
        return self.returned_at is None


class MissingService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def record_episode(
        self,
        person_id: int,
        went_missing_at: datetime,
        returned_at: datetime | None = None,
        notes: str = "",
    ) -> int:
        self._check_not_future(went_missing_at, "when they went missing")
        if returned_at is not None:
            self._check_return(went_missing_at, returned_at)
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            episode = MissingEpisode(
                young_person_id=person.id,
                went_missing_at=went_missing_at,
                returned_at=returned_at,
                notes=notes.strip(),
                created_by_id=self._user.account_id,
            )
            session.add(episode)
            session.flush()
            filled = ["went_missing_at"]
            filled += ["returned_at"] if returned_at is not None else []
            filled += ["notes"] if notes.strip() else []
            self._audit(session, actions.MISSING_EPISODE_RECORDED, episode.id, filled)
            return episode.id

    def record_return(self, episode_id: int, returned_at: datetime) -> None:
        """When they came back (or a correction of it, before the interview is recorded)."""
        self._check_not_future(returned_at, "their return")
        with self._sessions.begin() as session:
            episode = self._episode(session, episode_id)
            self._check_return(episode.went_missing_at, returned_at)
            if episode.interview_at is not None and returned_at > episode.interview_at:
                raise MissingInputError("The return cannot be after the return-home interview.")
            episode.returned_at = returned_at
            self._audit(session, actions.MISSING_RETURN_RECORDED, episode.id, ["returned_at"])

    def record_interview(self, episode_id: int, interview_at: datetime, interview_by: str) -> None:
        self._check_not_future(interview_at, "the interview")
        if not interview_by.strip():
            raise MissingInputError("Enter who carried out the return-home interview.")
        if len(interview_by.strip()) > INTERVIEWER_LIMIT:
            raise MissingInputError(
                f"Who carried out the interview is longer than {INTERVIEWER_LIMIT} characters."
            )
        with self._sessions.begin() as session:
            episode = self._episode(session, episode_id)
            if episode.returned_at is None:
                raise MissingInputError("Record their return before the return-home interview.")
            if interview_at < episode.returned_at:
                raise MissingInputError("The interview cannot be before they returned.")
            episode.interview_at = interview_at
            episode.interview_by = interview_by.strip()
            self._audit(
                session,
                actions.RETURN_INTERVIEW_RECORDED,
                episode.id,
                ["interview_at", "interview_by"],
            )

    def episodes(self, person_id: int) -> list[EpisodeRow]:
        """The young person's episodes, the latest first, with interview deadlines."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            rows = session.execute(
                select(
                    MissingEpisode.id,
                    MissingEpisode.went_missing_at,
                    MissingEpisode.returned_at,
                    MissingEpisode.interview_at,
                    MissingEpisode.interview_by,
                    MissingEpisode.notes,
                )
                .where(MissingEpisode.young_person_id == person_id)
                .order_by(MissingEpisode.went_missing_at.desc(), MissingEpisode.id.desc())
            ).all()
        episodes = []
        for r in rows:
            due_by = None
            if r.returned_at is not None and r.interview_at is None:
                due_by = r.returned_at + INTERVIEW_WITHIN
            episodes.append(
                EpisodeRow(
                    r.id,
                    r.went_missing_at,
                    r.returned_at,
                    r.interview_at,
                    r.interview_by,
                    r.notes,
                    due_by,
                    due_by is not None and now > due_by,
                )
            )
        return episodes

    def strategy_meeting_prompt(self, person_id: int) -> str | None:
        """A prompt when 3 or more episodes began within the 30 days up to now, else None.

        The window ends now, rather than anywhere in the past, so the prompt is about what is
        happening to the young person at present and goes away once the cluster is over a
        month old (the strategy meeting it asked for has been held or decided against by then).
        """
        now = self._clock.now()
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            recent = session.execute(
                select(func.count(MissingEpisode.id)).where(
                    MissingEpisode.young_person_id == person_id,
                    MissingEpisode.went_missing_at >= now - CLUSTER_WINDOW,
                    MissingEpisode.went_missing_at <= now + FUTURE_TOLERANCE,
                )
            ).scalar_one()
        if recent < CLUSTER_EPISODES:
            return None
        return (
            f"{recent} missing episodes in {CLUSTER_WINDOW.days} days: arrange a strategy meeting."
        )

    # ---- helpers -------------------------------------------------------------------------
    def _episode(self, session: Session, episode_id: int) -> MissingEpisode:
        """The episode, if its young person's record is open to this user."""
        episode = session.get(MissingEpisode, episode_id)
        if episode is None:
            raise RecordNotFoundError()
        get_person(session, self._user, episode.young_person_id, self._clock.now())
        return episode

    def _check_not_future(self, moment: datetime, what: str) -> None:
        if moment.tzinfo is None:
            raise MissingInputError(f"The time of {what} needs a time zone.")
        if moment > self._clock.now() + FUTURE_TOLERANCE:
            raise MissingInputError(f"The time of {what} is in the future.")

    def _check_return(self, went_missing_at: datetime, returned_at: datetime) -> None:
        self._check_not_future(returned_at, "their return")
        if returned_at < went_missing_at:
            raise MissingInputError("They cannot have returned before they went missing.")

    def _audit(self, session: Session, action: str, episode_id: int, names: list[str]) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            action,
            "missing_episode",
            str(episode_id),
            names,
        )
