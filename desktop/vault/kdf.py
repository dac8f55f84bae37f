"""Argon2id parameters: calibrated when a slot is written, stored in the slot."""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass
from functools import lru_cache

from argon2.low_level import Type, hash_secret_raw

MIN_MEMORY_KIB = 64 * 1024
MIN_PASSES = 3
TARGET_SECONDS = 0.5
KEY_LENGTH = 32


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    passes: int
    lanes: int
    salt: bytes

    def derive(self, secret: bytes) -> bytearray:
        return bytearray(
            hash_secret_raw(
                secret=secret,
                salt=self.salt,
                time_cost=self.passes,
                memory_cost=self.memory_kib,
                parallelism=self.lanes,
                hash_len=KEY_LENGTH,
                type=Type.ID,
            )
        )

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["salt"] = self.salt.hex()
        data["algorithm"] = "argon2id"
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Argon2Params:
        if data.get("algorithm") != "argon2id":
            raise ValueError("unsupported key derivation")
        return cls(
            memory_kib=int(str(data["memory_kib"])),
            passes=int(str(data["passes"])),
            lanes=int(str(data["lanes"])),
            salt=bytes.fromhex(str(data["salt"])),
        )


class KdfPolicy:
    """Chooses parameters for a new slot. Production: calibrated to ~0.5 s, floors enforced."""

    def new_params(self) -> Argon2Params:
        memory, passes, lanes = calibrated_cost()
        return Argon2Params(memory, passes, lanes, os.urandom(16))


@lru_cache(maxsize=1)
def calibrated_cost() -> tuple[int, int, int]:
    """Scale passes at the memory floor until one derivation takes about TARGET_SECONDS.

    The first derivation pays for faulting in 64 MiB, so each measurement is the faster of two,
    and the estimate from the floor is checked once at the chosen cost and corrected.
    """
    lanes = max(1, min(4, os.cpu_count() or 1))
    passes = MIN_PASSES
    for _ in range(2):
        seconds = min(_time_derivation(MIN_MEMORY_KIB, passes, lanes) for _ in range(2))
        passes = max(MIN_PASSES, round(passes * TARGET_SECONDS / max(seconds, 1e-6)))
    return MIN_MEMORY_KIB, passes, lanes


def _time_derivation(memory_kib: int, passes: int, lanes: int) -> float:
    probe = Argon2Params(memory_kib, passes, lanes, os.urandom(16))
    started = time.perf_counter()
    probe.derive(b"calibration")
    return time.perf_counter() - started
