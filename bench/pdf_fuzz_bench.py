"""Time for each of the PDF fuzz test's damaged files (tests/hostile/test_pdf_fuzz.py), slowest first.

    .venv/bin/python bench/pdf_fuzz_bench.py [--cases N] [--seed S] [--top K]

A damaged file must cost time in proportion to its characters, not to the numbers written in it
(a coordinate of 1e9 once made a list of a billion entries); this prints the slowest cases, so a
regression shows as one case far above the rest.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--verbose", action="store_true", help="print each case's number as it starts")
    args = parser.parse_args()
    import tempfile

    from PySide6.QtGui import QGuiApplication

    from briefing_app.errors import BriefingError
    from tests.hostile import test_pdf_fuzz as fuzz

    _app = QGuiApplication.instance() or QGuiApplication(["bench", "-platform", "offscreen"])

    samples = fuzz.make_samples(Path(tempfile.mkdtemp(prefix="pdf-fuzz")))
    seed = fuzz.SEED if args.seed is None else args.seed
    times = []
    start = time.perf_counter()
    for i, data in enumerate(fuzz.cases(samples, args.cases, seed)):
        t = time.perf_counter()
        if args.verbose:
            print(i, end=" ", flush=True)
        try:
            fuzz.read(data)
            outcome = "read"
        except BriefingError:
            outcome = "refused"
        except Exception as exc:  # noqa: BLE001 - reported, as the test would
            outcome = f"raised {type(exc).__name__}"
        times.append((time.perf_counter() - t, i, outcome))
    total = time.perf_counter() - start
    times.sort(reverse=True)
    print(f"{len(times)} cases in {total:.2f} s; median {times[len(times) // 2][0] * 1000:.1f} ms")
    for took, i, outcome in times[: args.top]:
        print(f"  case {i}: {took * 1000:.1f} ms ({outcome})")


if __name__ == "__main__":
    main()
