"""Command line: ``nevroadmap [PATH]`` opens the app; subcommands ``validate``,
``list``, ``claims`` and ``export`` work headless.

One module a command (``validate``, ``listing``, ``claims``, ``export``), the argument
parser in ``parser``, the shared load-and-filter step in ``common``.  Qt is
imported only inside the commands that need it, so ``validate`` and ``list``
start fast and run anywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from nevroadmap.cli.language import setup_language, take_lang_option
from nevroadmap.cli.parser import SUBCOMMANDS, build_parser
from nevroadmap.core.i18n import _
from nevroadmap.core.language import LANGUAGES

__all__ = ["main", "build_parser"]


def _run(args) -> int:
    if args.command == "validate":
        from nevroadmap.cli.validate import cmd_validate

        return cmd_validate(args)
    if args.command == "list":
        from nevroadmap.cli.listing import cmd_list

        return cmd_list(args)
    if args.command == "claims":
        from nevroadmap.cli.claims import cmd_claims

        return cmd_claims(args)
    if args.command == "export":
        from nevroadmap.cli.export import cmd_export

        return cmd_export(args)
    from nevroadmap.gui.app import run_app

    return run_app(args.path, lang=args.lang)


def _prepare_streams() -> None:
    """Standard streams that never end a command in a traceback: text the encoding cannot
    hold is written as escapes (``PYTHONIOENCODING=ascii``, ``LANG=C``), and a closed
    stream (``>&-``) becomes the null device so nothing else lands on its descriptor."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)
            setattr(sys, f"_nevroadmap_{name}_closed", True)
        elif hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _silence_stdout() -> None:
    """After a failed write to standard output, point it at the null device so the
    interpreter's last flush cannot print a second error."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass


def _say(message: str) -> None:
    try:
        print(f"nevroadmap: {message}", file=sys.stderr)
    except (OSError, ValueError):
        pass


INTERNAL_ERROR = 3  # exit status of a failure the program did not expect (a bug): one line, details in the log


def _undecodable(argv: list[str]) -> str | None:
    """The first argument that is not valid text in the system's encoding (Python keeps such
    bytes as lone surrogates), shown as bytes; None when every argument is text."""
    for arg in argv:
        if any("\udc80" <= c <= "\udcff" for c in arg):
            return repr(os.fsencode(arg))[2:-1][:80]
    return None


def _crash_log(text: str) -> str | None:
    """Append ``text`` to the app's log (a plain file only: never through a link, never a
    FIFO); its path, or None when it cannot be written."""
    try:
        from PySide6.QtCore import QCoreApplication

        from nevroadmap.core.safe_paths import append_plain
        from nevroadmap.gui.settings import APPLICATION, ORGANIZATION, log_path

        if QCoreApplication.instance() is None:  # the same folder the app uses
            QCoreApplication.setOrganizationName(ORGANIZATION)
            QCoreApplication.setApplicationName(APPLICATION)
        path = log_path()
        return str(path) if append_plain(path, text) else None
    except Exception:  # the guard itself must never raise
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; exit status 0 done, 1 the data or an output cannot be used (or the
    system ran out of a resource), 2 a bad request, 3 an internal error, 130 interrupted.

    Every error a user can cause is one line on stderr: the commands word the errors
    they expect; ``_main`` words the rest (a full or closed output, memory); and this
    last guard turns anything unexpected into one line, the traceback going to the log."""
    try:
        return _main(argv)
    except Exception as exc:  # a bug: never a traceback on the terminal
        import datetime
        import traceback

        from nevroadmap import __version__

        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        where = _crash_log(f"--- {stamp} nevroadmap {__version__} (command line) ---\n{traceback.format_exc()}\n")
        from nevroadmap.core.safe_text import visible

        what = visible(f"{type(exc).__name__}: {exc}", 300)
        if where is None:
            _say(_("internal error: {what} (no log could be written)").format(what=what))
        else:
            _say(_("internal error: {what} (details in {log})").format(what=what, log=visible(where)))
        return INTERNAL_ERROR


def _main(argv: Sequence[str] | None = None) -> int:
    _prepare_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    bad_arg = _undecodable(argv)
    if bad_arg is not None:  # one place for every argument (paths, --search, ...): text or a refusal
        _say(_("an argument is not valid text in this system's encoding ({arg}); nothing was done").format(arg=bad_arg))
        return 2
    lang, argv, bad_lang = take_lang_option(argv)  # first: the help texts are built in the language
    lang = setup_language(None if bad_lang else lang)
    parser = build_parser()
    if bad_lang is not None:
        parser.error(_("--lang needs one of: {choices}").format(choices=", ".join(LANGUAGES)))
    # "nevroadmap PATH" opens the app on PATH
    if argv and not argv[0].startswith("-") and argv[0] not in SUBCOMMANDS:
        argv = ["gui", *argv]
    if not argv:
        argv = ["gui"]
    args = parser.parse_args(argv)
    args.lang = lang
    from nevroadmap.runtime import start_up

    start_up()  # once, on the main thread, before any dataset is loaded (GC thresholds, no pydantic plugins)
    if args.command in ("list", "claims", "validate") and getattr(sys, "_nevroadmap_stdout_closed", False):
        _say(_("cannot write the output: standard output is closed"))
        return 1
    try:
        code = _run(args)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (| head): not an error
        _silence_stdout()
        return 0
    except OSError as exc:
        _silence_stdout()
        where = exc.filename if exc.filename else _("standard output")
        _say(_("cannot write to {where}: {why}").format(where=where, why=exc.strerror or exc))
        return 1
    except MemoryError:
        _say(_("not enough memory for this; nothing more was done"))
        return 1
    except RecursionError:
        _say(_("the input is nested too deeply; nothing more was done"))
        return 1
