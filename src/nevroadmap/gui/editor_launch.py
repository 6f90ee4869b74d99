"""Opening a data file at a line in the user's editor (the problems window's ``Open in Editor``).

The editor is the user's ``$VISUAL`` or ``$EDITOR`` (split like a shell
would split it: ``code --wait``).  Editors whose way of naming a line is
known get it (``vim +12 file``, ``code -g file:12``, ``kate -l 12 file``);
an unknown editor gets the file alone.  An editor that runs in a terminal
(vim, nano, ...) is started in the desktop's terminal
(``$TERMINAL`` or ``x-terminal-emulator``) when there is one.  Without an
editor the desktop opens the file (:meth:`QDesktopServices.openUrl`).

The program is started with :meth:`QProcess.startDetached` and an argument
list, never through a shell; the file is passed as an absolute path (never
taken for an option).  Nothing from the data is run: only the path of a file
on disk and a line number come from a problem.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices

__all__ = ["editor_command", "open_at", "launch", "open_url"]

_PLUS_LINE = {"vi", "vim", "nvim", "gvim", "mvim", "nano", "emacs", "emacsclient", "micro", "ne", "joe", "jed",
              "kak", "mg", "pico"}
_COLON_LINE = {"code", "code-insiders", "codium", "vscodium", "cursor"}  # -g file:line
_APPENDED = {"subl", "sublime_text", "zed", "hx", "helix"}  # file:line
_DASH_L = {"kate", "kwrite"}  # -l line
_TERMINAL_ONLY = {"vi", "vim", "nvim", "nano", "micro", "ne", "joe", "jed", "kak", "mg", "pico", "hx", "helix"}


def _name(program: str) -> str:
    name = Path(program).name.lower()
    return name[:-4] if name.endswith(".exe") else name


def editor_command(file: str, line: int, env: Mapping[str, str] | None = None) -> list[str] | None:
    """``[program, arg, ...]`` that opens ``file`` at ``line`` (0: no line) in the user's editor, or None."""
    env = os.environ if env is None else env
    spec = (env.get("VISUAL") or env.get("EDITOR") or "").strip()
    try:
        words = shlex.split(spec)
    except ValueError:  # an unbalanced quote in the variable
        return None
    if not words:
        return None
    path = str(Path(file).absolute())  # starts with "/" (or a drive): never an option
    name = _name(words[0])
    if line > 0 and name in _PLUS_LINE:
        args = [f"+{line}", path]
    elif name in _COLON_LINE:
        args = ["-g", f"{path}:{line}" if line > 0 else path]
    elif line > 0 and name in _APPENDED:
        args = [f"{path}:{line}"]
    elif line > 0 and name in _DASH_L:
        args = ["-l", str(line), path]
    else:
        args = [path]
    command = words + args
    if name in _TERMINAL_ONLY or (name == "emacs" and "-nw" in words):
        terminal = env.get("TERMINAL") or shutil.which("x-terminal-emulator", path=env.get("PATH"))
        if not terminal:
            return None  # no terminal to run it in: the desktop opens the file instead
        command = [terminal, "-e", *command]
    return command


def launch(program: str, args: list[str]) -> bool:
    """Start ``program`` with ``args`` detached (no shell).  Tests replace this function."""
    ok = QProcess.startDetached(program, args)
    return bool(ok[0] if isinstance(ok, tuple) else ok)


def open_url(url: QUrl) -> bool:
    """Let the desktop open ``url`` (a local file).  Tests replace this function."""
    return QDesktopServices.openUrl(url)


def open_at(file: str, line: int = 0) -> bool:
    """Open ``file`` at ``line`` in the user's editor, else with the desktop's default application."""
    command = editor_command(file, line)
    if command is not None and launch(command[0], command[1:]):
        return True
    return open_url(QUrl.fromLocalFile(str(Path(file).absolute())))
