"""Help › Keyboard shortcuts: every shortcut in one list, grouped by where it works."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views.shell.shortcut_collector import EVERYWHERE, Shortcut, collect

if TYPE_CHECKING:  # the workspace imports every section: not needed to show the list
    from desktop.views.shell.workspace import Workspace

# Pages and dialogs built only when opened (a record's tabs, an entry dialog, the SAR review
# window): the live window cannot report them until then. tests/gui/test_shortcut_list.py
# opens each of them and fails if this list and the widgets disagree.
LATER = (
    Shortcut("Caseload", "Ctrl+E", "Add a chronology entry (in an open record)"),
    Shortcut("Caseload", "Ctrl+Shift+P", "Case conference report (in an open record)"),
    Shortcut("Caseload", "Esc", "Back to the caseload (unsaved text is kept as a draft)"),
    Shortcut("Caseload › Details", "Ctrl+S", "Save the young person's details"),
    Shortcut("Caseload › Chronology", "Ctrl+H", "History of the chosen entry"),
    Shortcut("Caseload › Chronology", "Del", "Delete the chosen entry"),
    Shortcut("Caseload › Referrals", "Ctrl+Shift+R", "Record referral"),
    Shortcut("Caseload › Referrals", "Ctrl+Shift+D", "Decide"),
    Shortcut("Caseload › Status & risk", "Ctrl+Shift+S", "Change status"),
    Shortcut("Caseload › Status & risk", "Ctrl+Shift+G", "Change RAG"),
    Shortcut("Caseload › Status & risk", "Ctrl+Shift+F", "Add flag"),
    Shortcut("Caseload › Status & risk", "Del", "Delete the chosen flag"),
    Shortcut("Caseload › Interventions", "Ctrl+Shift+I", "Record intervention"),
    Shortcut("Caseload › Interventions", "Ctrl+Shift+O", "End"),
    Shortcut("Caseload › Tasks", "Ctrl+Shift+T", "Add task"),
    Shortcut("Caseload › Tasks", "Ctrl+Return", "Mark done"),
    Shortcut("Caseload › Sharing", "Ctrl+Shift+N", "Add consent or decision to share"),
    Shortcut("Caseload › Sharing", "Ctrl+Shift+W", "Withdraw"),
    Shortcut("Forms", "Ctrl+Return", "Save and close the form (Ctrl+Enter on the keypad)"),
    Shortcut("Text boxes", "Ctrl+.", "Spelling suggestions at the text cursor"),
    Shortcut("Family therapy", "Esc", "Back to the list"),
    Shortcut("Family therapy › Details", "Ctrl+E", "Edit the case's details"),
    Shortcut("Family therapy › Sessions", "Ctrl+Shift+S", "Record session"),
    Shortcut("Family therapy › Sessions", "Ctrl+E", "Edit session"),
    Shortcut("Session note", "Ctrl+S", "Save the note now"),
    Shortcut("Session note", "Esc", "Close the note (the draft is kept)"),
    Shortcut("Employment coaching", "Esc", "Back to the list"),
    Shortcut("Employment coaching › Plan", "Ctrl+E", "Edit plan"),
    Shortcut("Employment coaching › Sessions", "Ctrl+Shift+S", "Record session"),
    Shortcut("Employment coaching › Sessions", "Ctrl+E", "Edit session"),
    Shortcut("Meetings", "Esc", "Back to the list"),
    Shortcut("Subject access review", "Alt+Left", "Previous"),
    Shortcut("Subject access review", "Alt+Right", "Next"),
    Shortcut("Subject access review", "Ctrl+[", "The item before"),
    Shortcut("Subject access review", "Ctrl+]", "The item after"),
    Shortcut("Subject access review", "Ctrl+U", "Next undecided"),
    Shortcut("Subject access review", "Ctrl+R", "Redact here"),
    Shortcut("Subject access review", "Ctrl+Shift+R", "Redact everywhere"),
    Shortcut("Subject access review", "Ctrl+Z", "Undo last redaction"),
    Shortcut("Subject access review", "Ctrl+Return", "Save decision"),
    Shortcut("Subject access review", "Esc", "Close the review"),
)
# Which section each of the later scopes belongs to: a role without it is not shown them.
LATER_SECTION: dict[str, str | None] = {
    "Text boxes": None,  # every role writes
    "Forms": None,  # every role fills in forms
    "Session note": "Family therapy",
    "Subject access review": "Data protection",
}
MNEMONICS = Shortcut(EVERYWHERE, "Alt+underlined letter", "Go to that field, button or tab")


def gather(window: QWidget, workspace: Workspace | None) -> list[Shortcut]:
    """The live window's shortcuts, then those of pages not opened yet, for this role only."""
    if workspace is not None:
        # Sections not shown yet are built now (not shown: their slow work waits for that), so
        # their keys are read from their widgets like the rest.
        for section in workspace.sections:
            workspace.view(section)
    views = workspace.views if workspace is not None else {}
    sections = {view: section.label for section, view in views.items()}
    labels = [section.label for section in workspace.sections] if workspace else []
    found = [item.shortcut for item in collect(window, sections)]
    found.append(MNEMONICS)
    for entry in LATER:
        home = LATER_SECTION.get(entry.scope, entry.scope.split(" › ")[0])
        if home is None or home in labels:
            found.append(entry)
    return ordered(found, labels)


def ordered(entries: Iterable[Shortcut], section_labels: Sequence[str]) -> list[Shortcut]:
    """One line per scope and keys; Everywhere first, then the sections in the user's order."""
    unique: dict[tuple[str, str], Shortcut] = {}
    for entry in entries:
        unique.setdefault((entry.scope, entry.keys), entry)
    rank = {label: index for index, label in enumerate([EVERYWHERE, *section_labels])}

    def key(entry: Shortcut) -> tuple[int, str, str]:
        return (rank.get(entry.scope.split(" › ")[0], len(rank)), entry.scope, entry.keys)

    return sorted(unique.values(), key=key)


class ShortcutsDialog(QDialog):
    def __init__(self, shortcuts: Sequence[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        intro = QLabel("The keys for what you can do, grouped by where they work.")
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Keys", "Does"])
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in shortcuts:
            group = groups.get(entry.scope)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.scope])
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[entry.scope] = group
            QTreeWidgetItem(group, [entry.keys, entry.meaning])
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(660, 640)
        self.tree.setFocus()

    def listed(self) -> list[Shortcut]:
        """What the dialog shows, read back from its rows."""
        rows: list[Shortcut] = []
        for group_index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(group_index)
            assert group is not None
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                assert child is not None
                rows.append(Shortcut(group.text(0), child.text(0), child.text(1)))
        return rows
