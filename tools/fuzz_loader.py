"""Fuzz the data loader for a bounded time.

    .venv/bin/python tools/fuzz_loader.py --seconds 60            # YAML, JSON and TOML in turn
    .venv/bin/python tools/fuzz_loader.py --seconds 300 --format json
    .venv/bin/python tools/fuzz_loader.py --seconds 20 --format cli     # command-line arguments

The contract for ``--format cli``: :func:`nevroadmap.cli.main` on any argument
list (a command, then options and values drawn from hostile pools: huge and
odd numbers, control characters, odd paths) returns a documented exit status
(0, 1, 2) or argparse exits with 0/2, and writes every message as one line per
problem - never a traceback.  Exports only ever write inside a temporary folder.

The contract under test: :func:`nevroadmap.core.loader.load` on any bytes
either returns a Roadmap or raises ``RoadmapError`` whose problems all have a
file and a line >= 0, within a few seconds per input.  Anything else (another
exception, a hang) is a finding: the input is saved under ``fuzz-findings/``
and the script exits 1.

Uses atheris (coverage-guided) when it is installed, else hypothesis (random
mutations of the seed files plus generated YAML/JSON/TOML-ish text).  The seeds
are the files in ``tests/fixtures`` (all fictional).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FINDINGS = REPO / "fuzz-findings"
PER_INPUT_SECONDS = 10


class _Hang(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise _Hang(f"load took more than {PER_INPUT_SECONDS} s")


def seeds(fmt: str) -> list[bytes]:
    import yaml

    out = []
    for p in sorted((REPO / "tests" / "fixtures").glob("*.yaml")):
        raw = p.read_bytes()
        if fmt == "yaml":
            out.append(raw)
        elif fmt == "json":
            out.append(json.dumps(yaml.safe_load(raw), indent=2, default=str).encode())
    if fmt == "toml":
        out.append(b'[[areas]]\nid = "a"\nname = "A"\n\n[[technologies]]\nid = "t"\nname = "T"\narea = "a"\n\n'
                   b'[[milestones]]\nid = "m"\ntitle = "M"\ntechnology = "t"\nwhen = 2027\nstatus = "planned"\n')
    return out


def check_one(data: bytes, workdir: Path, suffix: str) -> None:
    """Load ``data`` as a file; raise AssertionError/_Hang/anything on a contract break."""
    from nevroadmap.core.loader import RoadmapError, load

    path = workdir / f"input{suffix}"
    path.write_bytes(data)
    signal.alarm(PER_INPUT_SECONDS)
    try:
        load(path)
    except RoadmapError as exc:
        assert exc.problems, "RoadmapError without problems"
        for p in exc.problems:
            assert isinstance(p.file, str) and p.file, p
            assert isinstance(p.line, int) and p.line >= 0, p
            assert isinstance(p.message, str) and p.message, p
    finally:
        signal.alarm(0)


EXIT_CODES = {0, 1, 2}


def check_cli(argv: list[str], workdir: Path) -> None:
    """Run the CLI in-process on ``argv``; raise on a contract break."""
    import contextlib
    import io

    from nevroadmap.cli import main

    out, err = io.StringIO(), io.StringIO()
    signal.alarm(PER_INPUT_SECONDS * 3)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse: --help, --version, a bad option
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        signal.alarm(0)
    assert code in EXIT_CODES, (argv, code)
    assert "Traceback" not in err.getvalue(), err.getvalue()[-2000:]
    for stream in (out.getvalue(), err.getvalue()):
        assert not any(c in stream for c in "\x00\x1b\x9b\u202e"), (argv, stream[-500:])


def cli_arguments(draw, st, workdir: Path) -> list[str]:
    """A hostile argument list: a command, then options with odd values (paths stay in ``workdir``)."""
    fixtures = REPO / "tests" / "fixtures"
    hostile = workdir / "hostile.json"
    if not hostile.exists():
        hostile.write_text(json.dumps({
            "areas": [{"id": "a", "name": "A\x1b[31m\u202e<b>"}],
            "technologies": [{"id": "t", "name": "T\n=cmd|' /C calc'!A0", "area": "a"}],
            "milestones": [{"id": "m", "title": "@SUM(1)\r\x00", "technology": "t", "when": "2027",
                            "status": "planned"}]}), encoding="utf-8")
    paths = [str(fixtures / "fictional.yaml"), str(fixtures), str(hostile), str(workdir / "missing.yaml"),
             str(workdir), "", "-", "\x1b[2J.json", "a\nb.yaml", "/dev/null", "/proc/self/status"]
    outputs = [str(workdir / n) for n in ("o.png", "o.svg", "o.pdf", "o.txt", "o", "o\x1b.svg", "sub/o.png")]
    years = ["2027", "-1", "0", "9" * 400, "9" * 5000, "1e9", "٢٠٢٧", " 2030", "2030x", "", "nan"]
    sizes = ["1", "0", "-5", "16", "65536", "9" * 30, "abc", "1920"]
    texts = ["", "Fictional", "\x1b[31m", "a\nb", "<img src=/etc/hostname>", "x" * 5000, "=1+1", "\u202e"]
    command = draw(st.sampled_from(["validate", "list", "export"]))
    argv = [command]
    if draw(st.booleans()):
        argv.append(draw(st.sampled_from(paths)))
    for _ in range(draw(st.integers(0, 6))):
        opt = draw(st.sampled_from(["--company", "--technology", "--status", "--from", "--to", "--search", "--format",
                                    "--width", "--height", "--dpi", "--title", "--group-by", "--theme", "-o",
                                    "--no-legend", "--allow-empty", "--bogus", "--help"]))
        value = {"--from": years, "--to": years, "--width": sizes, "--height": sizes, "--dpi": sizes,
                 "-o": outputs, "--format": ["table", "csv", "json", "xml", ""],
                 "--group-by": ["technology", "company", "x"], "--theme": ["light", "dark", ""],
                 }.get(opt, texts if opt not in ("--no-legend", "--allow-empty", "--help", "--bogus") else None)
        argv.append(opt)
        if value is not None:
            argv.append(draw(st.sampled_from(value)))
    if command == "export" and "-o" not in argv:
        argv += ["-o", draw(st.sampled_from(outputs))]
    return argv


def save_finding(data: bytes, suffix: str, exc: BaseException) -> Path:
    FINDINGS.mkdir(exist_ok=True)
    name = f"finding-{int(time.time() * 1000)}{suffix}"
    (FINDINGS / name).write_bytes(data)
    (FINDINGS / (name + ".txt")).write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return FINDINGS / name


def run_atheris(fmt: str, seconds: int, workdir: Path) -> int:
    import atheris

    suffix = "." + fmt
    corpus = workdir / "corpus"
    corpus.mkdir()
    for i, s in enumerate(seeds(fmt)):
        (corpus / f"seed{i}").write_bytes(s)

    def one(data: bytes) -> None:
        try:
            check_one(data, workdir, suffix)
        except BaseException as exc:
            print(f"finding saved to {save_finding(data, suffix, exc)}", file=sys.stderr)
            raise

    with atheris.instrument_imports():
        import nevroadmap.core.loader  # noqa: F401
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", str(corpus)], one)
    atheris.Fuzz()  # exits the process
    return 0


def run_hypothesis(fmt: str, seconds: int, workdir: Path, seed: int) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed
    from hypothesis import strategies as st

    suffix = "." + fmt
    base = seeds(fmt) if fmt != "cli" else [b""]
    tokens = [b"{", b"}", b"[", b"]", b":", b",", b"-", b"&a", b"*a", b"!!python/object/apply:os.system", b"'",
              b'"', b"\\", b"\t", b"\n", b"\x00", b"\xff", b"\xef\xbb\xbf", b"# c", b"=", b"[[", b"]]", b"null",
              b"2027-13", b"by 2026", b"1e999", b"NaN", b"\\u0000", b"\xe9", b"~", b"? ", b"---", b"..."]

    @st.composite
    def inputs(draw):
        if fmt == "cli":
            return json.dumps(cli_arguments(draw, st, workdir)).encode()
        data = bytearray(draw(st.sampled_from(base)))
        for _ in range(draw(st.integers(1, 8))):
            op = draw(st.integers(0, 5))
            if op == 0 and data:
                i = draw(st.integers(0, len(data) - 1))
                data[i] ^= 1 << draw(st.integers(0, 7))
            elif op == 1:
                i = draw(st.integers(0, len(data)))
                data[i:i] = draw(st.sampled_from(tokens) | st.binary(max_size=8))
            elif op in (2, 3):
                lines = bytes(data).split(b"\n")
                if lines:
                    i = draw(st.integers(0, len(lines) - 1))
                    if op == 2:
                        del lines[i]
                    else:
                        lines.insert(i, lines[i] * draw(st.integers(1, 3)))
                    data = bytearray(b"\n".join(lines))
            elif op == 4:
                data = data[: draw(st.integers(0, len(data)))]
            else:  # repeat a slice: nesting and long lists
                if data:
                    i = draw(st.integers(0, len(data) - 1))
                    j = draw(st.integers(i, min(len(data), i + 16)))
                    data[i:j] = data[i:j] * draw(st.integers(2, 200))
        return bytes(data)

    deadline = time.monotonic() + seconds
    runs = 0
    rounds = 0
    while time.monotonic() < deadline:
        @hseed(seed + rounds)
        @settings(max_examples=200, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))
        @given(inputs())
        def prop(data: bytes) -> None:
            nonlocal runs
            runs += 1
            try:
                if fmt == "cli":
                    check_cli(json.loads(data), workdir)
                else:
                    check_one(data, workdir, suffix)
            except BaseException as exc:
                save_finding(data, suffix, exc)
                raise

        try:
            prop()
        except BaseException as exc:  # hypothesis re-raises the minimal failing example
            print(f"{fmt}: FAILED after {runs} inputs: {type(exc).__name__}: {exc}", file=sys.stderr)
            print(f"inputs saved under {FINDINGS}", file=sys.stderr)
            return 1
        rounds += 1
    print(f"{fmt}: {runs} inputs in {seconds} s, no finding (hypothesis, seed {seed})")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=int, default=60, help="total time budget (default 60)")
    ap.add_argument("--format", choices=("yaml", "json", "toml", "cli", "all"), default="all")
    ap.add_argument("--seed", type=int, default=0, help="hypothesis seed (fallback mode)")
    ap.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    signal.signal(signal.SIGALRM, _alarm)
    fmts = ["yaml", "json", "toml", "cli"] if args.format == "all" else [args.format]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris" if len(fmts) == 1 else "hypothesis"  # atheris.Fuzz() never returns
        except ImportError:
            engine = "hypothesis"
    share = max(1, args.seconds // len(fmts))
    status = 0
    with tempfile.TemporaryDirectory(prefix="nevroadmap-fuzz-") as d:
        for fmt in fmts:
            work = Path(d) / fmt
            work.mkdir()
            if engine == "atheris" and fmt != "cli":
                return run_atheris(fmt, share, work)
            status |= run_hypothesis(fmt, share, work, args.seed)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
