"""Test helper: decrypts every page of a SQLCipher 4 database (and its WAL) with our own code.

sqlcipher3 has no sqlite_dbpage and refuses to export to plaintext, so to look at the bytes
as they lie in the file (free pages, slack space in pages, old WAL frames) we decrypt them
here. SQLCipher 4 defaults with a raw key: AES-256-CBC, page size 4096, 80 reserved bytes at
each page's end (a 16-byte IV, then a 64-byte HMAC-SHA512); page 1 begins with the file's
16-byte salt in place of "SQLite format 3\\0". The HMAC is not checked: the header self-test
on page 1 shows the key and layout are right.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVE = 80
IV_SIZE = 16
SALT_SIZE = 16
SQLITE_HEADER = b"SQLite format 3\x00"
WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24


def decrypt_page(key: bytes, page: bytes, number: int) -> bytes:
    """The plaintext of page `number` (1-based), with the SQLite header restored on page 1."""
    if len(page) != PAGE_SIZE:
        raise ValueError(f"page {number} is {len(page)} bytes, not {PAGE_SIZE}")
    start = SALT_SIZE if number == 1 else 0
    iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + IV_SIZE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(page[start : PAGE_SIZE - RESERVE]) + decryptor.finalize()
    return (SQLITE_HEADER if number == 1 else b"") + plain


def check_first_page(plain: bytes) -> None:
    """Self-test: a correctly decrypted page 1 holds SQLite's header with SQLCipher's layout."""
    page_size = int.from_bytes(plain[16:18], "big")
    if page_size != PAGE_SIZE or plain[20] != RESERVE or plain[21:24] != bytes([64, 32, 32]):
        raise AssertionError("page 1 did not decrypt to a SQLite header: wrong key or layout")


def database_pages(key: bytes, database: Path) -> Iterator[bytes]:
    data = database.read_bytes()
    if len(data) % PAGE_SIZE:
        raise ValueError("the database file is not a whole number of pages")
    for index in range(len(data) // PAGE_SIZE):
        plain = decrypt_page(key, data[index * PAGE_SIZE : (index + 1) * PAGE_SIZE], index + 1)
        if index == 0:
            check_first_page(plain)
        yield plain


def wal_pages(key: bytes, wal: Path) -> Iterator[bytes]:
    """Every frame in the write-ahead log, old and new alike (a checkpoint leaves them)."""
    if not wal.exists():
        return
    data = wal.read_bytes()
    frame = WAL_FRAME_HEADER_SIZE + PAGE_SIZE
    offset = WAL_HEADER_SIZE
    while offset + frame <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + WAL_FRAME_HEADER_SIZE : offset + frame]
        yield decrypt_page(key, page, number)
        offset += frame


def plaintext_holds(key: bytes, database: Path, needle: str) -> list[str]:
    """Where needle appears (case-insensitive, UTF-8) in the decrypted file and its WAL."""
    wanted = needle.lower().encode("utf-8")
    found = []
    for number, page in enumerate(database_pages(key, database), start=1):
        if wanted in page.lower():
            found.append(f"database page {number}")
    wal = database.with_name(database.name + "-wal")
    for number, page in enumerate(wal_pages(key, wal), start=1):
        if wanted in page.lower():
            found.append(f"WAL frame {number}")
    return found
