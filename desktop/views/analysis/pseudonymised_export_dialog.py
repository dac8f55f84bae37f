"""Saving the pseudonymised record-level workbook: what it holds and leaves out, an optional
password, the reminder that the file leaves the vault, and the writing done off the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.pseudonymised_export import PseudonymisedExportService
from desktop.views.common.path_choosers import PathChooser, save_path_chooser
from desktop.views.common.protected_document_dialog import ProtectedDocumentDialog, Writer

RECORDS_FILE = "Pseudonymised records.xlsx"
ABOUT = (
    "One row per young person, for analysis in Excel: a random ID made for this export only "
    "(two exports cannot be joined on it), the age band, gender, ethnicity, the postcode "
    "district, education or employment, case status, RAG rating, referral source, flags and "
    "interventions. No name, date of birth, full postcode, address, reference, date or note "
    'is written, and districts shared by fewer than 5 young people are written as "other". '
    "The export is recorded in the audit log."
)


choose_xlsx_path = save_path_chooser("Save the workbook as", "Excel workbooks (*.xlsx)")


class PseudonymisedExportDialog(ProtectedDocumentDialog):
    def __init__(
        self,
        export: PseudonymisedExportService,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_xlsx_path,
    ) -> None:
        super().__init__(
            "Pseudonymised records", ABOUT, RECORDS_FILE, "", parent, choose_path, program="Excel"
        )
        self._export = export

    def writer(self) -> Writer:
        export = self._export
        return lambda target, password: export.export(target, password).path
