"""Memory: a 10,000-entry feed and an article page just under the body cap stay within fixed bounds.

Each case runs the ingest steps (fetch, parse, plan, page fetch and extraction, store) in a fresh process
through ``bench/memory.py``, which reports the process's peak RSS; the bounds are ``STEP_BOUNDS_MB`` there.
The two processes run side by side (peak RSS is per process, so they do not disturb each other's figure).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.memory import STEP_BOUNDS_MB, measure, serve

CASES = ("feed-10k", "page-near-cap")


@pytest.mark.slow
def test_peak_memory_is_bounded() -> None:
    with serve() as base, ThreadPoolExecutor(max_workers=len(CASES)) as pool:
        peaks = dict(zip(CASES, pool.map(lambda case: measure("steps", case, base), CASES), strict=True))
    for case, peak in peaks.items():
        print(f"{case}: peak RSS {peak:.0f} MiB (bound {STEP_BOUNDS_MB[case]} MiB)")
    assert all(peaks[case] <= STEP_BOUNDS_MB[case] for case in CASES), peaks
