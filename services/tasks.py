"""What long-running service functions share with whoever runs them."""
from typing import Callable

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class Cancelled(Exception):
    """Raised inside a long job when the owner pressed Cancel; nothing is kept."""


def check(cancelled: IsCancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
