"""The installer files keep their promises: install scope, data left alone, signing, order."""

from __future__ import annotations

import re
from pathlib import Path

from desktop import APP_NAME, ORGANISATION
from desktop.paths import AppPaths

INSTALLER = Path(__file__).resolve().parents[2] / "installer"
ISS = (INSTALLER / "casebook.iss").read_text("utf-8")
SPEC = (INSTALLER / "casebook.spec").read_text("utf-8")
SIGN = (INSTALLER / "sign.ps1").read_text("utf-8")
README = (INSTALLER / "README.md").read_text("utf-8")


def _section(name: str) -> list[str]:
    """The non-comment lines of one [Section] of the .iss (empty if it has none)."""
    found = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", ISS, re.M | re.S)
    lines = found.group(1).splitlines() if found else []
    return [line for line in lines if line.strip() and not line.lstrip().startswith(";")]


def _setup(key: str) -> str:
    values = [line.split("=", 1)[1] for line in _section("Setup") if line.startswith(f"{key}=")]
    assert len(values) == 1, f"{key} is set {len(values)} times"
    return values[0].strip()


def test_setup_installs_per_user_by_default_and_per_machine_on_request() -> None:
    assert _setup("PrivilegesRequired") == "lowest"
    assert _setup("PrivilegesRequiredOverridesAllowed") == "commandline dialog"
    assert _setup("DefaultDirName") == "{autopf}\\{#AppName}"
    assert re.search(r'^#define AppName "Casebook"$', ISS, re.M)
    assert _setup("UsePreviousPrivileges") == "yes"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", _setup("AppId"))
    assert _setup("ArchitecturesInstallIn64BitMode") == "x64compatible"


def test_start_menu_entry_and_desktop_icon_only_on_request() -> None:
    icons = _section("Icons")
    start_menu = [
        line for line in icons if line.startswith(('Name: "{autoprograms}', 'Name: "{group}'))
    ]
    assert start_menu and "Tasks:" not in start_menu[0]
    desktop = [line for line in icons if "{autodesktop}" in line]
    assert desktop and "Tasks: desktopicon" in desktop[0]
    assert any("desktopicon" in line and "unchecked" in line for line in _section("Tasks"))


def test_install_and_uninstall_never_delete_user_data() -> None:
    # The data folder is platformdirs' <local app data>\ORGANISATION\APP_NAME (desktop/paths.py).
    assert AppPaths.for_user().default_vault.name == "vault"
    assert _section("UninstallDelete") == []
    deletes = _section("InstallDelete")
    for line in deletes:
        assert re.search(r'Name: "\{app\}\\[^"]+"', line), line
        for data in (ORGANISATION, "{localappdata}", "{userappdata}", "{%", "vault"):
            assert data not in line, line
    assert APP_NAME in ISS


def test_installer_version_comes_from_pyproject_through_the_exe() -> None:
    # One place: pyproject.toml -> the spec's version resource -> the .iss reads it back.
    assert 'VERSION = PROJECT["version"]' in SPEC
    assert 'StringStruct("ProductVersion", VERSION)' in SPEC
    assert re.search(r'GetStringFileInfo\(.*AppExeName, "ProductVersion"\)', ISS)
    assert not re.search(r'^#define AppVersion "', ISS, re.M)
    assert _setup("AppVersion") == "{#AppVersion}"


def test_spec_is_one_folder_without_upx() -> None:
    blocks = re.findall(r"\b(EXE|COLLECT)\((.*?)^\s*\)$", SPEC, re.M | re.S)
    assert {kind for kind, _ in blocks} == {"EXE", "COLLECT"}
    for kind, body in blocks:
        assert re.search(r"^\s*upx=False,", body, re.M), kind
    assert "exclude_binaries=True" in SPEC
    assert "onefile" not in SPEC.lower()


def test_sign_script_signs_unsigned_binaries_with_sha256_and_timestamp() -> None:
    assert "Get-AuthenticodeSignature" in SIGN
    assert re.search(r"'/fd', 'SHA256', '/tr', \$TimestampUrl, '/td', 'SHA256'", SIGN)
    assert re.search(r"@\('\.exe', '\.dll', '\.pyd'\)", SIGN)
    assert "$ErrorActionPreference = 'Stop'" in SIGN
    functions = re.findall(r"^function (\w+)-", SIGN, re.M)
    assert functions and set(functions) <= {"Find", "Get", "Invoke", "Test"}  # approved verbs


def test_readme_gives_the_steps_in_order() -> None:
    headings = re.findall(r"^## \d+\. (\S+)", README, re.M)
    order = ["Build", "Sign", "Package", "Deploy", "Allow-list", "Verify"]
    assert headings[: len(order)] == order
    for promise in ("/ALLUSERS /VERYSILENT", "/CURRENTUSER", "IntuneWinAppUtil", "--self-test"):
        assert promise in README
