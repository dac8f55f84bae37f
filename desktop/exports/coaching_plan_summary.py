"""The coach's plan summary for the manager or a case conference: the plan's facts, history in
education, employment or training, barriers, goals with their actions, sessions, milestones and
reviews."""

from __future__ import annotations

from datetime import datetime

from docx.document import Document
from docx.shared import Mm

from desktop.exports.coaching_content import (
    ActionLine,
    CoachingPlanContent,
    GoalLine,
    SpellLine,
)
from desktop.exports.document_base import (
    TEXT_WIDTH,
    DocumentInfo,
    add_details_table,
    add_grid,
    add_label,
    add_text,
    add_title,
    long_date,
    new_document,
    percent,
)
from desktop.exports.therapy_content import Author
from desktop.models.choices import ActionOwner

TITLE = "Coaching plan summary"


def build_plan_summary(content: CoachingPlanContent, author: Author, made_at: datetime) -> Document:
    document = new_document(DocumentInfo(TITLE, author.name, made_at))
    add_title(document, TITLE, "Employment coaching")
    add_details_table(document, _details(content))

    document.add_heading("Aspirations, in the young person's words", 1)
    add_text(document, content.aspirations, missing="No aspirations recorded yet.")
    document.add_heading("Strengths", 1)
    add_text(document, content.strengths, missing="No strengths recorded yet.")

    document.add_heading("Education, employment and training history", 1)
    _history(document, content.spells)
    document.add_heading("Barriers", 1)
    _barriers(document, content)
    document.add_heading("Goals and actions", 1)
    _goals(document, content)
    document.add_heading("Sessions", 1)
    _sessions(document, content)
    document.add_heading("Milestones and outcomes", 1)
    _milestones(document, content)
    document.add_heading("Plan reviews", 1)
    _reviews(document, content)

    document.add_heading("Prepared by", 1)
    add_label(document, "Name", author.name)
    add_label(document, "Role", author.role)
    add_label(document, "Date", long_date(made_at.astimezone().date()))
    return document


def _details(content: CoachingPlanContent) -> list[tuple[str, str]]:
    current = content.current_spell
    status = "Open"
    if content.closed_on is not None:
        reason = f" ({content.closing_reason.strip()})" if content.closing_reason.strip() else ""
        status = f"Closed on {long_date(content.closed_on)}{reason}"
    return [
        ("Young person", content.person_name),
        ("Date of birth", long_date(content.date_of_birth)),
        ("Employment coach", content.coach),
        ("Plan started", long_date(content.started_on)),
        ("Plan", status),
        ("Doing now", _spell(current) if current else "Not recorded"),
        ("Next review", long_date(content.review_due_on, missing="Not set")),
    ]


def _spell(spell: SpellLine) -> str:
    where = f" with {spell.provider.strip()}" if spell.provider.strip() else ""
    return f"{spell.activity.label}{where}, since {long_date(spell.started_on)}"


def _history(document: Document, spells: tuple[SpellLine, ...]) -> None:
    if not spells:
        add_text(document, "", missing="No history recorded yet.")
        return
    add_grid(
        document,
        ("Activity", "From – to", "Provider or employer", "Hours a week", "Reason for change"),
        [
            (
                spell.activity.label,
                f"{long_date(spell.started_on)} –\n{long_date(spell.ended_on, missing='now')}",
                spell.provider or "–",
                str(spell.hours_per_week) if spell.hours_per_week is not None else "–",
                spell.reason_for_change or "–",
            )
            for spell in sorted(spells, key=lambda spell: spell.started_on)
        ],
        (Mm(34), Mm(32), Mm(34), Mm(18), TEXT_WIDTH - Mm(118)),
    )


def _barriers(document: Document, content: CoachingPlanContent) -> None:
    if not content.barriers:
        add_text(document, "", missing="No barriers recorded.")
        return
    open_count = sum(barrier.resolved_on is None for barrier in content.barriers)
    add_text(document, f"{len(content.barriers)} recorded; {open_count} not yet resolved.")
    add_grid(
        document,
        ("Barrier", "Status", "Detail", "What is being done"),
        [
            (
                barrier.label,
                barrier.status.label
                + (f"\n{long_date(barrier.resolved_on)}" if barrier.resolved_on else ""),
                barrier.detail or "–",
                barrier.action or "–",
            )
            for barrier in content.barriers
        ],
        (Mm(38), Mm(28), Mm(44), TEXT_WIDTH - Mm(110)),
    )


def _goals(document: Document, content: CoachingPlanContent) -> None:
    if not content.goals:
        add_text(document, "", missing="No goals agreed yet.")
        return
    # Progress at a glance first, then each goal with its actions.
    add_grid(
        document,
        ("Goal", "Target date", "Status", "Actions done"),
        [
            (
                f"{number}. {goal.description.strip()}",
                long_date(goal.target_on),
                _goal_status(goal),
                _progress(goal),
            )
            for number, goal in enumerate(content.goals, start=1)
        ],
        (TEXT_WIDTH - Mm(104), Mm(34), Mm(36), Mm(34)),
    )
    for number, goal in enumerate(content.goals, start=1):
        document.add_heading(f"Goal {number}: {goal.description.strip()}", 2)
        facts = document.add_paragraph()
        for label, text in (
            ("Target date", long_date(goal.target_on)),
            ("Status", _goal_status(goal)),
            ("Actions done", _progress(goal)),
        ):
            if facts.runs:
                facts.add_run("   ·   ")
            facts.add_run(f"{label}: ").bold = True
            facts.add_run(text)
        if goal.measure.strip():
            add_label(document, "Measure", goal.measure.strip())
        if goal.actions:
            add_grid(
                document,
                ("Action", "Owner", "Due", "Status"),
                [
                    (
                        action.description,
                        _owner(action),
                        long_date(action.due_on, missing="No date"),
                        action.status.label
                        + (f"\n{long_date(action.done_on)}" if action.done_on else ""),
                    )
                    for action in goal.actions
                ],
                (TEXT_WIDTH - Mm(110), Mm(38), Mm(36), Mm(36)),
            )


def _progress(goal: GoalLine) -> str:
    done, counted = goal.progress
    if not counted:
        return "No actions"
    return f"{done} of {counted} ({percent(done, counted)})"


def _owner(action: ActionLine) -> str:
    if action.owner is ActionOwner.OTHER_AGENCY and action.agency.strip():
        return action.agency.strip()
    return action.owner.label


def _goal_status(goal: GoalLine) -> str:
    if goal.achieved_on is not None:
        return f"{goal.status.label} on {long_date(goal.achieved_on)}"
    return goal.status.label


def _sessions(document: Document, content: CoachingPlanContent) -> None:
    held = content.sessions
    if content.next_meeting is not None:
        add_label(document, "Next session booked", _when(content.next_meeting, " at "))
    if not held:
        add_text(document, "", missing="No sessions held yet.")
        return
    attended = sum(session.attended for session in held)
    add_text(
        document,
        f"{len(held)} session{'s' if len(held) != 1 else ''} offered; the young person attended "
        f"{attended} ({percent(attended, len(held))}).",
    )
    add_grid(
        document,
        ("Date", "How", "Attended", "What was done", "Next steps"),
        [
            (
                _when(session.held_at),
                f"{session.mode.label}\n{session.minutes} min",
                "Yes" if session.attended else "Did not attend",
                session.what_was_done or "–",
                session.next_steps or "–",
            )
            for session in held
        ],
        (Mm(35), Mm(26), Mm(20), Mm(40), TEXT_WIDTH - Mm(121)),
    )


def _when(moment: datetime, between: str = "\n") -> str:
    return f"{long_date(moment.date())}{between}{moment:%H:%M}"


def _milestones(document: Document, content: CoachingPlanContent) -> None:
    if not content.milestones:
        add_text(document, "", missing="No milestones recorded yet.")
        return
    add_grid(
        document,
        ("Date", "Milestone", "Detail", "Evidence"),
        [
            (long_date(m.achieved_on), m.kind.label, m.detail or "–", m.evidence or "–")
            for m in sorted(content.milestones, key=lambda m: m.achieved_on)
        ],
        (Mm(32), Mm(38), Mm(45), TEXT_WIDTH - Mm(115)),
    )


def _reviews(document: Document, content: CoachingPlanContent) -> None:
    if not content.reviews:
        add_text(document, "", missing="The plan has not been reviewed yet.")
        return
    add_grid(
        document,
        ("Reviewed", "By", "Summary", "Next review"),
        [
            (
                long_date(review.reviewed_on),
                review.reviewed_by,
                review.summary or "–",
                long_date(review.next_review_on),
            )
            for review in content.reviews
        ],
        (Mm(32), Mm(34), TEXT_WIDTH - Mm(98), Mm(32)),
    )
