"""Writes resources/templates/casebook.docx, the Word template every export starts from."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from desktop.exports.house_style import write_house_styles  # noqa: E402


def main() -> None:
    """The house styles over python-docx's own default template; header and footer stay empty
    (the code writes the marking and page numbers). A council replaces the file with its own
    branded one: any style it leaves out is filled in from the house style at export time."""
    document = docx.Document()
    write_house_styles(document)
    properties = document.core_properties
    properties.title = "Casebook"
    properties.author = "Casebook"
    properties.comments = ""
    properties.revision = 1
    target = ROOT / "resources" / "templates" / "casebook.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    print(f"Wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
