"""Paths and constants shared by the benchmark's modules."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RUN_SCRIPT = HERE / "run.py"  # the subprocesses run this file (run.py _worker, run.py _mkdocs)

PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "templates")
DEFAULT_SIZES = (100, 500, 2000)
QUICK_SIZES = (20, 50)
TARGET_HOOKS_SHARE = 0.05
TARGET_PER_PAGE_EXTRA = 0.05
TARGET_GROWTH_SLACK = 1.1  # 2000/500: at most 4 x 1.1 = 4.4
# Pages whose HTML size is watched for growth with N (sv and en).
WATCHED_PAGES = {
    "examples index": "exempel/index.html",
    "target groups": "malgrupper/index.html",
    "checklist": "tipslista/index.html",
    "themes index": "teman/index.html",
    "municipalities index": "kommuner/index.html",
    "start page": "index.html",
}
