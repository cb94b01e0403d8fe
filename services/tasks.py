"""What long-running service functions share with whoever runs them."""
import gc
from contextlib import contextmanager
from typing import Callable

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class Cancelled(Exception):
    """Raised inside a long job when the owner pressed Cancel; nothing is kept."""


def check(cancelled: IsCancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()


@contextmanager
def gc_paused():
    """No cycle collection while a job makes ~100,000 small objects that form no cycles:
    the collector would re-scan the growing lists again and again (30-40% of the time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
