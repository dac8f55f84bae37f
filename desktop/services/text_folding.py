"""Folds text for matching: case, accents and Arabic-script variants do not matter."""

from __future__ import annotations

import unicodedata

# Arabic letters written several ways: hamza forms of alef, alef maqsura, ta marbuta, and
# the Persian/Kurdish forms of kaf and ya, so a name typed either way is found.
ARABIC_VARIANTS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "ة": "ه",
        "ـ": None,  # tatweel, a stretching stroke
    }
)


def fold(text: str) -> str:
    """Lower case, without accents or Arabic diacritics (harakat), variants unified."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold().translate(ARABIC_VARIANTS)


def search_text(*parts: str) -> str:
    """What the quick search looks in: each part folded, joined by a separator no one types."""
    return " | ".join(fold(part) for part in parts if part)


def fold_entry(summary: str, detail: str) -> str:
    """A chronology entry as the full-text index holds it: summary line, then the detail."""
    return f"{fold(summary)}\n{fold(detail)}"
