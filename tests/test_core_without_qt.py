"""The core (models/ + services/) must import on a machine without Qt."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs in a fresh interpreter so no Qt module is already loaded by pytest-qt.
SCRIPT = r'''
import importlib, json, pkgutil, sys, traceback
sys.modules['PySide6'] = None          # any 'import PySide6...' now raises ImportError
imported, failed = [], {}

def record(name):
    failed[name] = traceback.format_exc(limit=3)

for package in ('models', 'services'):
    try:
        mod = importlib.import_module(package)
    except Exception:
        record(package)
        continue
    imported.append(package)
    for info in pkgutil.walk_packages(mod.__path__, package + '.', onerror=record):
        try:
            importlib.import_module(info.name)
            imported.append(info.name)
        except Exception:
            record(info.name)
qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')
            and sys.modules[m] is not None)
print(json.dumps({'imported': imported, 'failed': failed, 'qt': qt}))
'''


def test_models_and_services_import_without_pyside6():
    proc = subprocess.run([sys.executable, '-c', SCRIPT], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result['failed'] == {}, '\n'.join(
        f'{name}:\n{tb}' for name, tb in result['failed'].items())
    assert result['qt'] == []
    # Guard against the walk silently finding nothing.
    assert {'models.database', 'services.customers', 'services.member_query'} <= set(
        result['imported'])
