"""The young person's own action plan: large type, plain words, first person, no codes."""

from __future__ import annotations

from datetime import date, datetime

from docx.document import Document
from docx.shared import Mm

from desktop.exports.coaching_content import ActionLine, CoachingPlanContent, GoalLine
from desktop.exports.document_base import (
    LARGE_PRINT,
    TEXT_WIDTH,
    DocumentInfo,
    add_details_table,
    add_grid,
    add_label,
    add_notice,
    add_text,
    add_title,
    long_date,
    new_document,
)
from desktop.models.choices import ActionOwner, GoalStatus, MilestoneKind

TITLE = "My action plan"
# A line to write on when the unit's number or email has not been set in Casebook.
WRITE_IN = "_______________________"

# Milestones as the young person would say them (the coach's labels are jargon here).
DONE_SO_FAR: dict[MilestoneKind, str] = {
    MilestoneKind.CV_WRITTEN: "I wrote my CV",
    MilestoneKind.ID_OBTAINED: "I got my ID",
    MilestoneKind.BANK_ACCOUNT: "I opened a bank account",
    MilestoneKind.CSCS_CARD: "I got my construction site card",
    MilestoneKind.OTHER_CARD: "I got a card or licence I need for work",
    MilestoneKind.APPLICATION: "I sent an application",
    MilestoneKind.INTERVIEW: "I went to an interview",
    MilestoneKind.OFFER: "I was offered a place",
    MilestoneKind.COURSE_START: "I started my course",
    MilestoneKind.APPRENTICESHIP_START: "I started my apprenticeship",
    MilestoneKind.JOB_START: "I started my job",
    MilestoneKind.SUSTAINED_4: "I kept it going for 4 weeks",
    MilestoneKind.SUSTAINED_13: "I kept it going for 13 weeks",
    MilestoneKind.SUSTAINED_26: "I kept it going for 26 weeks",
}


def build_action_plan(content: CoachingPlanContent, author: str, made_at: datetime) -> Document:
    document = new_document(DocumentInfo(TITLE, author, made_at), LARGE_PRINT)
    today = made_at.astimezone().date()
    add_title(document, "My plan", f"{content.called} · {long_date(today)}")
    add_notice(
        document,
        f"I made this plan with {_my_coach(content)}. We will change it when things change.",
    )

    document.add_heading("What I want", 1)
    add_text(document, content.aspirations, missing="We will write this together.")
    document.add_heading("What I'm good at", 1)
    add_text(document, content.strengths, missing="We will write this together.")

    document.add_heading("My goals", 1)
    _goals(document, content.goals)

    document.add_heading("My next steps", 1)
    _next_steps(document, content)

    done = _done_so_far(content)
    if done:
        document.add_heading("What I've done so far", 1)
        for line in done:
            document.add_paragraph(line, style="List Bullet")

    document.add_heading("When we meet next", 1)
    _meetings(document, content)

    document.add_heading("Who to call", 1)
    add_details_table(
        document,
        [
            ("My coach", content.coach),
            ("Phone", content.contact.phone or WRITE_IN),
            ("Email", content.contact.email or WRITE_IN),
        ],
    )
    add_text(document, "If I am in danger right now, I call 999.")
    return document


def _my_coach(content: CoachingPlanContent) -> str:
    first = content.coach_first_name
    return f"my coach {first}" if first else "my coach"


def _goals(document: Document, goals: tuple[GoalLine, ...]) -> None:
    # Dropped goals are left out: the plan says what the young person is working on now.
    shown = [goal for goal in goals if goal.status is not GoalStatus.DROPPED]
    shown.sort(key=lambda goal: (goal.status is GoalStatus.ACHIEVED, goal.target_on))
    if not shown:
        add_text(document, "", missing="We will choose my goals together.")
        return
    for number, goal in enumerate(shown, start=1):
        document.add_heading(f"{number}. {goal.description.strip()}", 2)
        if goal.status is GoalStatus.ACHIEVED:
            when = f" on {long_date(goal.achieved_on)}" if goal.achieved_on else ""
            add_text(document, f"I did it{when}. Well done!")
        else:
            add_text(document, f"I want to do this by {long_date(goal.target_on)}.")
        if goal.measure.strip():
            add_label(document, "How I will know", goal.measure.strip())


def _next_steps(document: Document, content: CoachingPlanContent) -> None:
    steps = [
        action
        for goal in content.goals
        if goal.status is GoalStatus.ACTIVE
        for action in goal.actions
        if action.is_open
    ]
    if not steps:
        add_text(document, "", missing="We will agree my next steps at our next meeting.")
        return
    steps.sort(key=lambda action: (action.due_on is None, action.due_on or date.max))
    add_grid(
        document,
        ("What", "Who does it", "When"),
        [(step.description.strip(), _who(step, content), _when(step)) for step in steps],
        (TEXT_WIDTH - Mm(84), Mm(42), Mm(42)),
    )


def _who(action: ActionLine, content: CoachingPlanContent) -> str:
    if action.owner is ActionOwner.YOUNG_PERSON:
        return "Me"
    if action.owner is ActionOwner.COACH:
        first = content.coach_first_name
        return f"My coach {first}" if first else "My coach"
    return action.agency.strip() or "Another service"


def _when(action: ActionLine) -> str:
    return f"by {long_date(action.due_on)}" if action.due_on else "When we agree"


def _done_so_far(content: CoachingPlanContent) -> list[str]:
    lines = []
    for milestone in sorted(content.milestones, key=lambda m: m.achieved_on):
        phrase = DONE_SO_FAR[milestone.kind]
        detail = milestone.detail.strip()
        lines.append(
            f"{phrase}{': ' + detail if detail else ''} ({long_date(milestone.achieved_on)})"
        )
    return lines


def _meetings(document: Document, content: CoachingPlanContent) -> None:
    first = content.coach_first_name or "my coach"
    if content.next_meeting is not None:
        add_text(document, f"I meet {first} next on {_day_and_time(content.next_meeting)}.")
    else:
        add_text(document, f"{first} will tell me when we meet next.")
    if content.review_due_on is not None:
        add_text(
            document,
            f"We will look at this plan again together by {long_date(content.review_due_on)}.",
        )


def _day_and_time(moment: datetime) -> str:
    """Tuesday 2 December 2026 at 3pm (3:30pm when not on the hour)."""
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    half = "am" if moment.hour < 12 else "pm"
    return f"{moment:%A} {long_date(moment.date())} at {hour}{minutes}{half}"
