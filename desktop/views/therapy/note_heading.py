"""How a therapy session is named above its note: number, day, time, length and place."""

from __future__ import annotations

from desktop.services.therapy_records import SessionRow


def session_heading(session: SessionRow) -> str:
    start = session.starts_at.astimezone()
    return (
        f"Session {session.number} · {start:%a} {start.day} {start:%b %Y, %H:%M} · "
        f"{session.minutes} min · {session.location.label}"
    )
