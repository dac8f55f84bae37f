"""A plain-text note field that underlines misspellings and offers corrections on right-click."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox, QPlainTextEdit, QWidget

from desktop.services.personal_words_service import PersonalWordError, PersonalWordsService
from desktop.services.spell_checker import BritishSpellChecker
from desktop.views.common.spell_highlighter import SpellHighlighter, from_utf16, to_utf16

MAX_SUGGESTIONS = 6
# Opens the spelling menu at the text cursor; the context-menu key and Shift+F10 do as well.
MENU_SHORTCUT = "Ctrl+."
ADD_TO_DICTIONARY = "Add to my dictionary"
IGNORE = "Ignore"
NO_SUGGESTIONS = "(No suggestions)"
_POSSESSIVES = ("'s", "\u2019s")


@dataclass(frozen=True)
class MisspeltWord:
    """A misspelt word in the document: its text and where it lies (Qt positions)."""

    text: str
    start: int
    end: int


class SpellTextEdit(QPlainTextEdit):
    """Shares one BritishSpellChecker with every other note field, so a word added to the
    personal dictionary (or ignored) in one field stops being underlined in all of them."""

    def __init__(
        self,
        checker: BritishSpellChecker,
        personal_words: PersonalWordsService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._checker = checker
        self._personal_words = personal_words
        self._highlighter = SpellHighlighter(self.document(), checker)
        checker.add_listener(self._words_changed)  # held weakly: nothing to undo on close
        shortcut = QShortcut(QKeySequence(MENU_SHORTCUT), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self._menu_at_text_cursor)

    # ---- public --------------------------------------------------------------------------
    @property
    def highlighter(self) -> SpellHighlighter:
        return self._highlighter

    def spelling_enabled(self) -> bool:
        return self._highlighter.enabled

    def set_spelling_enabled(self, enabled: bool) -> None:
        self._highlighter.set_enabled(enabled)

    def misspelt_word_at(self, cursor: QTextCursor) -> MisspeltWord | None:
        """The underlined word the cursor stands in (or just after), if any; none in a
        read-only field, whose text no suggestion may change."""
        if not self._highlighter.enabled or self.isReadOnly():
            return None
        block = cursor.block()
        text = block.text()
        index = from_utf16(text, cursor.positionInBlock())
        for start, length in self._checker.misspelt_spans(text):
            if start <= index <= start + length:
                return MisspeltWord(
                    text[start : start + length],
                    block.position() + to_utf16(text, start),
                    block.position() + to_utf16(text, start + length),
                )
        return None

    def context_menu_for(self, cursor: QTextCursor, position: QPoint | None = None) -> QMenu:
        """The spelling suggestions and choices for the word at the cursor, above the standard
        edit menu. position (viewport coordinates) is where a mouse click was, if any. The
        caller shows the menu and deletes it."""
        menu = self.createStandardContextMenu(
            position if position is not None else self.cursorRect(cursor).center()
        )
        word = self.misspelt_word_at(cursor)
        if word is None:
            return menu
        ours: list[QAction] = []
        suggestions = self._checker.suggestions(word.text, MAX_SUGGESTIONS)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.triggered.connect(
                lambda _checked=False, s=suggestion, w=word: self._replace(w, s)
            )
            ours.append(action)
        if not suggestions:
            none = QAction(NO_SUGGESTIONS, menu)
            none.setEnabled(False)
            ours.append(none)
        ours.append(_separator(menu))
        add = QAction(ADD_TO_DICTIONARY, menu)
        add.triggered.connect(lambda _checked=False, w=word: self._add_to_dictionary(w.text))
        ignore = QAction(IGNORE, menu)
        ignore.setToolTip("Accept this word until you sign out")
        ignore.triggered.connect(lambda _checked=False, w=word: self._ignore(w.text))
        ours += [add, ignore]
        standard = menu.actions()
        if standard:
            ours.append(_separator(menu))
            menu.insertActions(standard[0], ours)
        else:
            menu.addActions(ours)
        return menu

    def context_menu_at(self, position: QPoint) -> QMenu:
        """The menu for a right-click at position (viewport coordinates)."""
        return self.context_menu_for(self.cursorForPosition(position), position)

    # ---- Qt overrides --------------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self._menu_at_text_cursor()
            return
        self._show(self.context_menu_at(event.pos()), event.globalPos())

    # ---- helpers -------------------------------------------------------------------------
    def _menu_at_text_cursor(self) -> None:
        cursor = self.textCursor()
        corner = self.cursorRect(cursor).bottomRight()
        self._show(self.context_menu_for(cursor), self.viewport().mapToGlobal(corner))

    def _show(self, menu: QMenu, at: QPoint) -> None:
        try:
            menu.exec(at)
        finally:
            menu.deleteLater()

    def _replace(self, word: MisspeltWord, replacement: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(word.start)
        cursor.setPosition(word.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != word.text:
            return  # the text changed while the menu was open
        cursor.beginEditBlock()  # one undo step
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def _add_to_dictionary(self, word: str) -> None:
        word = _dictionary_form(word)
        try:
            self._personal_words.add(word)
        except PersonalWordError as error:
            QMessageBox.warning(self, "Add to my dictionary", str(error))
            return
        self._checker.add_personal_words([word])

    def _ignore(self, word: str) -> None:
        self._checker.ignore(_dictionary_form(word))

    def _words_changed(self) -> None:
        # The field may have been closed (its C++ side deleted) before the listener went.
        with contextlib.suppress(RuntimeError):
            self._highlighter.rehighlight()


def _separator(menu: QMenu) -> QAction:
    separator = QAction(menu)
    separator.setSeparator(True)
    return separator


def _dictionary_form(word: str) -> str:
    """ "Tariq's" is taught as "Tariq" (the checker accepts the possessive of a known word)."""
    for ending in _POSSESSIVES:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word
