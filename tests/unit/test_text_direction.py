"""Which way typed text reads: mostly Arabic reads from the right, whatever letter comes first."""

from __future__ import annotations

import pytest

from desktop.services.text_direction import reads_right_to_left


@pytest.mark.parametrize(
    ("text", "from_the_right"),
    [
        ("اتصلت بوالدته: هو بخير.", True),  # all Arabic, with punctuation
        ("قابلته في school اليوم.", True),  # Arabic with one English word in it
        ("محمد الحسن (مو)", True),
        ("محمد said he was fine.", False),  # English that starts with an Arabic name
        ("Met محمد at school; he said الحمد لله and agreed to the plan.", False),
        ("Yusuf أمين", False),  # five Latin letters to four Arabic
        ("ab بت", False),  # a tie: the first letter decides
        ("بت ab", True),
        ("12/03/2025", False),  # no letters: as the page around it
        ("", False),
    ],
)
def test_reads_right_to_left(text: str, from_the_right: bool) -> None:
    assert reads_right_to_left(text) is from_the_right
