"""British English spelling for note fields: which words of a text are misspelt, and suggestions.

pyspellchecker's "en" dictionary is American: it knows "color", "organize" and "center" but not
"colour", "organise" or "centre". The word lists in resources/dictionaries/ turn it British: one
adds the British spellings (and common British words) it lacks, one removes the American-only
spellings so they are underlined and their British form suggested, and one adds the unit's own
terms. Everything stays in memory; personal words come from the vault (PersonalWordsService).
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from spellchecker import SpellChecker

__all__ = [
    "ADDITIONS_FILE",
    "DICTIONARY_FOLDER",
    "REMOVALS_FILE",
    "UNIT_TERMS_FILE",
    "BritishSpellChecker",
    "read_word_list",
]

# Under resources/ (desktop.resources_path.resource(DICTIONARY_FOLDER) finds it, frozen or not).
DICTIONARY_FOLDER = "dictionaries"
ADDITIONS_FILE = "en_gb_additions.txt"
REMOVALS_FILE = "en_us_removals.txt"
UNIT_TERMS_FILE = "unit_terms.txt"

# Letters and digits (digits and underscores are matched so such tokens can be skipped whole),
# combining accents (a decomposed "é"), joined by apostrophes or hyphens inside the word.
_WORD_CHARS = r"[\w\u0300-\u036f]+"
_TOKEN = re.compile(rf"{_WORD_CHARS}(?:['\u2019\u2010-]{_WORD_CHARS})*")
_HYPHENS = re.compile(r"[\u2010-]")
# A whole e-mail address, web address or path is not prose.
_NOT_PROSE = re.compile(r"\S*(?:@|://|www\.)\S*")
_POSSESSIVE = "'s"

# How a British spelling becomes the American one it stands beside (colour -> color,
# organise -> organize, centre -> center, travelling -> traveling, paediatric -> pediatric ...).
_AMERICANISE = (
    ("our", "or"),
    ("ise", "ize"),
    ("isi", "izi"),
    ("isa", "iza"),
    ("yse", "yze"),
    ("ysi", "yzi"),
    ("tre", "ter"),
    ("tred", "tered"),
    ("bre", "ber"),
    ("ll", "l"),
    ("ae", "e"),
    ("oe", "e"),
    ("ence", "ense"),
    ("ogue", "og"),
    ("mme", "m"),
    ("ement", "ment"),
    ("ou", "o"),
)
# A British word with no American counterpart in the dictionary: about a common word's count,
# so it can come first among suggestions without beating everyday words.
_DEFAULT_COUNT = 500
# Personal words are names and local terms the user typed: rank them as fairly common words.
_PERSONAL_COUNT = 5000
# Verdicts are cached per token; a long session of note writing stays well below this.
_CACHE_LIMIT = 50_000


def read_word_list(path: Path) -> list[str]:
    """One word per line; blank lines and lines starting with # are skipped."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            words.append(word)
    return words


@lru_cache(maxsize=4096)
def _is_latin(char: str) -> bool:
    if not char.isalpha():
        return True  # combining accents, apostrophes and hyphens belong to any script
    return unicodedata.name(char, "").startswith("LATIN")


def _latin(token: str) -> bool:
    return token.isascii() or all(_is_latin(char) for char in token)


def _all_caps(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


def _plain(word: str) -> str:
    """The form looked up: typographic apostrophes as ASCII, accents composed, lower case."""
    return unicodedata.normalize("NFC", word.replace("\u2019", "'")).lower()


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _americanised(british: str) -> set[str]:
    """Every spelling one of the _AMERICANISE changes makes of the word."""
    found = set()
    for old, new in _AMERICANISE:
        start = british.find(old)
        while start != -1:
            found.add(british[:start] + new + british[start + len(old) :])
            start = british.find(old, start + 1)
    return found


def _match_case(original: str, suggestion: str) -> str:
    if _all_caps(original):
        return suggestion.upper()
    if original[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class BritishSpellChecker:
    """pyspellchecker's English dictionary made British, plus personal and ignored words.

    Built once per signed-in session (loading takes about 0.2 s) and shared by every note field.
    Listeners (bound methods, held weakly) are told when the words it accepts change, so every
    field sharing it can underline afresh.
    """

    def __init__(self, dictionary_folder: Path) -> None:
        self._spell = SpellChecker(language="en", distance=2)
        frequency = self._spell.word_frequency
        removals = {word.lower() for word in read_word_list(dictionary_folder / REMOVALS_FILE)}
        removals |= {word + _POSSESSIVE for word in removals}  # the dictionary holds "color's"
        additions = read_word_list(dictionary_folder / ADDITIONS_FILE)
        counts = {word.lower(): self._borrowed_count(word.lower()) for word in additions}
        for term in read_word_list(dictionary_folder / UNIT_TERMS_FILE):
            counts.setdefault(_plain(term), _DEFAULT_COUNT)
        # One batch each: pyspellchecker rescans its whole dictionary after every load or removal.
        frequency.remove_words([word for word in removals if word in frequency])
        frequency.load_json(counts)
        self._personal: dict[str, str] = {}  # plain form -> as the user wrote it
        self._added_for_personal: set[str] = set()
        self._ignored: set[str] = set()
        self._verdicts: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}
        self._listeners: list[weakref.WeakMethod[Callable[[], None]]] = []

    # ---- checking ------------------------------------------------------------------------
    def misspelt_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of every misspelt word, in Python string indices. Words with digits,
        words in capitals (acronyms), single letters, words outside the Latin alphabet, and
        e-mail or web addresses are never flagged; a hyphenated word is accepted whole or
        checked part by part."""
        excluded: list[tuple[int, int]] = []
        if "@" in text or "://" in text or "www." in text:
            excluded = [match.span() for match in _NOT_PROSE.finditer(text)]
        spans: list[tuple[int, int]] = []
        for match in _TOKEN.finditer(text):
            token = match.group()
            if excluded and any(a <= match.start() < b for a, b in excluded):
                continue
            verdict = self._verdicts.get(token)
            if verdict is None:
                verdict = self._token_ok(token)
                if len(self._verdicts) >= _CACHE_LIMIT:
                    self._verdicts.clear()
                self._verdicts[token] = verdict
            if verdict:
                continue
            spans.extend(self._bad_parts(token, match.start()))
        return spans

    def is_correct(self, word: str) -> bool:
        """Whether one word (or hyphenated word) would be left alone by misspelt_spans."""
        return not self.misspelt_spans(word)

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Likely corrections, the most likely first, in the word's own capitalisation."""
        if limit <= 0 or not word:
            return []
        plain = _plain(word)
        suffix = ""
        if plain.endswith(_POSSESSIVE) and not self._known(plain):
            plain, suffix = plain[: -len(_POSSESSIVE)], _POSSESSIVE
        ranked = self._suggestions.get(plain)
        if ranked is None:
            ranked = self._ranked_candidates(plain)
            if len(self._suggestions) >= _CACHE_LIMIT:
                self._suggestions.clear()
            self._suggestions[plain] = ranked
        results: list[str] = []
        for found in ranked:
            shown = self._personal.get(found, found) if word[:1].islower() else found
            shown = _match_case(word, shown) + suffix
            if shown != word and shown not in results:
                results.append(shown)
            if len(results) == limit:
                break
        return results

    # ---- personal and ignored words -------------------------------------------------------
    def add_personal_words(self, words: Iterable[str]) -> None:
        """Accepts these words from now on (and offers them as suggestions)."""
        new = {}
        for word in words:
            plain = _plain(word.strip())
            if not plain:
                continue
            self._personal[plain] = word.strip()
            if plain not in self._spell.word_frequency and plain not in self._added_for_personal:
                new[plain] = _PERSONAL_COUNT
        if new:
            self._spell.word_frequency.load_json(new)
            self._added_for_personal.update(new)
        self._changed()

    def remove_personal_words(self, words: Iterable[str]) -> None:
        gone = {_plain(word.strip()) for word in words}
        for plain in gone:
            self._personal.pop(plain, None)
        # Only what was added for a personal word leaves the dictionary, never a real word.
        added = gone & self._added_for_personal
        if added:
            self._spell.word_frequency.remove_words(added)
            self._added_for_personal -= added
        self._changed()

    def set_personal_words(self, words: Iterable[str]) -> None:
        """Replaces the personal words (for example with PersonalWordsService.words())."""
        wanted = list(words)
        self.remove_personal_words(list(self._personal))
        self.add_personal_words(wanted)

    def personal_words(self) -> list[str]:
        return sorted(self._personal.values(), key=str.lower)

    def ignore(self, word: str) -> None:
        """Accepts the word until this checker is dropped (held in memory only)."""
        plain = _plain(word.strip())
        if plain:
            self._ignored.add(plain)
            self._changed()

    # ---- listeners -----------------------------------------------------------------------
    def add_listener(self, callback: Callable[[], None]) -> None:
        """Calls the bound method after every change to the accepted words; held weakly, so a
        closed field needs no unsubscribing."""
        self._listeners.append(weakref.WeakMethod(callback))

    def _changed(self) -> None:
        self._verdicts.clear()
        self._suggestions.clear()
        alive = []
        for reference in self._listeners:
            callback = reference()
            if callback is not None:
                alive.append(reference)
                callback()
        self._listeners = alive

    # ---- helpers -------------------------------------------------------------------------
    def _ranked_candidates(self, plain: str) -> list[str]:
        """Candidates most likely first; the British form of an American spelling leads
        ("center" gives "centre" before the commoner "enter")."""
        candidates = self._spell.candidates(plain) or set()
        candidates.discard(plain)
        frequency = self._spell.word_frequency
        return sorted(
            (found for found in candidates if self._known(found)),
            key=lambda found: (plain not in _americanised(found), -frequency[found], found),
        )

    def _borrowed_count(self, british: str) -> int:
        """The count of the American spelling this British one replaces, so "colour" ranks
        among suggestions where "color" did."""
        frequency = self._spell.word_frequency
        return max((frequency[american] for american in _americanised(british)), default=0) or (
            _DEFAULT_COUNT
        )

    def _token_ok(self, token: str) -> bool:
        if any(char.isdigit() or char == "_" for char in token) or not _latin(token):
            return True
        if _all_caps(token) or self._known_word(token):
            return True
        return not list(self._bad_parts(token, 0))

    def _bad_parts(self, token: str, offset: int) -> Iterable[tuple[int, int]]:
        start = 0
        for part in [*_HYPHENS.split(token)]:
            if not (_all_caps(part) or self._known_word(part)):
                yield offset + start, len(part)
            start += len(part) + 1

    def _known_word(self, word: str) -> bool:
        if len(word) == 1:
            return True
        plain = _plain(word)
        if self._known(plain):
            return True
        if plain.endswith(_POSSESSIVE) and self._known(plain[: -len(_POSSESSIVE)]):
            return True
        return not plain.isascii() and self._known(_without_accents(plain))

    def _known(self, plain: str) -> bool:
        return plain in self._ignored or plain in self._spell.word_frequency
