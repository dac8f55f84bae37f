"""Casebook's override of PyInstaller's QtCore hook: the same collection without Qt's translations.

Casebook's interface is English only and never installs a QTranslator, so the ~200 qt_*.qm and
qtbase_*.qm catalogues would ship unused.
"""

from __future__ import annotations

from PyInstaller.utils.hooks.qt import pyside6_library_info

hiddenimports, binaries, _datas = pyside6_library_info.collect_module("PySide6.QtCore")
datas = [(source, destination) for source, destination in _datas if not source.endswith(".qm")]
