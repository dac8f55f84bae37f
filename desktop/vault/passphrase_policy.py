"""Passphrase rules (at least 12 characters, any Unicode, no upper limit) and a strength score."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MIN_LENGTH = 12
# zxcvbn's cost grows with length and it refuses more than 72 characters (ValueError); its
# verdict on the first 72 is already final.
ESTIMATE_PREFIX = 72
LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    label: str
    advice: str


def problems(passphrase: str, confirmation: str | None = None) -> list[str]:
    text = unicodedata.normalize("NFC", passphrase)
    found: list[str] = []
    if len(text) < MIN_LENGTH:
        found.append(f"The passphrase must be at least {MIN_LENGTH} characters long.")
    elif not text.strip():
        found.append("The passphrase cannot be only spaces.")
    if confirmation is not None and unicodedata.normalize("NFC", confirmation) != text:
        found.append("The two passphrases do not match.")
    return found


def strength(passphrase: str, user_inputs: tuple[str, ...] = ()) -> Strength:
    if not passphrase:
        return Strength(0, "", "Use four or more unrelated words: long is stronger than clever.")
    # Imported at the first estimate, not with the unlock screen that imports this module.
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:ESTIMATE_PREFIX], user_inputs=list(user_inputs))
    score = int(result["score"])
    if len(passphrase) < MIN_LENGTH:
        score = min(score, 1)
    feedback = result.get("feedback") or {}
    advice = str(feedback.get("warning") or "")
    if not advice and score < 3:
        suggestions = feedback.get("suggestions") or []
        advice = str(suggestions[0]) if suggestions else "Add another word or two."
    return Strength(score, LABELS[score], advice)
