"""Dialogs to add a safeguarding flag (asking for the detail its kind needs) and to end one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop.services.risk_service import FlagRow, FlagTypeRow
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, day, text_area
from desktop.views.caseload.tabs.saving_dialog import SavingDialog


class AddFlagDialog(SavingDialog):
    def __init__(
        self, kinds: list[FlagTypeRow], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add flag", parent)
        self.kinds = {kind.id: kind for kind in kinds}
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of flag")
        self.kind.addItem("Choose…", None)
        for kind in kinds:
            self.kind.addItem(kind.label, kind.id)
        self.started_on = date_field(today, latest=today)
        self.started_on.setAccessibleName("Flagged since")
        self.source = QLineEdit()
        self.source.setAccessibleName("Source")
        self.source.setPlaceholderText("Where the information came from (required)")
        self.prompt = QLabel()
        self.prompt.setObjectName("notice")
        self.prompt.setWordWrap(True)
        self.detail = text_area("Anything that helps others weigh the flag", 3)
        self.detail.setAccessibleName("Detail")
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Since", self.started_on)
        self.form.addRow("S&ource", self.source)
        self.form.addRow("", self.prompt)
        detail_label = QLabel("&Detail")
        detail_label.setBuddy(self.detail)
        self.form.addRow(detail_label, self.detail)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.kind.setFocus()

    def chosen(self) -> FlagTypeRow | None:
        chosen = self.kind.currentData()
        return self.kinds.get(chosen) if isinstance(chosen, int) else None

    def since(self) -> date:
        chosen = date_of(self.started_on)
        assert chosen is not None  # the field has no empty value
        return chosen

    def _kind_changed(self) -> None:
        """Some kinds ask for more (which group, the NRM decision): say so beside the field."""
        kind = self.chosen()
        asks = kind is not None and bool(kind.detail_prompt)
        self.prompt.setText(f"{kind.label}: {kind.detail_prompt}" if kind and asks else "")
        self.prompt.setVisible(asks)
        self.detail.setAccessibleDescription(kind.detail_prompt if kind and asks else "")
        self.adjustSize()

    def problems(self) -> list[str]:
        kind = self.chosen()
        found = []
        if kind is None:
            found.append("Choose the kind of flag.")
        if not self.source.text().strip():
            found.append("Say where the information came from.")
        if kind is not None and kind.detail_prompt and not self.detail.toPlainText().strip():
            found.append(f"{kind.label}: {kind.detail_prompt}")
        return found


class EndFlagDialog(SavingDialog):
    def __init__(self, flag: FlagRow, today: date, parent: QWidget | None = None) -> None:
        super().__init__("End flag", parent)
        about = QLabel(
            f"{flag.label}, flagged since {day(flag.started_on)} (source: {flag.source})."
        )
        about.setWordWrap(True)
        self.form.addRow(about)
        self.ended_on = date_field(today, latest=today, earliest=flag.started_on)
        self.ended_on.setAccessibleName("Last flagged day")
        self.form.addRow("&Last flagged day", self.ended_on)
        note = QLabel("The flag still counts on this day and no longer from the day after.")
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.form.addRow("", note)

    def last_day(self) -> date:
        chosen = date_of(self.ended_on)
        assert chosen is not None  # the field has no empty value
        return chosen
