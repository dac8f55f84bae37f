"""The spelling note field, driven like a person would: typing underlines misspellings, the
right-click menu corrects them (one undo step), teaches the personal dictionary in the vault,
or ignores a word; and the menu opens from the keyboard too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.models.therapy import PersonalWord
from desktop.resources_path import resource
from desktop.services.personal_words_service import PersonalWordsService
from desktop.services.sign_in_service import SignedIn
from desktop.services.spell_checker import DICTIONARY_FOLDER, BritishSpellChecker
from desktop.views.common.spell_highlighter import UNDERLINE_COLOUR
from desktop.views.common.spell_text_edit import (
    ADD_TO_DICTIONARY,
    IGNORE,
    MENU_SHORTCUT,
    SpellTextEdit,
)
from tests.conftest import FakeClock

NAME = "Hassanatu"


@pytest.fixture
def checker() -> BritishSpellChecker:
    return BritishSpellChecker(resource(DICTIONARY_FOLDER))


@pytest.fixture
def words(coordinator: tuple[SignedIn, str], clock: FakeClock) -> PersonalWordsService:
    signed_in, _recovery = coordinator
    return PersonalWordsService(signed_in.vault.sessions, signed_in.user, clock)


@pytest.fixture
def fields(
    qtbot: QtBot, checker: BritishSpellChecker, words: PersonalWordsService
) -> Iterator[tuple[SpellTextEdit, SpellTextEdit]]:
    """Two note fields in one window, sharing one checker, as a note editor has them."""
    window = QWidget()
    qtbot.addWidget(window)
    first, second = SpellTextEdit(checker, words), SpellTextEdit(checker, words)
    column = QVBoxLayout(window)
    column.addWidget(first)
    column.addWidget(second)
    window.show()
    qtbot.waitExposed(window)
    yield first, second


def underlined(edit: SpellTextEdit, block_number: int = 0) -> list[str]:
    """The text of every underlined range in a paragraph, as the highlighter formatted it."""
    block = edit.document().findBlockByNumber(block_number)
    # Qt's positions count UTF-16 units, so slice the text as UTF-16.
    units = block.text().encode("utf-16-le")
    found = []
    for selection in block.layout().formats():
        style = selection.format.underlineStyle()
        assert style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        assert selection.format.underlineColor() == QColor(UNDERLINE_COLOUR)
        start, end = 2 * selection.start, 2 * (selection.start + selection.length)
        found.append(units[start:end].decode("utf-16-le"))
    return found


def cursor_in(edit: SpellTextEdit, word: str, occurrence: int = 0) -> QTextCursor:
    text = edit.toPlainText()
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    cursor = edit.textCursor()
    cursor.setPosition(start + 2)  # inside the word
    return cursor


def menu_texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def trigger(menu: QMenu, text: str) -> None:
    [action] = [action for action in menu.actions() if action.text() == text]
    action.trigger()
    menu.deleteLater()


def test_typing_underlines_misspelt_words_only(
    qtbot: QtBot, fields: tuple[SpellTextEdit, SpellTextEdit]
) -> None:
    edit, _other = fields
    qtbot.keyClicks(edit, "The colur of teh organisation's CCE plan, SCORE-15 and color.")
    assert underlined(edit) == ["colur", "teh", "color"]
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Second paragraph is fine")
    assert underlined(edit, 1) == []
    qtbot.keyClicks(edit, " but thsi is not")
    assert underlined(edit, 1) == ["thsi"]


def test_positions_after_an_emoji_are_counted_as_qt_counts_them(
    fields: tuple[SpellTextEdit, SpellTextEdit],
) -> None:
    edit, _other = fields
    edit.setPlainText("Smiled 😀 then said teh end")
    # The emoji is two UTF-16 units: a Python index would underline " te" instead.
    assert underlined(edit) == ["teh"]
    menu = edit.context_menu_for(cursor_in(edit, "teh"))
    trigger(menu, "the")
    assert edit.toPlainText() == "Smiled 😀 then said the end"


def test_a_suggestion_replaces_the_word_and_ctrl_z_undoes_it(
    qtbot: QtBot, fields: tuple[SpellTextEdit, SpellTextEdit]
) -> None:
    edit, _other = fields
    qtbot.keyClicks(edit, "The colur of the car")
    cursor = cursor_in(edit, "colur")
    menu = edit.context_menu_at(edit.cursorRect(cursor).center())
    texts = menu_texts(menu)
    assert texts[0] == "colour"
    assert texts.index(ADD_TO_DICTIONARY) < texts.index(IGNORE)
    assert texts.index(IGNORE) < texts.index(ADD_TO_DICTIONARY) + 2
    # The standard edit menu follows (its first entry is Undo, whatever its shortcut text).
    assert any(text.replace("&", "").startswith("Undo") for text in texts)
    trigger(menu, "colour")
    assert edit.toPlainText() == "The colour of the car"
    assert underlined(edit) == []
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "The colur of the car"  # one step, back to what was typed
    assert underlined(edit) == ["colur"]


def test_no_spelling_entries_over_a_correct_word(
    fields: tuple[SpellTextEdit, SpellTextEdit],
) -> None:
    edit, _other = fields
    edit.setPlainText("The colour of the car")
    texts = menu_texts(edit.context_menu_for(cursor_in(edit, "colour")))
    assert ADD_TO_DICTIONARY not in texts and IGNORE not in texts
    assert "colour" not in texts
    # A read-only field (a signed note) offers no change at all.
    edit.setPlainText("The colur of the car")
    assert menu_texts(edit.context_menu_for(cursor_in(edit, "colur")))[0] == "colour"
    edit.setReadOnly(True)
    texts = menu_texts(edit.context_menu_for(cursor_in(edit, "colur")))
    assert "colour" not in texts and ADD_TO_DICTIONARY not in texts


def test_add_to_my_dictionary_stores_it_in_the_vault_and_clears_every_field(
    qtbot: QtBot,
    fields: tuple[SpellTextEdit, SpellTextEdit],
    words: PersonalWordsService,
    coordinator: tuple[SignedIn, str],
) -> None:
    edit, other = fields
    qtbot.keyClicks(edit, f"Met {NAME} at school; teh visit went well")
    other.setPlainText(f"{NAME}'s mum joined")
    assert underlined(edit) == [NAME, "teh"]
    assert underlined(other) == [f"{NAME}'s"]
    trigger(edit.context_menu_for(cursor_in(edit, NAME)), ADD_TO_DICTIONARY)
    assert underlined(edit) == ["teh"]
    assert underlined(other) == []
    assert words.words() == [NAME]
    signed_in, _recovery = coordinator
    with signed_in.vault.sessions.begin() as session:
        assert session.execute(select(PersonalWord.word)).scalars().all() == [NAME]
    # The next sign-in's checker learns it from the vault.
    fresh = BritishSpellChecker(resource(DICTIONARY_FOLDER))
    fresh.set_personal_words(words.words())
    assert fresh.misspelt_spans(NAME) == []


def test_ignore_accepts_the_word_for_this_session_without_storing_it(
    fields: tuple[SpellTextEdit, SpellTextEdit], words: PersonalWordsService
) -> None:
    edit, other = fields
    edit.setPlainText(f"{NAME} and teh")
    other.setPlainText(NAME)
    trigger(edit.context_menu_for(cursor_in(edit, NAME)), IGNORE)
    assert underlined(edit) == ["teh"]
    assert underlined(other) == []
    assert words.words() == []


def test_spelling_can_be_switched_off(fields: tuple[SpellTextEdit, SpellTextEdit]) -> None:
    edit, _other = fields
    edit.setPlainText("teh colur")
    edit.set_spelling_enabled(False)
    assert not edit.spelling_enabled()
    assert underlined(edit) == []
    assert ADD_TO_DICTIONARY not in menu_texts(edit.context_menu_for(cursor_in(edit, "teh")))
    edit.set_spelling_enabled(True)
    assert underlined(edit) == ["teh", "colur"]


def test_the_menu_opens_from_the_keyboard_at_the_text_cursor(
    qtbot: QtBot, fields: tuple[SpellTextEdit, SpellTextEdit]
) -> None:
    edit, _other = fields
    edit.window().activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=2000)
    edit.setFocus()
    qtbot.keyClicks(edit, "we spoke about teh")
    seen: list[list[str]] = []

    def read_and_close() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            seen.append(menu_texts(popup))
            popup.close()

    QTimer.singleShot(100, read_and_close)
    qtbot.keyClick(edit, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    # The context-menu key and Shift+F10 reach the field as a keyboard context-menu event (the
    # platform makes it from the key press, which qtbot cannot imitate, so send the event).
    QTimer.singleShot(100, read_and_close)
    QApplication.sendEvent(
        edit,
        QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), edit.mapToGlobal(QPoint(0, 0))
        ),
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    assert MENU_SHORTCUT == "Ctrl+."
    assert len(seen) == 2
    for texts in seen:
        assert texts[0] == "the"
        assert ADD_TO_DICTIONARY in texts
