"""An item's text as the reviewer sees it: redacted words blacked out, suggested names marked."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

REDACTED_STYLE = "background-color:#000000;color:#000000;"
SUGGESTED_STYLE = "background-color:#fff0a0;color:#5a4500;text-decoration:underline;"
PLAIN, SUGGESTED, REDACTED = 0, 1, 2


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Whole words, any case, any white space between words: how the pack matches them too."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    start = r"(?<!\w)" if re.match(r"\w", phrase) else ""
    end = r"(?!\w)" if re.search(r"\w$", phrase) else ""
    return re.compile(f"{start}{body}{end}", re.IGNORECASE)


def _mark(marks: list[int], text: str, phrases: Iterable[str], value: int) -> None:
    for phrase in phrases:
        if not phrase.strip():
            continue
        for found in phrase_pattern(phrase.strip()).finditer(text):
            for position in range(found.start(), found.end()):
                marks[position] = max(marks[position], value)


def item_html(text: str, redacted: Iterable[str], suggested: Iterable[str]) -> str:
    """HTML for a read-only text view; a redaction wins over a suggestion where they overlap.

    The redacted words stay in the text, black on black, so selecting them shows the reviewer
    what was taken out (the pack itself gets "[REDACTED]" from the review service)."""
    marks = [PLAIN] * len(text)
    _mark(marks, text, suggested, SUGGESTED)
    _mark(marks, text, redacted, REDACTED)
    styles = {SUGGESTED: SUGGESTED_STYLE, REDACTED: REDACTED_STYLE}
    parts: list[str] = []
    start = 0
    for position in range(1, len(text) + 1):
        if position == len(text) or marks[position] != marks[start]:
            chunk = html.escape(text[start:position]).replace("\n", "<br>")
            style = styles.get(marks[start])
            parts.append(f'<span style="{style}">{chunk}</span>' if style else chunk)
            start = position
    return f'<div style="white-space:pre-wrap;">{"".join(parts)}</div>'
