"""ACCEPTANCE (issue 13, right-to-left and mixed text): a young person whose names are in Arabic
script and a chronology note mixing Arabic and English, typed key by key into the real form and
entry dialog, edited with Home, End, Delete and Backspace, saved, shown back unchanged, listed
and sorted by name among English names, and found by the quick search and the chronology search.

With CASEBOOK_SHOTS_DIR set, it also saves screenshots of the form, the lists and the dialog.
"""

from __future__ import annotations

import os
from datetime import timedelta

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.models.choices import EntryType
from desktop.services.bundle import Services
from desktop.services.chronology_service import EntryInput
from desktop.services.people_service import PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.caseload.chronology_dialogs import EntryDialog
from desktop.views.caseload.chronology_search_view import ChronologySearchView
from desktop.views.caseload.chronology_table_model import SUMMARY_COLUMN
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.caseload.tabs.chronology_tab import ChronologyTab
from desktop.views.common.text_direction_delegate import TextDirectionDelegate
from desktop.views.home.my_work_view import MyWorkView
from tests.conftest import COORDINATOR_USERNAME, FakeClock, FastKdfPolicy
from tests.gui.conftest import WindowFactory, sign_in
from tests.gui.keyboard_driver import check, on_modal

LEFT = Qt.MouseButton.LeftButton
NAME_COLUMN = 1
NOTE = "Met محمد at school; he said الحمد لله and agreed to the plan."
ARABIC_NOTE = "اتصلت بوالدته: هو بخير."  # "Phoned his mother: he is well."
# Already on the caseload: English names a code-point sort misplaces, and a mixed name.
OTHERS = (("Sam", "Adams"), ("Dana", "de Souza"), ("Ömer", "Ölmez"), ("Zara", "Zed"))
MIXED = ("Yusuf", "أمين")
BY_NAME = [
    "Sam Adams",
    "Dana de Souza",
    "Ömer Ölmez",
    "Zara Zed",
    "محمد الحسن",  # ا ل …
    "Yusuf أمين",  # ا م …: the hamza does not put it first
]


def type_keys(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Each character as one key press carrying it, as a keyboard with an Arabic layout sends
    it. (QTest.keyClicks maps characters to keys through an ASCII table and aborts on any
    other.)"""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(widget, character)
        else:
            key = Qt.Key(ord(character))
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, widget, key, character, Qt.KeyboardModifier.NoModifier
            )


def press(qtbot: QtBot, window: QWidget, key: Qt.Key, control: bool = False) -> None:
    """A key pressed wherever the focus is, in the active window (shortcuts reach only an
    active window; offscreen, activation is not given back after a page change)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    focused = QApplication.focusWidget()
    assert focused is not None
    modifier = Qt.KeyboardModifier.ControlModifier if control else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(focused, key, modifier)


def _caseload(window: object) -> CaseloadView:
    workspace = getattr(window, "workspace", None)
    assert workspace is not None and isinstance(workspace.caseload, CaseloadView)
    return workspace.caseload


def _listed(caseload: CaseloadView) -> list[str]:
    model = caseload.model
    return [
        model.index(row, NAME_COLUMN).data(Qt.ItemDataRole.DisplayRole)
        for row in range(model.rowCount())
    ]


def _click_name_header(qtbot: QtBot, caseload: CaseloadView) -> None:
    header = caseload.table.horizontalHeader()
    middle = header.sectionViewportPosition(NAME_COLUMN) + header.sectionSize(NAME_COLUMN) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(middle, header.height() // 2))


def _cell_direction(view: QAbstractItemView, index: QModelIndex) -> tuple[Qt.LayoutDirection, bool]:
    """How the view's delegate lays the cell out: its direction, and whether it keeps to the
    left edge."""
    delegate = view.itemDelegate()
    assert isinstance(delegate, TextDirectionDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    delegate.initStyleOption(option, index)
    alignment = option.displayAlignment
    left = QStyle.visualAlignment(option.direction, alignment) & Qt.AlignmentFlag.AlignLeft
    return option.direction, bool(left)


def _shoot(widget: QWidget, name: str) -> None:
    shots = os.environ.get("CASEBOOK_SHOTS_DIR")
    if shots:
        QApplication.processEvents()
        widget.grab().save(os.path.join(shots, f"{name}.png"))


def test_arabic_names_and_a_mixed_note_through_the_real_window(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
) -> None:
    signed_in, _ = coordinator
    seeded = Services.for_session(signed_in, kdf, clock)
    me = signed_in.user.account_id
    for given, family in (*OTHERS, MIXED):
        seeded.people.create(PersonDetails(given, family, key_worker_id=me))
    window = window_factory()
    window.resize(1200, 760)
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    caseload = _caseload(window)

    # ---- the form: typed key by key, mistakes mended with the editing keys -------------
    qtbot.mouseClick(caseload.new_button, LEFT)
    form = caseload.form
    assert form is not None
    type_keys(qtbot, form.given_name, "مححمد")  # one ح too many
    assert form.given_name.text() == "مححمد"
    qtbot.keyClick(form.given_name, Qt.Key.Key_Home)  # the logical start: the first letter
    assert form.given_name.cursorPosition() == 0
    qtbot.keyClick(form.given_name, Qt.Key.Key_Delete)  # deletes the first letter, م
    assert form.given_name.text() == "ححمد"
    type_keys(qtbot, form.given_name, "م")
    assert (form.given_name.text(), form.given_name.cursorPosition()) == ("مححمد", 1)
    qtbot.keyClick(form.given_name, Qt.Key.Key_Delete)  # the ح after the cursor
    assert form.given_name.text() == "محمد"
    qtbot.keyClick(form.given_name, Qt.Key.Key_End)
    qtbot.keyClick(form.given_name, Qt.Key.Key_Backspace)  # the last letter typed, د
    assert form.given_name.text() == "محم"
    type_keys(qtbot, form.given_name, "د")
    # Right-to-left text: the Left arrow moves on through the word (logical order).
    qtbot.keyClick(form.given_name, Qt.Key.Key_Home)
    qtbot.keyClick(form.given_name, Qt.Key.Key_Left)
    assert form.given_name.cursorPosition() == 1
    type_keys(qtbot, form.family_name, "الحسن")
    type_keys(qtbot, form.known_as, "Mo")
    form.key_worker.setCurrentIndex(form.key_worker.findData(me))
    _shoot(window, "arabic_new_person_form")
    press(qtbot, window, Qt.Key.Key_S, control=True)
    record = caseload.open_page
    assert isinstance(record, PersonRecordView)
    person_id = record.record.id

    # Reopened from the list: shown back exactly as typed, in the form and the header.
    press(qtbot, window, Qt.Key.Key_Escape)
    assert caseload.open_page is None
    caseload.home.setCurrentWidget(caseload.list_page)
    row = _listed(caseload).index("محمد الحسن")
    caseload.table.setFocus()
    caseload.table.selectRow(row)
    qtbot.keyClick(caseload.table, Qt.Key.Key_Return)
    record = caseload.open_page
    assert isinstance(record, PersonRecordView) and record.record.id == person_id
    details = record.details_form
    assert (details.given_name.text(), details.family_name.text()) == ("محمد", "الحسن")
    assert details.known_as.text() == "Mo"
    assert record.record.display_name == "محمد الحسن"
    title = record.findChild(QLabel, "pageTitle")
    assert isinstance(title, QLabel) and title.text() == "IGX-000006 · محمد الحسن"
    _shoot(window, "arabic_record_details")

    # ---- a chronology note mixing the scripts, typed into the entry dialog (Ctrl+E) ------
    def write(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        type_keys(qtbot, dialog.summary, NOTE)
        type_keys(qtbot, dialog.detail, "قال إنه يريد البقاء في المدرسة.")
        qtbot.keyClick(dialog.significant, Qt.Key.Key_Space)
        _shoot(dialog, "arabic_chronology_entry_dialog")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    pending = on_modal(qtbot, write)
    press(qtbot, window, Qt.Key.Key_E, control=True)
    check(pending)
    chronology = record.tab_of(ChronologyTab)
    assert chronology is not None
    assert chronology.model.row_at(0).summary == NOTE
    # A summary written all in Arabic is laid out from the right, its full stop at its end.
    seeded.chronology.add_entry(
        person_id, EntryInput(clock.now() - timedelta(hours=1), EntryType.PHONE, ARABIC_NOTE)
    )
    chronology.reload()
    summaries = [chronology.model.row_at(row).summary for row in range(2)]
    assert summaries == [NOTE, ARABIC_NOTE]
    arabic = chronology.model.index(1, SUMMARY_COLUMN)
    assert _cell_direction(chronology.table, arabic)[0] == Qt.LayoutDirection.RightToLeft
    english = chronology.model.index(0, SUMMARY_COLUMN)
    assert _cell_direction(chronology.table, english)[0] == Qt.LayoutDirection.LeftToRight
    _shoot(window, "arabic_chronology_tab")

    def reopened(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        assert dialog.summary.text() == NOTE
        assert dialog.detail.toPlainText() == "قال إنه يريد البقاء في المدرسة."
        dialog.reject()

    pending = on_modal(qtbot, reopened)
    chronology.table.selectRow(0)
    chronology.edit_selected()
    check(pending)

    # ---- the caseload list: the exact names, sorted by clicking the Name header ----------
    press(qtbot, window, Qt.Key.Key_Escape)
    caseload.home.setCurrentWidget(caseload.list_page)
    assert _listed(caseload) == BY_NAME  # opened sorted by name
    _click_name_header(qtbot, caseload)
    assert caseload.model.filter.descending
    assert _listed(caseload) == BY_NAME[::-1]
    _click_name_header(qtbot, caseload)
    assert _listed(caseload) == BY_NAME
    # The exact name for display and for screen readers; laid out from the right (its own
    # direction), on the column's left edge like every other row; a mixed name that starts in
    # English reads left to right.
    cell = caseload.model.index(BY_NAME.index("محمد الحسن"), NAME_COLUMN)
    assert cell.data(Qt.ItemDataRole.AccessibleTextRole) == "محمد الحسن"
    assert cell.data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert caseload.table.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert _cell_direction(caseload.table, cell) == (Qt.LayoutDirection.RightToLeft, True)
    mixed = caseload.model.index(BY_NAME.index("Yusuf أمين"), NAME_COLUMN)
    assert _cell_direction(caseload.table, mixed) == (Qt.LayoutDirection.LeftToRight, True)
    _shoot(window, "arabic_caseload_sorted_by_name")

    # ---- the quick search, typed with harakat and without the alef's hamza ---------------
    caseload.focus_search()
    type_keys(qtbot, caseload.search, "مُحَمَّد")
    qtbot.keyClick(caseload.search, Qt.Key.Key_Return)  # searches at once, to the list
    assert _listed(caseload) == ["محمد الحسن"]
    caseload.search.clear()
    type_keys(qtbot, caseload.search, "امين")
    qtbot.keyClick(caseload.search, Qt.Key.Key_Return)
    assert _listed(caseload) == ["Yusuf أمين"]
    caseload.search.clear()
    qtbot.keyClick(caseload.search, Qt.Key.Key_Return)

    # ---- the chronology search: an Arabic word of the note finds it ----------------------
    search = next(v for v in caseload.home_views.values() if isinstance(v, ChronologySearchView))
    caseload.home.setCurrentWidget(search)
    type_keys(qtbot, search.search, "ألحمد")
    qtbot.keyClick(search.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=5000)
    hit = search.model.hit_at(0)
    assert (hit.person_id, hit.person_name, hit.summary) == (person_id, "محمد الحسن", NOTE)
    _shoot(window, "arabic_chronology_search")

    # ---- My work: the case listed by name among the English ones, known-as beside it -----
    my_work = next(v for v in caseload.home_views.values() if isinstance(v, MyWorkView))
    caseload.home.setCurrentWidget(my_work)
    qtbot.waitUntil(lambda: my_work.cases.model.rowCount() > 1, timeout=5000)
    shown = [
        my_work.cases.model.index(row, 2).data(Qt.ItemDataRole.DisplayRole)
        for row in range(my_work.cases.model.rowCount())
    ]
    assert [name for name in shown if name] == [
        "Sam Adams",
        "Dana de Souza",
        "Ömer Ölmez",
        "Zara Zed",
        "محمد الحسن (Mo)",
        "Yusuf أمين",
    ]
    name = my_work.cases.model.index(shown.index("محمد الحسن (Mo)"), 2)
    assert _cell_direction(my_work.cases.view, name) == (Qt.LayoutDirection.RightToLeft, True)
    if os.environ.get("CASEBOOK_SHOTS_DIR"):  # tall enough that My cases shows every row
        window.resize(1200, 1250)
        _shoot(my_work, "arabic_my_work")
