"""Key material held in a wipeable bytearray, never in an immutable bytes or str."""

from __future__ import annotations

import secrets


class SecretKey:
    """A 256-bit key kept in a bytearray so that it can be overwritten on lock."""

    __slots__ = ("_buffer",)

    def __init__(self, material: bytes | bytearray) -> None:
        self._buffer = bytearray(material)

    @classmethod
    def generate(cls, size: int = 32) -> SecretKey:
        return cls(secrets.token_bytes(size))

    @property
    def wiped(self) -> bool:
        return not any(self._buffer)

    def view(self) -> bytearray:
        """The live buffer; callers must not keep copies."""
        if self.wiped:
            raise RuntimeError("This key has been wiped: the vault is locked.")
        return self._buffer

    def hex_pragma_value(self) -> str:
        """The SQLCipher raw-key literal, built just before use and dropped straight after."""
        return "x'" + self.view().hex() + "'"

    def take_over(self, other: SecretKey) -> None:
        """Becomes the other key (then wipes it), so every holder of this object sees the change.

        Used by a re-key: the engine's connection factory keeps working with the new key.
        """
        if len(other) != len(self._buffer):
            raise ValueError("keys differ in length")
        self._buffer[:] = other.view()
        other.wipe()

    def wipe(self) -> None:
        for index in range(len(self._buffer)):
            self._buffer[index] = 0

    def __repr__(self) -> str:  # never show the key
        return "SecretKey(<hidden>)"

    def __len__(self) -> int:
        return len(self._buffer)
