"""Underlines misspelt words in a text document with the platform's spell-check underline."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.services.spell_checker import BritishSpellChecker

UNDERLINE_COLOUR = "#d32f2f"


def utf16_offsets(text: str) -> list[int] | None:
    """Qt counts UTF-16 code units, Python counts code points; they differ only after a
    character beyond the Basic Multilingual Plane (an emoji). None when they agree; otherwise
    the UTF-16 offset of every Python index (and of the end)."""
    if all(ord(char) <= 0xFFFF for char in text):
        return None
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
    return offsets


def to_utf16(text: str, index: int) -> int:
    offsets = utf16_offsets(text)
    return index if offsets is None else offsets[index]


def from_utf16(text: str, position: int) -> int:
    offsets = utf16_offsets(text)
    if offsets is None:
        return position
    # The first Python index at or past the position (a position inside a surrogate pair is
    # not a place a cursor can stand).
    return next((index for index, offset in enumerate(offsets) if offset >= position), len(text))


def misspelt_format() -> QTextCharFormat:
    underline = QTextCharFormat()
    underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    underline.setUnderlineColor(QColor(UNDERLINE_COLOUR))
    return underline


class SpellHighlighter(QSyntaxHighlighter):
    """Qt calls highlightBlock only for the paragraph being typed in, and the checker caches
    its verdict per word, so checking on every keystroke stays cheap."""

    def __init__(self, document: QTextDocument, checker: BritishSpellChecker) -> None:
        super().__init__(document)
        self._checker = checker
        self._enabled = True
        self._format = misspelt_format()

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self._enabled = enabled
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not self._enabled or not text:
            return
        spans = self._checker.misspelt_spans(text)
        if not spans:
            return
        offsets = utf16_offsets(text)
        for start, length in spans:
            if offsets is None:
                self.setFormat(start, length, self._format)
            else:
                first = offsets[start]
                self.setFormat(first, offsets[start + length] - first, self._format)
