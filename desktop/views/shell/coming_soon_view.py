"""A section whose work has not landed yet: says what is coming instead of an empty screen."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.permissions import Section

COMING = {
    Section.FAMILY_THERAPY: (
        "Therapy cases for families on the caseload, session diary and attendance, signed "
        "session notes with confidential process notes, and outcome measures such as SCORE-15."
    ),
    Section.EMPLOYMENT_COACHING: (
        "Coaching plans with EET history, barriers, SMART goals, actions, sessions, milestones "
        "and outcomes."
    ),
    Section.MEETINGS: (
        "Case conferences, strategy meetings, MACE panels and the weekly ASB and IGXU meeting, "
        "with actions and Word documents for partners."
    ),
    Section.COMMUNITY: (
        "Partners directory, community events and insight reports, training, ride-outs and "
        "critical incident support."
    ),
    Section.ANALYSIS: ("Caseload profile, disproportionality, outcomes and trends, without names."),
}


class ComingSoonView(QWidget):
    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(section.label)
        title.setObjectName("pageTitle")
        body = QLabel(
            f"<p>This part of Casebook is on its way.</p><p>It will hold: {COMING[section]}</p>"
        )
        body.setWordWrap(True)
        body.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addStretch(1)
