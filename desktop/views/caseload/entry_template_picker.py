"""The Template list at the top of a new chronology entry: it fills the type, summary and detail
the user has not written themselves, and never overwrites what they have."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.models.choices import EntryType
from desktop.services.entry_templates import ENTRY_TEMPLATES, EntryTemplate, template
from desktop.views.common import field_binding

TEMPLATE_HINT = "Fills the type, summary and detail where you have not written anything yet."


class EntryTemplatePicker(QWidget):
    """Only empty fields, or fields still as an earlier template left them, are filled: the
    user's own words are kept and the hint says so (no question to answer mid-sentence). The
    type is set until the user picks one themselves."""

    def __init__(
        self,
        entry_type: QComboBox,
        summary: QLineEdit,
        detail: QPlainTextEdit,
        default_type: Callable[[], EntryType],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._entry_type = entry_type
        self._fields: tuple[tuple[str, QWidget], ...] = (("summary", summary), ("detail", detail))
        self._default_type = default_type
        # The text the template put in each field, to tell its words from the user's.
        self._filled: dict[str, str] = {}
        self.type_chosen = False
        self.combo = QComboBox()
        self.combo.addItem("No template", None)
        for known in ENTRY_TEMPLATES:
            self.combo.addItem(known.name, known.key)
        self.combo.setAccessibleName("Template")
        self.combo.setAccessibleDescription(TEMPLATE_HINT)
        self.combo.setToolTip(TEMPLATE_HINT)
        self.hint = QLabel(TEMPLATE_HINT)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("What the template did")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.hint, 1)
        self.setFocusProxy(self.combo)
        # activated is the user's own choice; the dialog's and the template's settings are not.
        entry_type.activated.connect(self._type_picked)
        self.combo.currentIndexChanged.connect(self._chosen)

    def _type_picked(self) -> None:
        self.type_chosen = True

    def _chosen(self) -> None:
        key = self.combo.currentData()
        self.apply(None if key is None else template(str(key)))

    def apply(self, chosen: EntryTemplate | None) -> None:
        """Fills what the user has not written; "No template" (None) takes a template's words
        back out."""
        if not self.type_chosen:
            kind = chosen.entry_type if chosen else self._default_type()
            self._entry_type.setCurrentIndex(self._entry_type.findData(kind.value))
        kept = []
        for name, widget in self._fields:
            current = field_binding.read(widget)
            if current.strip() and current != self._filled.get(name):
                kept.append(name)
                continue
            text = "" if chosen is None else str(getattr(chosen, name))
            field_binding.write(widget, text)
            self._filled[name] = text
            if isinstance(widget, QPlainTextEdit):
                # Alt+D then typing answers the first heading, not pushes it down.
                cursor = widget.textCursor()
                cursor.movePosition(QTextCursor.MoveOperation.Start)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                widget.setTextCursor(cursor)
        if chosen is not None and kept:
            self.hint.setText(f"Kept the {' and '.join(kept)} you wrote.")
        else:
            self.hint.setText(TEMPLATE_HINT)

    def reset(self, type_chosen: bool) -> None:
        """Back to no template, forgetting what was filled (the dialog refills the fields)."""
        self._filled.clear()
        blocked = self.combo.blockSignals(True)
        self.combo.setCurrentIndex(0)
        self.combo.blockSignals(blocked)
        self.hint.setText(TEMPLATE_HINT)
        self.type_chosen = type_chosen
