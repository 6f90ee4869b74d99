"""Fuzz the data loader for a bounded time.

    .venv/bin/python tools/fuzz_loader.py --seconds 60            # YAML, JSON and TOML in turn
    .venv/bin/python tools/fuzz_loader.py --seconds 300 --format json

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
    base = seeds(fmt)
    tokens = [b"{", b"}", b"[", b"]", b":", b",", b"-", b"&a", b"*a", b"!!python/object/apply:os.system", b"'",
              b'"', b"\\", b"\t", b"\n", b"\x00", b"\xff", b"\xef\xbb\xbf", b"# c", b"=", b"[[", b"]]", b"null",
              b"2027-13", b"by 2026", b"1e999", b"NaN", b"\\u0000", b"\xe9", b"~", b"? ", b"---", b"..."]

    @st.composite
    def inputs(draw):
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
    ap.add_argument("--format", choices=("yaml", "json", "toml", "all"), default="all")
    ap.add_argument("--seed", type=int, default=0, help="hypothesis seed (fallback mode)")
    ap.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    signal.signal(signal.SIGALRM, _alarm)
    fmts = ["yaml", "json", "toml"] if args.format == "all" else [args.format]
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
            if engine == "atheris":
                return run_atheris(fmt, share, work)
            status |= run_hypothesis(fmt, share, work, args.seed)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
