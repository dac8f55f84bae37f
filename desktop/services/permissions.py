"""What each role may reach: sections of the application and young people's records.

Enforced here, in the service layer; the views only hide what a service would refuse anyway.
"""

from __future__ import annotations

import enum

from desktop.models.accounts import Role


class Section(enum.StrEnum):
    CASELOAD = "caseload"
    FAMILY_THERAPY = "family_therapy"
    EMPLOYMENT_COACHING = "employment_coaching"
    MEETINGS = "meetings"
    COMMUNITY = "community"
    ANALYSIS = "analysis"
    DATA_PROTECTION = "data_protection"
    ADMINISTRATION = "administration"

    @property
    def label(self) -> str:
        return SECTION_LABELS[self]


SECTION_LABELS = {
    Section.CASELOAD: "Caseload",
    Section.FAMILY_THERAPY: "Family therapy",
    Section.EMPLOYMENT_COACHING: "Employment coaching",
    Section.MEETINGS: "Meetings",
    Section.COMMUNITY: "Community",
    Section.ANALYSIS: "Analysis",
    Section.DATA_PROTECTION: "Data protection",
    Section.ADMINISTRATION: "Administration",
}

ROLE_SECTIONS: dict[Role, frozenset[Section]] = {
    Role.COORDINATOR: frozenset(Section),
    Role.GANGS_WORKER: frozenset({Section.CASELOAD, Section.MEETINGS, Section.COMMUNITY}),
    Role.FAMILY_THERAPIST: frozenset({Section.CASELOAD, Section.FAMILY_THERAPY, Section.MEETINGS}),
    Role.EMPLOYMENT_COACH: frozenset(
        {Section.CASELOAD, Section.EMPLOYMENT_COACHING, Section.MEETINGS}
    ),
    Role.ADVOCATE: frozenset({Section.CASELOAD, Section.MEETINGS, Section.COMMUNITY}),
    Role.ENFORCEMENT_OFFICER: frozenset({Section.CASELOAD, Section.MEETINGS}),
    # The analyst works with figures, not names.
    Role.ANALYST: frozenset({Section.ANALYSIS, Section.COMMUNITY}),
    Role.COMMUNITY_OFFICER: frozenset({Section.COMMUNITY, Section.MEETINGS}),
}


class RecordScope(enum.Enum):
    ALL = "all"  # the whole caseload
    ALLOCATED = "allocated"  # only young people they are key worker for or allocated to
    NONE = "none"  # no named records


ROLE_RECORD_SCOPE: dict[Role, RecordScope] = {
    Role.COORDINATOR: RecordScope.ALL,
    Role.GANGS_WORKER: RecordScope.ALL,  # gangs workers cover each other's caseloads
    Role.FAMILY_THERAPIST: RecordScope.ALLOCATED,
    Role.EMPLOYMENT_COACH: RecordScope.ALLOCATED,
    Role.ADVOCATE: RecordScope.ALLOCATED,
    Role.ENFORCEMENT_OFFICER: RecordScope.ALLOCATED,
    Role.ANALYST: RecordScope.NONE,
    Role.COMMUNITY_OFFICER: RecordScope.NONE,
}

# Roles that may add young people to the caseload.
CAN_CREATE_YOUNG_PEOPLE = frozenset({Role.COORDINATOR, Role.GANGS_WORKER})


class PermissionDeniedError(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(f"Your role does not allow you to {what}.")


def sections_for(role: Role) -> frozenset[Section]:
    return ROLE_SECTIONS[role]


def require_section(role: Role, section: Section) -> None:
    if section not in ROLE_SECTIONS[role]:
        raise PermissionDeniedError(f"open {section.label}")
