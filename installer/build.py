"""Builds Casebook's one-folder bundle for this platform with PyInstaller (installer/casebook.spec).

    python installer/build.py            # build into build/ and dist/casebook/
    python installer/build.py --smoke    # then run the frozen `--help` and a small demo vault
    python installer/build.py --self-test  # then run the frozen `--self-test`; its exit code

Run from any folder; paths are taken from this file's location.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "casebook.spec"
BUILD = ROOT / "build"
DIST = ROOT / "dist"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--smoke", action="store_true", help="run the frozen --help and a demo vault afterwards"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run the frozen --self-test afterwards, headless; exit with its code",
    )
    parser.add_argument(
        "--keep-cache", action="store_true", help="reuse build/ (default: clean build)"
    )
    args = parser.parse_args()

    name, version = _project()
    _check_versions_agree(version)
    try:
        import PyInstaller
    except ImportError:
        print('PyInstaller is missing: pip install ".[build]"', file=sys.stderr)
        return 2
    print(
        f"Building {name} {version} with PyInstaller {PyInstaller.__version__} "
        f"on {sys.platform}, Python {sys.version.split()[0]}"
    )

    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--workpath",
        str(BUILD),
        "--distpath",
        str(DIST),
    ]
    if not args.keep_cache:
        command.append("--clean")
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        print(f"PyInstaller failed (exit {result.returncode}).", file=sys.stderr)
        return result.returncode

    problems = _excluded_but_imported(name)
    folder = DIST / name
    executable = folder / (f"{name}.exe" if sys.platform == "win32" else name)
    print()
    print(f"Built {folder} ({_size(folder) / 2**20:.0f} MB) in {time.monotonic() - started:.0f} s")
    print(f"Run:  {executable}")
    if sys.platform == "win32":
        print(f"Admin commands:  {folder / (name + '-cli.exe')} --help")
        print("Package it per user with Inno Setup:  iscc installer\\casebook.iss")
    if problems:
        print(
            "\nThe spec excludes modules that Casebook imports; the frozen app would fail:",
            file=sys.stderr,
        )
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    if args.smoke and _smoke(folder, name) != 0:
        return 1
    if args.self_test:
        return _self_test(folder, name)
    return 0


def _project() -> tuple[str, str]:
    with open(ROOT / "pyproject.toml", "rb") as file:
        project = tomllib.load(file)["project"]
    return project["name"], project["version"]


def _check_versions_agree(version: str) -> None:
    text = (ROOT / "desktop" / "__init__.py").read_text("utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]*)"', text, re.M)
    if found and found.group(1) != version:
        print(
            f"warning: pyproject.toml says {version} but desktop.__version__ is {found.group(1)}",
            file=sys.stderr,
        )


def _excluded_but_imported(name: str) -> list[str]:
    """Lines of PyInstaller's warnings file where our code imports a module the spec excluded."""
    warnings = BUILD / name / f"warn-{name}.txt"
    if not warnings.is_file():
        return []
    return [
        line.strip()
        for line in warnings.read_text("utf-8", errors="replace").splitlines()
        if line.startswith("excluded module named")
        and re.search(r"(?:imported by|,)\s+(?:desktop[.\s]|main\s)", line)
    ]


def _size(folder: Path) -> int:
    # lstat: PyInstaller links some libraries to one another; count each file once.
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def _smoke(folder: Path, name: str) -> int:
    """The frozen program starts, and creates a vault: migrations and SQLCipher work frozen."""
    cli = folder / (f"{name}-cli.exe" if sys.platform == "win32" else name)
    environment = dict(
        os.environ, CASEBOOK_PASSPHRASE="a long enough passphrase for the smoke test"
    )
    with tempfile.TemporaryDirectory(prefix="casebook-smoke-") as temporary:
        for arguments in (
            ["--help"],
            ["demo", "--vault", str(Path(temporary) / "vault"), "--people", "3"],
        ):
            print(f"\n$ {cli.name} {' '.join(arguments)}")
            result = subprocess.run(
                [str(cli), *arguments], env=environment, stdin=subprocess.DEVNULL
            )
            if result.returncode != 0:
                print(f"smoke test failed (exit {result.returncode})", file=sys.stderr)
                return 1
    print("\nsmoke test passed")
    return 0


def _self_test(folder: Path, name: str) -> int:
    """The frozen program's own --self-test, with no display and nothing to read from stdin."""
    cli = folder / (f"{name}-cli.exe" if sys.platform == "win32" else name)
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "CASEBOOK_PASSPHRASE")
    }
    environment["QT_QPA_PLATFORM"] = "offscreen"
    print(f"\n$ {cli.name} --self-test")
    started = time.monotonic()
    result = subprocess.run([str(cli), "--self-test"], env=environment, stdin=subprocess.DEVNULL)
    verdict = "passed" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
    print(f"frozen self-test {verdict} in {time.monotonic() - started:.1f} s")
    print(f"build size: {_size(folder) / 2**20:.0f} MB")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
