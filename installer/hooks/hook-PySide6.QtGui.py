"""Casebook's override of PyInstaller's QtGui hook: collect only the Qt plugins Casebook uses.

The stock hook collects every QtGui plugin type (wayland, eglfs, evdev, GTK platform theme, ...),
and each of those drags in its own libraries. A widgets application on Windows needs the
platform plugin, image formats (SVG among them) and the SVG icon engine. Plugins left out here
cannot be loaded by the frozen application, so add a name below if a feature needs one.
"""

from __future__ import annotations

import os
import sys

from PyInstaller.utils.hooks.qt import pyside6_library_info

# Plugin type -> plugin base names to keep (None keeps every plugin of that type).
_KEEP: dict[str, set[str] | None] = {
    "iconengines": {"qsvgicon"},
    "imageformats": {"qsvg", "qico", "qjpeg", "qgif"},
}
if sys.platform == "win32":
    _KEEP["platforms"] = {"qwindows", "qoffscreen", "qminimal"}
elif sys.platform == "darwin":
    _KEEP["platforms"] = {"qcocoa", "qoffscreen", "qminimal"}
    _KEEP["platforms/darwin"] = None
else:
    # X11 (also under XWayland) and headless; the wayland plugins need four more plugin types.
    _KEEP["platforms"] = {"qxcb", "qoffscreen", "qminimal"}
    _KEEP["xcbglintegrations"] = None
    _KEEP["platforminputcontexts"] = {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    }


def _plugin_name(path: str) -> str:
    base = os.path.basename(path).split(".", 1)[0]
    return base[3:] if base.startswith("lib") else base


def _wanted(source: str, destination: str) -> bool:
    marker = "plugins/"
    destination = destination.replace("\\", "/")
    if marker not in destination:
        return True  # not a plugin
    plugin_type = destination.split(marker, 1)[1].rstrip("/")
    if plugin_type not in _KEEP:
        return False
    names = _KEEP[plugin_type]
    return names is None or _plugin_name(source) in names


hiddenimports, _binaries, datas = pyside6_library_info.collect_module("PySide6.QtGui")
binaries = [
    (source, destination) for source, destination in _binaries if _wanted(source, destination)
]
