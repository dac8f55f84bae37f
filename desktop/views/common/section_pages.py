"""The layout every section with a home list and pages over it shares: the section's title and
its New button above the home body, in a stack where an opened record's page goes on top."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget


def section_pages(
    owner: QWidget, title: str, new_button: QWidget, body: QWidget
) -> tuple[QWidget, QStackedWidget]:
    """Lays out `owner`; returns its home page and the stack that holds it (and later pages)."""
    heading = QLabel(title)
    heading.setObjectName("pageTitle")
    top = QHBoxLayout()
    top.addWidget(heading)
    top.addStretch(1)
    top.addWidget(new_button)
    home_page = QWidget()
    home_layout = QVBoxLayout(home_page)
    home_layout.setContentsMargins(0, 0, 0, 0)
    home_layout.addLayout(top)
    home_layout.addWidget(body, 1)
    pages = QStackedWidget()
    pages.addWidget(home_page)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.addWidget(pages)
    return home_page, pages
