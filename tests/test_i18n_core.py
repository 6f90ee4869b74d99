"""Translations without Qt: the language rule, Chinese dates, the catalogue reader, the CLI in Chinese,
and the build: every string in the code has a finished translation and the shipped .qm are up to date."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nevroadmap.core import i18n
from nevroadmap.core.catalogue import catalogue_translator
from nevroadmap.core.dates import parse_when
from nevroadmap.core.datefmt import format_when, period_label
from nevroadmap.core.language import choose_language, normalize

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def chinese():
    i18n.set_translator(catalogue_translator("zh_CN"), "zh_CN")
    yield
    i18n.set_translator(None)


@pytest.mark.parametrize("name, lang", [
    ("zh_CN.UTF-8", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("zh", "zh_CN"), ("zh_SG", "zh_CN"), ("en_GB.UTF-8", "en"),
    ("C", None), ("POSIX", None), ("", None), ("fr_FR", None), ("zh_TW", None),
])
def test_normalize(name, lang):
    assert normalize(name) == lang


def test_choice_order_flag_env_saved_system():
    env = {"NEVROADMAP_LANG": "zh_CN", "LANG": "en_US.UTF-8"}
    assert choose_language("en", "zh_CN", environ=env) == "en"  # --lang
    assert choose_language(None, "en", environ=env) == "zh_CN"  # the environment variable
    assert choose_language(None, "zh_CN", environ={"LANG": "en_US.UTF-8"}) == "zh_CN"  # the saved choice
    assert choose_language(None, None, environ={"LANG": "zh_CN.UTF-8"}) == "zh_CN"  # the system locale
    assert choose_language(None, None, environ={"LANGUAGE": "fr:zh_CN", "LANG": "fr_FR"}) == "en"  # not shipped
    assert choose_language(None, None, environ={"LANG": "C.UTF-8"}) == "en"


@pytest.mark.parametrize("text, en, zh", [
    ("2027", "2027", "2027年"), ("~2027", "~2027", "约2027年"), ("by 2026", "by 2026", "2026年前"),
    ("H2 2025", "H2 2025", "2025年下半年"), ("Q3 2026", "Q3 2026", "2026年第3季度"), ("2027-03", "2027-03", "2027年3月"),
    ("2025-09-28", "2025-09-28", "2025年9月28日"), ("after 2030", "after 2030", "2030年之后"),
    ("2030+", "2030+", "2030年起"), ("2025-09 to 2026-03", "2025-09 to 2026-03", "2025年9月至2026年3月"),
])
def test_dates_follow_the_language(text, en, zh):
    span = parse_when(text)
    assert format_when(span, "en") == en
    assert format_when(span, "zh_CN") == zh


def test_axis_labels_follow_the_language(chinese):
    assert period_label(2027, "M", 3) == "2027年3月" and period_label(2027, "Q", 3) == "2027年第3季度"
    assert period_label(2027, "M", 3, lang="en") == "Mar 2027"


def test_catalogue_plurals_and_fallback(chinese):
    assert i18n.ngettext("{n} milestone", "{n} milestones", 1).format(n=1) == "1 个里程碑"
    assert i18n.ngettext("{n} milestone", "{n} milestones", 2).format(n=2) == "2 个里程碑"
    assert i18n._("a string nobody marked") == "a string nobody marked"
    i18n.set_translator(None)
    assert i18n.ngettext("{n} milestone", "{n} milestones", 1).format(n=1) == "1 milestone"
    assert i18n.ngettext("{n} milestone", "{n} milestones", 2).format(n=2) == "2 milestones"
    assert i18n.language() == "en"


def test_organization_native_name(chinese):
    from nevroadmap.core.model import Organization, Roadmap

    rm = Roadmap(organizations=(
        Organization(id="fm", name="Fictional Motors (example)", native_name="虚构汽车"),
        Organization(id="plain", name="Plain Co (example)")))
    assert rm.org_label("fm") == "虚构汽车 (Fictional Motors (example))" and rm.org_label("plain") == "Plain Co (example)"
    i18n.set_translator(None)
    assert rm.org_label("fm") == "Fictional Motors (example) (虚构汽车)"


def cli(*args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES",
                                                             "NEVROADMAP_LANG")}
    env.update(env_extra or {}, COLUMNS="100")
    code = ("import sys; from nevroadmap.cli import main; rc = main(sys.argv[1:]); "
            "assert 'PySide6' not in sys.modules, 'Qt imported'; raise SystemExit(rc)")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          encoding="utf-8")


def test_cli_validate_in_chinese_without_qt():
    r = cli("--lang", "zh_CN", "validate")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("正常：") and "个里程碑" in r.stdout
    r = cli("validate", env_extra={"LANG": "zh_CN.UTF-8"})  # the system locale
    assert r.stdout.startswith("正常：")
    r = cli("validate")
    assert r.stdout.startswith("OK: ") and "milestones" in r.stdout


def test_cli_help_in_both_languages():
    zh = cli("--lang", "zh_CN", "--help")
    assert zh.returncode == 0
    assert zh.stdout.startswith("用法：nevroadmap") and "选项" in zh.stdout and "显示此帮助信息并退出" in zh.stdout
    assert "检查数据文件或文件夹并报告所有问题" in zh.stdout and "界面语言" in zh.stdout
    en = cli("--help")
    assert en.stdout.startswith("usage: nevroadmap") and "check a data file or folder" in en.stdout
    ex = cli("export", "--help", "--lang=zh_CN")
    assert "不显示图例" in ex.stdout and "退出状态" in ex.stdout
    assert max(len(line.encode("gbk")) for line in ex.stdout.splitlines()) <= 100  # wrapped by display width


def test_every_subcommand_and_option_is_documented():
    import argparse

    from nevroadmap.cli import build_parser

    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert {c.dest for c in sub._choices_actions} == set(sub.choices) and all(c.help for c in sub._choices_actions)
    for p in (parser, *sub.choices.values()):
        missing = [a.option_strings or a.dest for a in p._actions
                   if not a.help and not isinstance(a, argparse._SubParsersAction)]
        assert not missing, (p.prog, missing)


def test_cli_errors_in_chinese():
    r = cli("--lang", "zh_CN", "list", "--bogus")
    assert r.returncode == 2 and "错误：无法识别的参数：--bogus" in r.stderr
    r = cli("--lang", "xx", "validate")
    assert r.returncode == 2 and "--lang needs one of: en, zh_CN" in r.stderr


def _tool():
    spec = importlib.util.spec_from_file_location("translations", REPO / "tools" / "translations.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_string_in_the_code_is_translated_and_the_qm_are_fresh():
    """lupdate into a copy of the catalogues finds nothing new or unfinished; lrelease gives the shipped .qm."""
    problems = _tool().check()
    assert not problems, "\n".join(problems[:30]) + "\n(run: python tools/translations.py update, translate, compile)"


def test_the_check_catches_a_new_string(tmp_path, monkeypatch):
    tool = _tool()
    src = tmp_path / "src"
    src.mkdir()
    (src / "m.py").write_text('from nevroadmap.core.i18n import _\nX = _("a brand new message")\n', encoding="utf-8")
    monkeypatch.setattr(tool, "SRC", src)
    assert any("a brand new message" in p for p in tool.check())


def test_terminal_text_is_measured_in_columns():
    from nevroadmap.core.textwidth import display_width, fit, wrap

    assert display_width("比亚迪 BYD") == 10
    assert fit("比亚迪固态电池里程碑", 10) == "比亚迪固… " and display_width(fit("比亚迪固态电池里程碑", 10)) == 10
    assert fit("abc", 5) == "abc  " and fit("abcdefgh", 5) == "abcd…"
    lines = wrap("固态电池的能量密度超过400 Wh/kg，半固态电池已经装车。", 20)
    assert len(lines) > 1 and all(display_width(ln) <= 20 for ln in lines) and "".join(lines).count("400") == 1
    assert not any(ln.startswith(("，", "。")) for ln in lines)  # punctuation stays with the character before it


def test_no_mark_hides_inside_an_f_string():
    """lupdate does not read f-strings: a ``_()``/``tr()`` inside one would never reach the catalogue."""
    import ast

    marks = {"_", "ngettext", "tr", "translate", "QT_TRANSLATE_NOOP"}
    found = []
    for path in sorted((REPO / "src" / "nevroadmap").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Call):
                        name = getattr(sub.func, "id", None) or getattr(sub.func, "attr", None)
                        literal = any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in sub.args)
                        if name in marks and literal:  # (a variable passed to tr() was marked elsewhere)
                            found.append(f"{path.name}:{sub.lineno}")
    assert not found, found
