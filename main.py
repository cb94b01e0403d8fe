"""Zhanggui (掌柜会员通): the app by default, CLI subcommands for automation.

    python main.py                         # the app, on the default database
    python main.py --db PATH_OR_URL CMD    # a command on another database
"""
import sys


def wants_cli(argv: list[str]) -> bool:
    """True when the arguments name a command (or ask for help) after the options."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == '--db':
            i += 2
        elif arg.startswith('--db='):
            i += 1
        else:
            return arg in ('-h', '--help', '--version') or not arg.startswith('-')
    return False


def main(argv: list[str]) -> int:
    if wants_cli(argv):
        from services.cli import run_cli
        return run_cli(argv)
    # Qt is imported only on this path, so commands start without it.
    from ui.app import run_app
    return run_app(argv)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
