"""Folds text for matching and sorting: case, accents and Arabic-script variants do not matter."""

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

# Invisible marks that steer direction or joining (a name pasted from an email or a Word file
# often carries a right-to-left mark): they change no letter, so matching ignores them.
INVISIBLE_MARKS = str.maketrans(
    dict.fromkeys(
        [
            *range(0x200B, 0x2010),  # zero-width space, non-joiner, joiner, LRM, RLM
            *range(0x202A, 0x202F),  # embeddings and overrides
            *range(0x2066, 0x206A),  # isolates
            0x061C,  # Arabic letter mark
            0xFEFF,  # byte-order mark / zero-width no-break space
        ]
    )
)

# Latin letters that are not a base letter plus an accent, so NFKD leaves them: for sorting
# they go where a reader looks for them (Søren among the S-o names, Łukasz among the L-u).
LATIN_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)

# The Arabic alphabet in its dictionary (hija'i) order, with the letters Persian and Kurdish add
# after the letter they are written from (پ after ب, گ after ك, ڕ after ر …). Code point order
# gets these wrong: it puts every added letter after ي.
ARABIC_ORDER = "ءابپتثجچحخدذرڕزژسشصضطظعغفڤقكگلڵمنهەوۆيێ"
# Sort weights in the private use area: after every Latin, Greek and Cyrillic letter, so a list
# of names reads A to Z and then ا to ي. Arabic-script letters not in the order above follow
# it, in code point order; digits and punctuation keep their own place, before the letters.
_WEIGHT_BASE = 0xF000
_ARABIC_WEIGHTS: dict[int, str] = {
    **{
        code: chr(_WEIGHT_BASE + 0x100 + code - 0x0600)
        for code in range(0x0600, 0x0700)
        if unicodedata.category(chr(code)).startswith("L")
    },
    **{ord(letter): chr(_WEIGHT_BASE + rank) for rank, letter in enumerate(ARABIC_ORDER)},
}


def fold(text: str) -> str:
    """Lower case, without accents or Arabic diacritics (harakat), variants unified, invisible
    direction and joining marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(INVISIBLE_MARKS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold().translate(ARABIC_VARIANTS)


def search_text(*parts: str) -> str:
    """What the quick search looks in: each part folded, joined by a separator no one types."""
    return " | ".join(fold(part) for part in parts if part)


def fold_entry(summary: str, detail: str) -> str:
    """A chronology entry as the full-text index holds it: summary line, then the detail."""
    return f"{fold(summary)}\n{fold(detail)}"


def name_sort_key(name: str) -> str:
    """A name's place in an alphabetical list, compared as a plain (binary) string by SQLite.

    Case, accents, harakat and the ways of writing alef do not matter ("de Souza" sorts among
    the Ds, "Ölmez" among the Os, أحمد beside احمد); Latin-script names come first, A to Z,
    then Arabic-script names in the order of the Arabic alphabet. Spaces are kept (and sort
    before letters), so "Li" comes before "Lim"; the definite article ال is not skipped (as in
    ICU's Arabic collation): الحسن sorts under ا.
    """
    folded = " ".join(fold(name).translate(LATIN_LETTERS).split())
    return folded.translate(_ARABIC_WEIGHTS)
