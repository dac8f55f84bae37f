"""Unsaved form text, saved into the vault as the user types and when the vault locks."""

from __future__ import annotations

import json

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.drafts import Draft
from desktop.services.current_user import CurrentUser


class DraftService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def save(self, form_key: str, fields: dict[str, str]) -> None:
        with self._sessions.begin() as session:
            draft = session.execute(
                select(Draft).where(
                    Draft.account_id == self._user.account_id, Draft.form_key == form_key
                )
            ).scalar_one_or_none()
            content = json.dumps(fields, ensure_ascii=False)
            if draft is None:
                session.add(
                    Draft(
                        account_id=self._user.account_id,
                        form_key=form_key,
                        content=content,
                        saved_at=self._clock.now(),
                    )
                )
            else:
                draft.content = content
                draft.saved_at = self._clock.now()

    def load(self, form_key: str) -> dict[str, str] | None:
        with self._sessions.begin() as session:
            content = session.execute(
                select(Draft.content).where(
                    Draft.account_id == self._user.account_id, Draft.form_key == form_key
                )
            ).scalar_one_or_none()
        if content is None:
            return None
        loaded = json.loads(content)
        return {str(key): str(value) for key, value in loaded.items()}

    def discard(self, form_key: str) -> None:
        with self._sessions.begin() as session:
            session.execute(
                delete(Draft).where(
                    Draft.account_id == self._user.account_id, Draft.form_key == form_key
                )
            )
