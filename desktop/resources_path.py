"""Finds resources/ both from a source checkout and inside a PyInstaller one-folder build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_folder() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_folder().joinpath(*parts)
