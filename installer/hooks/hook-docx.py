"""Casebook's override of the python-docx hook: its templates, and a docx/parts folder for them.

python-docx finds the header, footer, comments and settings templates as
``docx/parts/../templates/...`` relative to the module's ``__file__``. Frozen, the modules live
in the PYZ archive, so ``docx/parts`` does not exist on disk and Linux and macOS refuse the
``..`` through it (Windows resolves it on the name alone). Shipping one small file into
``docx/parts`` makes the folder exist; without it, exports with a header or footer fail.
"""

from __future__ import annotations

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, get_package_paths

datas = collect_data_files("docx")
_package = Path(get_package_paths("docx")[1])
datas.append((str(_package / "py.typed"), "docx/parts"))
