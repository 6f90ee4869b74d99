"""Command line: ``nevroadmap [PATH]`` opens the app; subcommands ``validate``,
``list``, ``claims`` and ``export`` work headless.

One module a command (``validate``, ``listing``, ``claims``, ``export``), the argument
parser in ``parser``, the shared load-and-filter step in ``common``.  Qt is
imported only inside the commands that need it, so ``validate`` and ``list``
start fast and run anywhere.
"""

from __future__ import annotations

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


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
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
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
