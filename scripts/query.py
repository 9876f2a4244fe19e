#!/usr/bin/env python3
"""Ask questions from a script: same as `policybot query` (e.g. `scripts/query.py --json -k 3 "第三个聚力是什么"`)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(["query", *sys.argv[1:]]))
