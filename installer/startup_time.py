"""Times Casebook from launch to the painted unlock screen, from source and frozen (issue 12).

    python installer/startup_time.py                 # 5 runs each: source, and dist/casebook
    python installer/startup_time.py --runs 10 --json startup.json

Each run starts the program as a new process with QT_QPA_PLATFORM=offscreen and
CASEBOOK_STARTUP_PROBE=1 on a small vault made once in a temporary folder. The program prints a
probe line once the unlock screen has painted, then quits (desktop/views/common/first_paint.py);
the time is from just before the process is spawned to the moment that line is read. Each
program is run once untimed first, so every timed run finds its files in the disk cache, as a
second launch on a laptop would. Settings and logs go to the temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = (
    ROOT / "dist" / "casebook" / ("casebook-cli.exe" if sys.platform == "win32" else "casebook")
)
# Kept in step with desktop/views/common/first_paint.py; not imported, so this script needs none
# of Casebook's dependencies to time a frozen build.
PROBE_VARIABLE = "CASEBOOK_STARTUP_PROBE"
PROBE_LINE = "casebook-startup-probe unlock-screen-shown"
TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class Timing:
    program: str
    runs_ms: tuple[float, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)

    @property
    def max_ms(self) -> float:
        return max(self.runs_ms)


class ProbeError(RuntimeError):
    """The program exited, or took too long, without reporting its unlock screen."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=_positive, default=5, help="timed launches of each (5)")
    parser.add_argument(
        "--frozen", type=Path, default=FROZEN, help=f"frozen program to time (default: {FROZEN})"
    )
    parser.add_argument("--source-only", action="store_true", help="do not time a frozen build")
    parser.add_argument("--json", type=Path, dest="json_file", help="also write results here")
    args = parser.parse_args(argv)

    programs = {"source": [sys.executable, str(ROOT / "main.py")]}
    if not args.source_only:
        if args.frozen.is_file():
            programs["frozen"] = [str(args.frozen)]
        else:
            print(f"No frozen build at {args.frozen}: timing from source only.", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="casebook-startup-") as temporary:
        folder = Path(temporary)
        environment = probe_environment(folder)
        vault = folder / "vault"
        _create_vault(programs["source"], vault, environment)
        timings = []
        for label, command in programs.items():
            launch = [*command, "--vault", str(vault)]
            time_launch(launch, environment)  # warm-up: loads the files into the disk cache
            runs = tuple(time_launch(launch, environment) for _ in range(args.runs))
            timings.append(Timing(label, runs))

    print(f"Launch to painted unlock screen, {args.runs} runs each (after one warm-up run):")
    for timing in timings:
        print(
            f"  {timing.program:<7} median {timing.median_ms:6.0f} ms   max {timing.max_ms:6.0f} ms"
        )
    size = folder_size(args.frozen.parent) if "frozen" in programs else None
    if size is not None:
        print(f"  frozen build: {args.frozen.parent} is {size / 2**20:.0f} MB")
    if args.json_file:
        results = {
            "runs": args.runs,
            "timings": [
                {**asdict(t), "median_ms": t.median_ms, "max_ms": t.max_ms} for t in timings
            ],
            "frozen_size_bytes": size,
        }
        args.json_file.write_text(json.dumps(results, indent=2), "utf-8")
    return 0


def time_launch(command: list[str], environment: dict[str, str]) -> float:
    """Milliseconds from spawning the program to reading its probe line; it must then exit 0."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    seen: list[float] = []
    # A thread reads, so a program that never reports is still stopped by the timeout below.
    reader = threading.Thread(target=_read_probe, args=(process, seen), daemon=True)
    reader.start()
    try:
        process.wait(TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise ProbeError(f"{command[0]} did not quit within {TIMEOUT_SECONDS} s") from None
    reader.join()
    if not seen or process.returncode != 0:
        raise ProbeError(
            f"{command[0]} exited {process.returncode} without reporting its unlock screen"
        )
    return (seen[0] - started) * 1000


def _read_probe(process: subprocess.Popen[str], seen: list[float]) -> None:
    assert process.stdout is not None
    with process.stdout:
        for line in process.stdout:
            if not seen and line.strip() == PROBE_LINE:
                seen.append(time.perf_counter())


def probe_environment(folder: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            PROBE_VARIABLE: "1",
            # Source runs keep their bytecode, as they would on a developer's machine, but in
            # the temporary folder rather than beside the code.
            "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
            # Used only to create the throwaway vault; never shown or kept.
            "CASEBOOK_PASSPHRASE": secrets.token_urlsafe(24),
        }
    )
    if sys.platform.startswith("linux"):
        # Window geometry (QSettings) and the log go here rather than into the user's folders.
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            environment[variable] = str(folder / variable.lower())
    return environment


def _create_vault(source: list[str], vault: Path, environment: dict[str, str]) -> None:
    result = subprocess.run(
        [*source, "init", "--vault", str(vault), "--user", "timing"],
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ProbeError(f"could not create the vault to time: {result.stderr.strip()}")


def folder_size(folder: Path) -> int:
    # lstat: PyInstaller links some libraries to one another; count each file once.
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


if __name__ == "__main__":
    sys.exit(main())
