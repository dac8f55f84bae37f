"""Writing a dated addendum to a signed note: signed as it is saved, never changed after."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.services.therapy_note_service import TherapyInputError, TherapyNoteService
from desktop.views.common.form_dialog import FormDialog
from desktop.views.therapy.note_sections import EditorFactory, plain_editor, sized


class AddendumDialog(FormDialog):
    checks_as_you_type = False  # problems() saves the addendum: run it on OK only

    def __init__(
        self,
        notes: TherapyNoteService,
        note_id: int,
        parent: QWidget | None = None,
        make_editor: EditorFactory = plain_editor,
    ) -> None:
        super().__init__("Add an addendum", parent)
        self._notes = notes
        self._note_id = note_id
        self.addendum_id: int | None = None
        hint = QLabel(
            "The note itself stays as signed. The addendum is dated and signed as you save it, "
            "and cannot be changed afterwards."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.text = sized(make_editor(), 6)
        self.text.setAccessibleName("Addendum")
        self.form.addRow(hint)
        self.form.addRow("&Addendum", self.text)
        self.resize(520, 320)

    def problems(self) -> list[str]:
        if not self.text.toPlainText().strip():
            return ["Write the addendum before saving it."]
        try:
            self.addendum_id = self._notes.add_addendum(self._note_id, self.text.toPlainText())
        except TherapyInputError as error:
            return [str(error)]
        return []
