"""Built-in templates for the chronology entries gangs workers write most: a type, a summary and
a skeleton of the detail, so a run of similar entries starts half written."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.choices import EntryType


@dataclass(frozen=True)
class EntryTemplate:
    key: str  # stable, for tests and any later per-user ordering
    name: str  # what the Template list shows
    entry_type: EntryType
    summary: str
    detail: str  # headings to write under, never anyone's details


def _lines(*headings: str) -> str:
    return "\n".join(f"{heading}: " for heading in headings)


# Most used first: the list is reached with Down from "No template", so the commonest entry is
# one key away. The skeletons ask what a case-conference reader needs from each kind of entry.
ENTRY_TEMPLATES: tuple[EntryTemplate, ...] = (
    EntryTemplate(
        "ride_out",
        "Ride-out contact",
        EntryType.RIDE_OUT,
        "Seen on ride-out",
        _lines("Where", "Who with", "How they seemed", "What was said", "Next steps"),
    ),
    EntryTemplate(
        "home_visit_no_answer",
        "Home visit – no answer",
        EntryType.VISIT,
        "Home visit – no answer",
        _lines("Time", "Card left (yes/no)", "Anyone else seen", "Next steps"),
    ),
    EntryTemplate(
        "parent_call",
        "Phone call with parent/carer",
        EntryType.PHONE,
        "Phone call with parent/carer",
        _lines("Spoke to", "What was discussed", "Concerns raised", "Agreed next steps"),
    ),
    EntryTemplate(
        "school_check_in",
        "School check-in",
        EntryType.PHONE,
        "Check-in with school",
        _lines("Spoke to (role)", "Attendance", "Behaviour and concerns", "Next steps"),
    ),
    EntryTemplate(
        "return_home_interview",
        "Return home interview done",
        EntryType.VISIT,
        "Return home interview done",
        _lines(
            "Missing from and to",
            "Where they were",
            "Who with",
            "Why they went, in their words",
            "Risks seen (exploitation, county lines)",
            "Actions and referrals",
        ),
    ),
)


def template(key: str) -> EntryTemplate:
    """The template with that key; KeyError if there is none."""
    for found in ENTRY_TEMPLATES:
        if found.key == key:
            return found
    raise KeyError(key)
