"""Saving a document whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import errno
import io
from pathlib import Path

from docx.document import Document

from desktop.exports.password_protect import PasswordProtectionError, encrypt_docx
from desktop.vault.atomic_file import write_atomically


class DocumentSaveError(ValueError):
    """The document could not be written; the message says why in words for the user (it never
    names the path, which may hold a young person's name)."""


def docx_path(destination: Path) -> Path:
    """The destination with a .docx ending, added when the person left it off."""
    if destination.suffix.lower() == ".docx":
        return destination
    return destination.with_name(destination.name + ".docx")


def save_document(document: Document, destination: Path, password: str | None = None) -> Path:
    """Writes the document whole or not at all: a temporary file in the destination's own folder
    (never the system temp folder, which may be synced or shared), then a rename over the
    destination; the temporary file is removed whatever goes wrong. With a password the document
    is encrypted in memory first, so no unprotected copy is ever written."""
    if not destination.parent.is_dir():
        raise DocumentSaveError(
            "The folder chosen for the document does not exist any more. Choose another folder."
        )
    content = io.BytesIO()
    document.save(content)
    data = content.getvalue()
    if password is not None:
        try:
            data = encrypt_docx(data, password)
        except PasswordProtectionError as error:
            raise DocumentSaveError(str(error)) from error
    try:
        write_atomically(destination, data)
    except OSError as error:
        raise DocumentSaveError(_reason(error)) from error
    return destination


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            "The document could not be saved: the disk is full. Free some space or choose "
            "another place."
        )
    if isinstance(error, PermissionError):
        return (
            "The document could not be saved: Casebook may not write there, or a file of that "
            "name is open in Word. Close it or choose another place."
        )
    if isinstance(error, IsADirectoryError):
        return "The document could not be saved: a folder already has that name."
    return "The document could not be saved in that folder. Choose another place."
