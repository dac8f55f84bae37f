"""Note boxes that underline misspellings: one British checker per signed-in user, loaded with
their personal words from the vault and shared by every box, so a word added in one box stops
being underlined in all of them."""

from __future__ import annotations

from desktop.resources_path import resource
from desktop.services.bundle import Services
from desktop.services.spell_checker import DICTIONARY_FOLDER, BritishSpellChecker
from desktop.views.common.spell_text_edit import SpellTextEdit
from desktop.views.therapy.note_sections import EditorFactory


def spelling_editors(services: Services) -> EditorFactory:
    checker = BritishSpellChecker(resource(DICTIONARY_FOLDER))
    checker.set_personal_words(services.personal_words.words())
    return lambda: SpellTextEdit(checker, services.personal_words)
