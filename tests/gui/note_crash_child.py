"""Test helper run as a child process: a therapist types a session note in the real editor,
character by character, until the parent kills the process.

It prints "saved N" each time the editor's autosave has put the first N characters into the
vault, and "typed N" every ten characters, so the parent can kill it mid-typing and then check
that the vault holds at least what was reported saved.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from desktop.app import create_application  # noqa: E402
from desktop.clock import SystemClock  # noqa: E402
from desktop.services.bundle import Services  # noqa: E402
from desktop.services.sign_in_service import SignInService  # noqa: E402
from desktop.vault.layout import VaultLayout  # noqa: E402
from desktop.views.therapy.note_editor import NoteEditor  # noqa: E402
from tests.conftest import PASSPHRASE, FastKdfPolicy  # noqa: E402

TEXT = (
    "Mother and son talked about the exclusion; father joined by phone for the last part. "
    "The family agreed a plan for evenings and weekends and who to call if it goes wrong. "
) * 8
SECTION = "presenting"
KEY_GAP_SECONDS = 0.03


def say(line: str) -> None:
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def type_until_killed(folder: Path, username: str, case_id: int, session_id: int) -> None:
    clock = SystemClock()
    signed_in = SignInService(VaultLayout(folder), clock).sign_in(username, PASSPHRASE)
    services = Services.for_session(signed_in, FastKdfPolicy(), clock)
    create_application([])
    row = next(r for r in services.therapy.sessions(case_id) if r.id == session_id)
    editor = NoteEditor(services, row)
    editor.resize(900, 700)
    editor.show()
    box = editor.sections.editors[SECTION]
    box.setFocus()
    # Connected after the editor's own save, so this runs once the save has returned.
    editor.autosave.due.connect(
        lambda: say(f"saved {len(box.toPlainText())}") if not editor.autosave.pending else None
    )
    say("ready")
    for typed, character in enumerate(TEXT, start=1):
        QTest.keyClicks(box, character)
        QCoreApplication.processEvents()
        if typed % 10 == 0:
            say(f"typed {typed}")
        time.sleep(KEY_GAP_SECONDS)
    say("finished")


if __name__ == "__main__":
    type_until_killed(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
