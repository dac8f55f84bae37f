"""The session-note templates: the unit's structured note and the common DAP, SOAP and BIRP
formats, each with the risk and safeguarding check every note must answer."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.choices import NoteFormat

# The key of the section where the risk and safeguarding check is described; every template
# has it, and the note's risk_concern answers it.
RISK_CHECK = "risk_check"


@dataclass(frozen=True)
class TemplateSection:
    key: str
    label: str
    hint: str


def _risk() -> TemplateSection:
    return TemplateSection(
        RISK_CHECK,
        "Risk and safeguarding check",
        "Any risk to or from anyone in the family; what was asked and what was said.",
    )


TEMPLATES: dict[NoteFormat, tuple[TemplateSection, ...]] = {
    NoteFormat.STRUCTURED: (
        TemplateSection(
            "presenting", "Presenting issues and themes", "What the family brought today."
        ),
        TemplateSection("hypotheses", "Hypotheses", "Current systemic hypotheses."),
        TemplateSection(
            "interventions", "Interventions used", "Circular questions, genograms, reframes…"
        ),
        TemplateSection("response", "The family's response", "How each member responded."),
        _risk(),
        TemplateSection("plan", "Plan for the next session", "Focus, tasks, who should come."),
    ),
    NoteFormat.DAP: (
        TemplateSection("data", "Data", "What was seen and heard in the session."),
        TemplateSection("assessment", "Assessment", "What it means; progress towards goals."),
        _risk(),
        TemplateSection("plan", "Plan", "Next steps and the next session."),
    ),
    NoteFormat.SOAP: (
        TemplateSection("subjective", "Subjective", "What the family reported, in their words."),
        TemplateSection("objective", "Objective", "What the therapist observed."),
        TemplateSection("assessment", "Assessment", "Clinical view and progress."),
        _risk(),
        TemplateSection("plan", "Plan", "Next steps and the next session."),
    ),
    NoteFormat.BIRP: (
        TemplateSection("behaviour", "Behaviour", "What the family presented with."),
        TemplateSection("intervention", "Intervention", "What the therapist did."),
        TemplateSection("response", "Response", "How the family responded."),
        _risk(),
        TemplateSection("plan", "Plan", "Next steps and the next session."),
    ),
}


def sections_of(note_format: NoteFormat) -> tuple[TemplateSection, ...]:
    return TEMPLATES[note_format]


def keys_of(note_format: NoteFormat) -> tuple[str, ...]:
    return tuple(section.key for section in TEMPLATES[note_format])


def label_of(note_format: NoteFormat, key: str) -> str:
    for section in TEMPLATES[note_format]:
        if section.key == key:
            return section.label
    return key


def convert(
    sections: dict[str, str], body: str, source: NoteFormat, target: NoteFormat
) -> tuple[dict[str, str], str]:
    """The note in another format, losing nothing: sections the target has keep their text;
    the text of the others moves, under its old heading, to the end of the free text."""
    kept = {key: text for key, text in sections.items() if key in keys_of(target) and text}
    moved = [
        f"{label_of(source, key)}:\n{text}"
        for key, text in sections.items()
        if key not in keys_of(target) and text.strip()
    ]
    return kept, "\n\n".join(part for part in (body.strip(), *moved) if part)
