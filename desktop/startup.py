"""The Qt-free stages of start-up: arguments, paths, logging and the crash hook, settings.

``desktop.ui.app.build`` runs these first, then creates the QApplication, loads translations
and shows the main window. Keeping them here lets tests and the command line use them without
a display.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop import __version__, paths
from desktop.i18n import LANGUAGES
from desktop.logs import install_excepthook, setup_logging
from desktop.settings import LoadResult, SettingsStore

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="schoolsignaal",
        description="Schoolsignaal: lessons, signal card and concern log against the "
        "exploitation of pupils. Everything stays on this computer.",
    )
    parser.add_argument(
        "--basedir",
        metavar="DIR",
        help=f"keep all data, settings and logs under DIR (also: ${paths.ENV_HOME})",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the app (default: settings)")
    parser.add_argument(
        "--quit-on-first-paint",
        action="store_true",
        help="exit right after the main window first paints (for timing start-up)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the concern log on a demo vault of made-up cases, for practice and "
        "training; its passphrase is shown on the lock screen (the real vault is not touched)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="build every page offscreen, write one of each document, exit 0 (or 1 and a message)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # Qt's own options (-platform, -style, ...) are passed on to QApplication untouched; any
    # other long option is a typo (--basdir) that would otherwise be ignored without a word.
    args, qt_args = parser.parse_known_args(argv)
    for arg in qt_args:
        name = arg.lstrip("-").split("=", 1)[0]
        if arg.startswith("--") and name not in QT_OPTIONS:
            parser.error(f"onbekende optie {arg!r}; zie --help")
    if args.basedir is not None and not args.basedir.strip():
        parser.error("--basedir heeft een map nodig, bijvoorbeeld --basedir D:\\Schoolsignaal")
    return args


# QGuiApplication's and QApplication's own command-line options (they also take "--").
QT_OPTIONS = frozenset(
    [
        "platform",
        "platformpluginpath",
        "platformtheme",
        "plugin",
        "qwindowgeometry",
        "qwindowicon",
        "qwindowtitle",
        "reverse",
        "session",
        "style",
        "stylesheet",
        "widgetcount",
        "display",
        "geometry",
        "name",
        "title",
        "nograb",
        "dograb",
        "visual",
        "qmljsdebugger",
    ]
)


@dataclass
class Startup:
    """What the Qt-free stages produced, handed to the UI stages."""

    args: argparse.Namespace
    paths: paths.Paths
    settings_store: SettingsStore
    settings_load: LoadResult

    @property
    def language(self) -> str:
        return str(self.args.lang or self.settings_load.settings.language)


def run_early_stages(
    argv: Sequence[str] | None,
    *,
    install_hooks: bool = True,
    on_crash: Callable[[Path | None], None] | None = None,
) -> Startup:
    args = parse_args(argv)
    app_paths = paths.resolve(args.basedir)
    try:
        app_paths.ensure()
    except OSError as err:
        from desktop.os_errors import reason

        folder = err.filename or app_paths.data
        sys.stderr.write(
            f"Schoolsignaal kan de map {folder} niet gebruiken: {reason(err)}. Kies met "
            f"--basedir (of {paths.ENV_HOME}) een map waarin je mag schrijven.\n"
        )
        raise SystemExit(2) from err
    setup_logging(app_paths.app_log)
    if install_hooks:
        install_excepthook(app_paths.crash_dir, on_crash)
    store = SettingsStore(app_paths.settings_file)
    loaded = store.load()
    log.info("start-up: version %s, basedir given: %s", __version__, args.basedir is not None)
    return Startup(args=args, paths=app_paths, settings_store=store, settings_load=loaded)
