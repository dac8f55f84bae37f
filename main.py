"""Casebook entry point: `python main.py` starts the GUI; `python main.py --help` lists commands."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
