"""A young person's details as the text each form field holds, and back (drafts use this too)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

from desktop.models.choices import EetStatus, Ethnicity, Gender, LegalStatus
from desktop.services.people_service import PersonDetails

ALIAS_SEPARATOR = ";"
CHOICES = {
    "gender": Gender,
    "ethnicity": Ethnicity,
    "eet_status": EetStatus,
    "legal_status": LegalStatus,
}


def to_fields(details: PersonDetails) -> dict[str, str]:
    result: dict[str, str] = {}
    for spec in fields(PersonDetails):
        value = getattr(details, spec.name)
        if spec.name == "aliases":
            result[spec.name] = f"{ALIAS_SEPARATOR} ".join(value)
        elif spec.name == "allocated_ids":
            result[spec.name] = ",".join(str(account_id) for account_id in value)
        elif isinstance(value, bool):
            result[spec.name] = "1" if value else ""
        elif isinstance(value, date):
            result[spec.name] = value.isoformat()
        else:
            result[spec.name] = "" if value is None else str(value)
    return result


def from_fields(values: dict[str, str], base: PersonDetails) -> PersonDetails:
    """The details with every field the form holds taken from its text; the rest from base."""
    changes: dict[str, object] = {}
    for name, text in values.items():
        if name == "aliases":
            changes[name] = [
                alias.strip() for alias in text.split(ALIAS_SEPARATOR) if alias.strip()
            ]
        elif name == "allocated_ids":
            changes[name] = [int(part) for part in text.split(",") if part]
        elif name == "key_worker_id":
            changes[name] = int(text) if text else None
        elif name == "date_of_birth":
            changes[name] = date.fromisoformat(text) if text else None
        elif name == "interpreter_needed":
            changes[name] = bool(text)
        elif name in CHOICES:
            changes[name] = CHOICES[name](text) if text else getattr(PersonDetails(), name)
        elif hasattr(base, name):
            changes[name] = text
    return replace(base, **changes)  # type: ignore[arg-type]
