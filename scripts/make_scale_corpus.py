#!/usr/bin/env python3
"""Write a deterministic scale corpus: `scripts/make_scale_corpus.py N [--out DIR] [--seed S]`.

Bulletins totalling about N passages, built from corpus/'s own sentences and numbered lists."""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.scale_corpus import make_scale_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("passages", type=int)
    parser.add_argument("--out", default="bench/scale-corpus")
    parser.add_argument("--source", default=str(Path(__file__).resolve().parents[1] / "corpus"))
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    summary = make_scale_corpus(args.passages, Path(args.out), Path(args.source), seed=args.seed)
    print(f"wrote {summary['files']} bulletins, {summary['articles']} articles, "
          f"{summary['passages']} passages to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
