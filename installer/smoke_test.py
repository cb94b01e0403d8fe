"""Smoke-test the frozen one-folder app headless: both exes run commands and start the window.

    python installer/smoke_test.py [dist/Zhanggui]

Uses a throwaway database and data folder; exits non-zero with the reason on the first failure.
The Windows workflow runs it after PyInstaller (it runs on Linux too).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == 'win32'


def run(exe: Path, *args: str, env: dict, timeout: float = 300) -> str:
    print('$', exe.name, *args, flush=True)
    done = subprocess.run([str(exe), *args], env=env, capture_output=True, timeout=timeout)
    out = done.stdout.decode('utf-8', 'replace')
    if done.returncode != 0:
        sys.exit(f'{exe.name} {" ".join(args)} exited {done.returncode}\n{out}\n'
                 f'{done.stderr.decode("utf-8", "replace")}')
    return out


def main(dist: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from services.version import __version__
    suffix = '.exe' if WINDOWS else ''
    gui, cli = dist / f'Zhanggui{suffix}', dist / f'zhanggui-cli{suffix}'
    for exe in (gui, cli):
        if not exe.is_file():
            sys.exit(f'missing {exe}')
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / 'smoke.db')
        env = dict(os.environ, ZHANGGUI_HOME=str(Path(tmp) / 'home'), QT_QPA_PLATFORM='offscreen')
        print(run(cli, '--db', db, 'demo', env=env))
        stats = json.loads(run(cli, '--db', db, 'stats', '--json', env=env))
        if not (stats['customers'] > 0 and stats['orders'] > 0):
            sys.exit(f'the demo shop came out empty: {stats}')
        print(f"stats: {stats['customers']} customers, {stats['orders']} orders")
        shown = run(cli, '--version', env=env)
        if __version__ not in shown:
            sys.exit(f'--version says {shown!r}, services/version.py says {__version__}')
        # The windowed exe runs commands too; on Windows it has no console to print to.
        out = run(gui, '--db', db, 'stats', '--json', env=env)
        if not WINDOWS and json.loads(out) != stats:
            sys.exit('the windowed exe reports different stats')
        # Both start the window on the demo shop and quit after the first frame.
        probe = dict(env, ZHANGGUI_STARTUP_PROBE='1')
        for exe in (gui, cli):
            out = run(exe, '--db', db, env=probe, timeout=120)
            print(out.strip() or f'{exe.name}: window started and quit')
    print('smoke test passed')


if __name__ == '__main__':
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / 'dist' / 'Zhanggui')
