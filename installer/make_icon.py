"""Writes resources/icons/casebook.ico, the Windows program icon, from casebook.svg: seven sizes
(16 to 256 pixels), each stored as PNG, as Windows Vista and later read them."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "casebook.svg"
ICO = ROOT / "resources" / "icons" / "casebook.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_of(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_of(pngs: list[tuple[int, bytes]]) -> bytes:
    """An ICO file: a header, one 16-byte directory entry per image, then the images."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in pngs:
        side = 0 if size >= 256 else size  # 0 stands for 256 in the directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def main() -> int:
    application = QGuiApplication(sys.argv[:1])  # fonts and image plugins need one
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"Cannot read {SVG}", file=sys.stderr)
        return 1
    ICO.write_bytes(ico_of([(size, png_of(renderer, size)) for size in SIZES]))
    del application
    print(f"Wrote {ICO.relative_to(ROOT)} ({', '.join(map(str, SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
