"""Seeded synthetic chronology, therapy, coaching and meetings for the benchmark, as row dicts.

The chronology comes in batches (half a million entries would not fit comfortably in memory
as dicts); one young person, the "long chronology", gets up to 2,000 entries of their own.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from desktop.bench.synthetic_people import GIVEN, Row, Staff
from desktop.models.choices import (
    ActionStatus,
    CoachingMode,
    EntryType,
    MeetingKind,
    NoteFormat,
    SessionLocation,
    SessionOutcome,
    TherapyModel,
)
from desktop.services.demo_texts import CHRONOLOGY
from desktop.services.text_folding import fold_entry

LONG_CHRONOLOGY = 2_000
YEARS = 5
# Extra sentences so the full-text index holds a realistic spread of common and rare words.
SENTENCES = (
    "Attended school every day this week.",
    "Missed school on Monday and Tuesday; mum thinks he was in another town.",
    "Talked about staying safe on the way home from college.",
    "Worried about a group of older boys near the station.",
    "Found with a knife; police informed and a strategy meeting requested.",
    "Agreed to meet his mentor at the youth centre on Thursday.",
    "Sister says he has new trainers and a second phone.",
    "Signs of exploitation discussed with social care.",
    "Applied for a construction course starting in September.",
    "Quiet session; did not want to talk about the weekend.",
    "Return-home interview completed within 72 hours.",
    "Football on Saturday went well; coach pleased with his attitude.",
)
TYPES = tuple(EntryType)


def long_chronology_size(entries: int) -> int:
    return min(LONG_CHRONOLOGY, entries // 4)


def chronology_batches(
    chooser: random.Random,
    entries: int,
    people: list[Row],
    long_person: int,
    now: datetime,
    batch: int = 10_000,
) -> Iterator[list[Row]]:
    """`entries` entries in all: long_chronology_size() for long_person, the rest spread out."""
    long_count = long_chronology_size(entries)
    span = YEARS * 365 * 24 * 60
    rows: list[Row] = []
    for number in range(entries):
        person = people[long_person - 1] if number < long_count else chooser.choice(people)
        kind_code, title, text = chooser.choice(CHRONOLOGY)
        summary = f"{title} ({number})"
        detail = f"{text} {chooser.choice(SENTENCES)} {chooser.choice(SENTENCES)}"
        when = now - timedelta(minutes=chooser.randrange(60, span))
        rows.append(
            {
                "young_person_id": person["id"],
                "occurred_at": when,
                "entry_type": EntryType(kind_code),
                "author_id": person["key_worker_id"],
                "summary": summary,
                "detail": detail,
                "significant": chooser.random() < 0.1,
                "search_fold": fold_entry(summary, detail),
                "created_at": when,
            }
        )
        if len(rows) == batch:
            yield rows
            rows = []
    if rows:
        yield rows


def therapy_rows(
    chooser: random.Random, people: list[Row], staff: Staff, now: datetime
) -> dict[str, list[Row]]:
    """Family therapy for one young person in ten: a case, six sessions, a note for each."""
    tables: dict[str, list[Row]] = {
        "therapy_cases": [],
        "therapy_case_people": [],
        "therapy_sessions": [],
        "session_notes": [],
    }
    session_id = 0
    for case_id, person in enumerate(people[::10], start=1):
        therapist = chooser.choice(staff.therapists)
        started = now - timedelta(days=chooser.randrange(60, 700))
        tables["therapy_cases"].append(
            {
                "id": case_id,
                "therapist_id": therapist,
                "model_of_work": TherapyModel.SYSTEMIC,
                "consent_given": True,
                "goals": "Fewer arguments at home.",
                "started_on": started.date(),
                "created_at": started,
            }
        )
        tables["therapy_case_people"].append({"case_id": case_id, "young_person_id": person["id"]})
        for number in range(1, 7):
            session_id += 1
            held = started + timedelta(days=14 * number)
            tables["therapy_sessions"].append(
                {
                    "id": session_id,
                    "case_id": case_id,
                    "number": number,
                    "starts_at": held,
                    "minutes": 60,
                    "location": SessionLocation.HOME_VISIT,
                    "outcome": SessionOutcome.ATTENDED,
                    "created_at": held,
                }
            )
            tables["session_notes"].append(
                {
                    "session_id": session_id,
                    "author_id": therapist,
                    "note_format": NoteFormat.DAP,
                    "body": f"{chooser.choice(SENTENCES)} {chooser.choice(SENTENCES)}",
                    "shareable_summary": "Family engaged well.",
                    "process_notes": "Private reflections of the therapist.",
                    "created_at": held,
                    "saved_at": held,
                }
            )
    return tables


def coaching_rows(
    chooser: random.Random, people: list[Row], staff: Staff, now: datetime
) -> dict[str, list[Row]]:
    """Employment coaching for about one young person in seven: a plan and four sessions."""
    tables: dict[str, list[Row]] = {"coaching_plans": [], "coaching_sessions": []}
    for plan_id, person in enumerate(people[3::7], start=1):
        coach = chooser.choice(staff.coaches)
        started = now - timedelta(days=chooser.randrange(30, 600))
        tables["coaching_plans"].append(
            {
                "id": plan_id,
                "young_person_id": person["id"],
                "coach_id": coach,
                "started_on": started.date(),
                "aspirations": "I want to be an electrician.",
                "created_at": started,
                "updated_at": started,
            }
        )
        for number in range(4):
            held = started + timedelta(days=10 * (number + 1))
            tables["coaching_sessions"].append(
                {
                    "plan_id": plan_id,
                    "held_at": held,
                    "mode": CoachingMode.IN_PERSON,
                    "minutes": 45,
                    "attended": chooser.random() < 0.8,
                    "what_was_done": "Worked on the CV.",
                    "recorded_by_id": coach,
                    "created_at": held,
                }
            )
    return tables


def meeting_rows(
    chooser: random.Random, people: list[Row], staff: Staff, now: datetime
) -> dict[str, list[Row]]:
    """One meeting per ten young people, each about three of them, with items and actions."""
    tables: dict[str, list[Row]] = {
        "meetings": [],
        "meeting_people": [],
        "meeting_items": [],
        "meeting_actions": [],
    }
    kinds = list(MeetingKind)
    for meeting_id in range(1, max(1, len(people) // 10) + 1):
        held = now - timedelta(days=chooser.randrange(1, 900))
        tables["meetings"].append(
            {
                "id": meeting_id,
                "kind": chooser.choice(kinds),
                "held_at": held,
                "place": "Civic centre",
                "chair_name": "Casey Coordinator",
                "chair_id": staff.coordinator,
                "agenda": "Risks, plans and actions.",
                "created_by_id": staff.coordinator,
                "created_at": held,
                "updated_at": held,
            }
        )
        for person in chooser.sample(people, min(3, len(people))):
            tables["meeting_people"].append(
                {"meeting_id": meeting_id, "young_person_id": person["id"]}
            )
        for position in range(1, 4):
            tables["meeting_items"].append(
                {
                    "meeting_id": meeting_id,
                    "position": position,
                    "title": f"Item {position}",
                    "discussion": chooser.choice(SENTENCES),
                }
            )
        tables["meeting_actions"].append(
            {
                "meeting_id": meeting_id,
                "description": f"{chooser.choice(GIVEN)} to follow up with school.",
                "owner_id": chooser.choice(staff.workers),
                "due_on": (held + timedelta(days=14)).date(),
                "status": ActionStatus.TO_DO,
                "created_at": held,
                "updated_at": held,
            }
        )
    return tables
