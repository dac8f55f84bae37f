"""The Word template exports start from: resources/templates/casebook.docx unless another is
given; a council may replace the file with its own branded one (a .dotx works too)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from desktop.exports.house_style import write_house_styles
from desktop.logging_setup import LOG, describe_exception
from desktop.resources_path import resource

_TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"


def default_template() -> Path:
    return resource("templates", "casebook.docx")


def open_template(template: Path) -> Document:
    """The template's styles, header and footer content (a logo) and settings; whatever sample
    text its body holds is dropped, keeping the page setup at the end of the body. A template
    that cannot be read leaves the house style in charge: an export never fails for it."""
    try:
        document = docx.Document(io.BytesIO(_as_document(template.read_bytes())))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as error:
        LOG.warning("Word template unreadable, house style used: %s", describe_exception(error))
        document = docx.Document()
        write_house_styles(document)
    body = document.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    return document


def _as_document(package: bytes) -> bytes:
    """A Word template (.dotx) differs from a document only in its main part's content type,
    which python-docx refuses: a council's .dotx saved under the template's name still works."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        types = source.read("[Content_Types].xml")
        if _TEMPLATE_TYPE not in types:
            return package
        converted = io.BytesIO()
        with zipfile.ZipFile(converted, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                target.writestr(item, data)
    return converted.getvalue()
