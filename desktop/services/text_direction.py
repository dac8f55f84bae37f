"""Which way a piece of typed text reads, one rule for the lists on screen and the Word files."""

from __future__ import annotations

import unicodedata

_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def reads_right_to_left(text: str) -> bool:
    """Whether a line or paragraph of this text should be laid out from the right.

    By the script most of its letters are in; on a tie, by its first letter with a direction
    (the Unicode bidi algorithm's own rule, P2). The first letter alone would lay an English
    note that starts with an Arabic name ("محمد said he was fine.") out from the right, its
    full stop at the far left; the letters alone, none of a note that is Arabic but for one
    English word. Names, numbers and punctuation between them follow the paragraph.
    """
    # Most of what is typed is plain ASCII, and table cells ask again on every repaint.
    if text.isascii():
        return False
    balance = 0
    first = 0
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in _RIGHT_TO_LEFT:
            balance += 1
        elif kind == "L":
            balance -= 1
        else:
            continue
        first = first or balance
    return balance > 0 or (balance == 0 and first > 0)
