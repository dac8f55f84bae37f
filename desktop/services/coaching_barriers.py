"""Barriers on employment-coaching plans and the kinds of barrier the coordinator extends: the
part of CoachingService that handles them (a base class, so one service keeps one API)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.choices import BarrierStatus
from desktop.models.coaching import Barrier, BarrierType
from desktop.services import actions
from desktop.services.coaching_access import plan_to_read
from desktop.services.coaching_plan_queries import CoachingServiceBase, open_plan_to_edit
from desktop.services.coaching_records import (
    BarrierInput,
    BarrierRow,
    BarrierTypeRow,
    CoachingInputError,
    barrier_code,
)
from desktop.services.record_access import RecordNotFoundError

BARRIER_FIELDS = ("barrier_type_id", "status", "detail", "action")


class BarrierMethods(CoachingServiceBase):
    # ---- barriers (the coordinator extends the standard list) ----------------------------
    def barrier_types(self, include_inactive: bool = False) -> list[BarrierTypeRow]:
        """In the order they were added, so the standard list keeps its order. Open to every
        role: the list holds no personal data."""
        query = select(BarrierType).order_by(BarrierType.id)
        if not include_inactive:
            query = query.where(BarrierType.active)
        with self._sessions.begin() as session:
            return [
                BarrierTypeRow(t.id, t.code, t.label, t.active)
                for t in session.execute(query).scalars()
            ]

    def add_barrier_type(self, label: str) -> int:
        self._require_coordinator("add kinds of barrier")
        label = label.strip()
        if not label:
            raise CoachingInputError("Enter the barrier's name.")
        if len(label) > 120:
            raise CoachingInputError("The barrier's name is too long (120 characters at most).")
        with self._sessions.begin() as session:
            taken = session.execute(
                select(func.count(BarrierType.id)).where(
                    func.lower(BarrierType.label) == label.lower()
                )
            ).scalar_one()
            if taken:
                raise CoachingInputError("A barrier with that name already exists.")
            base = code = barrier_code(label)
            number = 1
            while session.execute(select(BarrierType.id).where(BarrierType.code == code)).first():
                number += 1
                code = f"{base}_{number}"
            kind = BarrierType(code=code, label=label, active=True)
            session.add(kind)
            session.flush()
            self._audit(session, actions.CREATE, "barrier_type", kind.id, ["code", "label"])
            return kind.id

    def set_barrier_type_active(self, type_id: int, active: bool) -> None:
        """Retiring a kind of barrier hides it from new barriers; barriers recorded keep it."""
        self._require_coordinator("change the kinds of barrier")
        with self._sessions.begin() as session:
            kind = session.get(BarrierType, type_id)
            if kind is None:
                raise RecordNotFoundError()
            if kind.active == active:
                return
            kind.active = active
            self._audit(session, actions.UPDATE, "barrier_type", kind.id, ["active"])

    def add_barrier(self, plan_id: int, details: BarrierInput) -> int:
        with self._sessions.begin() as session:
            plan = open_plan_to_edit(session, self._user, plan_id, self._clock.now())
            _check_barrier_type(session, details.barrier_type_id, None)
            already = session.execute(
                select(Barrier.id).where(
                    Barrier.plan_id == plan.id,
                    Barrier.barrier_type_id == details.barrier_type_id,
                    Barrier.status != BarrierStatus.RESOLVED,
                )
            ).first()
            if already is not None:
                raise CoachingInputError("That barrier is already on the plan and not resolved.")
            now = self._clock.now()
            barrier = Barrier(plan_id=plan.id, created_at=now, updated_at=now)
            _apply_barrier(barrier, details, self._today())
            session.add(barrier)
            session.flush()
            filled = [n for n in BARRIER_FIELDS if getattr(barrier, n) != ""]
            if barrier.resolved_on is not None:
                filled.append("resolved_on")
            self._audit(session, actions.BARRIER_ADDED, "barrier", barrier.id, filled)
            return barrier.id

    def update_barrier(self, barrier_id: int, details: BarrierInput) -> list[str]:
        """Saves a barrier; resolving it dates it, reopening clears the date. Returns the names
        of the fields that changed."""
        with self._sessions.begin() as session:
            barrier = session.get(Barrier, barrier_id)
            if barrier is None:
                raise RecordNotFoundError()
            open_plan_to_edit(session, self._user, barrier.plan_id, self._clock.now())
            if details.barrier_type_id != barrier.barrier_type_id:
                _check_barrier_type(session, details.barrier_type_id, barrier.barrier_type_id)
            before = {n: getattr(barrier, n) for n in (*BARRIER_FIELDS, "resolved_on")}
            _apply_barrier(barrier, details, self._today())
            changed = [n for n, value in before.items() if getattr(barrier, n) != value]
            if changed:
                barrier.updated_at = self._clock.now()
                self._audit(session, actions.BARRIER_UPDATED, "barrier", barrier.id, changed)
            return changed

    def barriers(self, plan_id: int) -> list[BarrierRow]:
        """Unresolved first, each group in the order recorded."""
        with self._sessions.begin() as session:
            plan = plan_to_read(session, self._user, plan_id, self._clock.now())
            return barrier_rows(session, plan.id)

    # ---- reviews -------------------------------------------------------------------------


def _apply_barrier(barrier: Barrier, details: BarrierInput, today: date) -> None:
    if details.status is BarrierStatus.RESOLVED:
        if barrier.status is not BarrierStatus.RESOLVED or barrier.resolved_on is None:
            barrier.resolved_on = today
    else:
        barrier.resolved_on = None
    barrier.barrier_type_id = details.barrier_type_id
    barrier.status = details.status
    barrier.detail = details.detail.strip()
    barrier.action = details.action.strip()


def _check_barrier_type(session: Session, type_id: int, current: int | None) -> None:
    kind = session.get(BarrierType, type_id)
    if kind is None or (not kind.active and type_id != current):
        raise CoachingInputError("Choose a barrier from the list.")


def barrier_rows(session: Session, plan_id: int) -> list[BarrierRow]:
    """The plan's barriers, unresolved first (the caller has checked the plan may be read)."""
    rows = session.execute(
        select(Barrier, BarrierType.label)
        .join(BarrierType, BarrierType.id == Barrier.barrier_type_id)
        .where(Barrier.plan_id == plan_id)
        .order_by(Barrier.status == BarrierStatus.RESOLVED, Barrier.id)
    ).all()
    return [
        BarrierRow(
            b.id,
            b.plan_id,
            b.barrier_type_id,
            label,
            b.status,
            b.detail,
            b.action,
            b.resolved_on,
            b.updated_at,
        )
        for b, label in rows
    ]
