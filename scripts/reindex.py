#!/usr/bin/env python3
"""Sync the index with corpus/ (or `--rebuild`): same as `policybot index`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(["index", *sys.argv[1:]]))
