"""Password protection for an exported Word file in the standard Office format (ECMA-376 agile
encryption, what Word writes itself), done in memory so no readable copy touches the disk."""

from __future__ import annotations

import io

import msoffcrypto
from msoffcrypto.exceptions import DecryptionError, EncryptionError, FileFormatError
from msoffcrypto.format.ooxml import OOXMLFile


class PasswordProtectionError(ValueError):
    """The document could not be encrypted or decrypted; the message is fit for the user."""


def encrypt_docx(plain: bytes, password: str) -> bytes:
    """The .docx bytes encrypted under the password; Word asks for it on opening."""
    if not password:
        raise PasswordProtectionError("Enter a password to protect the document with.")
    encrypted = io.BytesIO()
    try:
        OOXMLFile(io.BytesIO(plain)).encrypt(password, encrypted)
    except (EncryptionError, FileFormatError) as error:
        raise PasswordProtectionError("The document could not be password protected.") from error
    return encrypted.getvalue()


def decrypt_docx(encrypted: bytes, password: str) -> bytes:
    """The plain .docx bytes; a wrong password raises PasswordProtectionError."""
    plain = io.BytesIO()
    try:
        office_file = msoffcrypto.OfficeFile(io.BytesIO(encrypted))
        office_file.load_key(password=password, verify_password=True)
        office_file.decrypt(plain)
    except (DecryptionError, FileFormatError) as error:
        raise PasswordProtectionError(
            "The document could not be opened: the password is wrong or the file is damaged."
        ) from error
    return plain.getvalue()


def is_encrypted(data: bytes) -> bool:
    try:
        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except FileFormatError:
        return False
