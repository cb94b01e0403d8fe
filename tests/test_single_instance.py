"""One app per shop: a second start shows the first window; a crashed one does not block."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.single_instance import SingleInstance, ask_first_to_show, instance_key

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def key(qapp, tmp_path):
    return instance_key(str(tmp_path / 'shop.db'))


def test_the_key_follows_the_file_not_its_spelling(tmp_path, monkeypatch):
    (tmp_path / 'sub').mkdir()
    monkeypatch.chdir(tmp_path / 'sub')
    assert instance_key(str(tmp_path / 'shop.db')) == instance_key('../shop.db')
    assert instance_key(str(tmp_path / 'shop.db')) != instance_key(str(tmp_path / 'other.db'))
    assert instance_key('postgresql://a@h/shop') != instance_key('postgresql://a@h/other')


def test_a_second_start_asks_the_first_to_show_itself(qtbot, key):
    first = SingleInstance(key)
    assert first.acquire()
    second = SingleInstance(key)
    assert not second.acquire()
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert ask_first_to_show(key)
    first.release()
    third = SingleInstance(key)                 # the first closed: the next one is first
    assert third.acquire()
    third.release()


def test_with_nobody_listening_asking_gives_up(key):
    assert not ask_first_to_show(key, attempts=2, wait_ms=20)


CRASH = r'''
import os, signal, sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QCoreApplication
from ui.single_instance import SingleInstance
app = QCoreApplication([])
first = SingleInstance({key!r})
assert first.acquire()
print('holding', flush=True)
os.kill(os.getpid(), signal.SIGKILL)         # no clean-up of the lock or the socket
'''


@pytest.mark.skipif(sys.platform == 'win32', reason='SIGKILL')
def test_a_crashed_first_instance_does_not_block_the_next(qtbot, key, tmp_path):
    from PySide6.QtCore import QDir
    proc = subprocess.run([sys.executable, '-c', CRASH.format(root=str(ROOT), key=key)],
                          capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == 'holding' and proc.returncode == -9
    assert Path(QDir.tempPath(), f'{key}.lock').exists()          # left behind
    again = SingleInstance(key)
    assert again.acquire()
    with qtbot.waitSignal(again.activated, timeout=3000):
        assert ask_first_to_show(key)
    again.release()


def test_main_py_on_an_open_shop_only_shows_the_first_window(qtbot, tmp_path):
    db = tmp_path / 'shop.db'
    first = SingleInstance(instance_key(str(db)))
    assert first.acquire()
    env = dict(os.environ, QT_QPA_PLATFORM='offscreen', ZHANGGUI_HOME=str(tmp_path / 'home'))
    with qtbot.waitSignal(first.activated, timeout=10000):
        proc = subprocess.run([sys.executable, str(ROOT / 'main.py'), '--db', str(db)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    first.release()
    assert proc.returncode == 0, proc.stderr
    assert not db.exists()                        # it never opened the shop itself


def test_run_app_returns_at_once_when_the_shop_is_open_elsewhere(qtbot, tmp_path):
    from ui.app import run_app
    db = tmp_path / 'shop.db'
    first = SingleInstance(instance_key(str(db)))
    assert first.acquire()
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert run_app(['--db', str(db)]) == 0
    first.release()
    assert not db.exists()
