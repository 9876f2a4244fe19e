"""Help that teaches: the formatter and epilog helpers every `policybot` command's parser uses
(bot.cli and the commands registered from their own modules: bench, log, inspect)."""

from __future__ import annotations

import argparse
import textwrap


class HelpFormatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Examples keep their lines; every option with a real default says it ("(default: …)")."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if action.default is None or action.default is False or action.default is argparse.SUPPRESS \
                or "default" in text:
            return text
        return super()._get_help_string(action)


def wrapped(text: str | None) -> str | None:
    """A one-paragraph description wrapped for the terminal (the formatter keeps its lines as given)."""
    return textwrap.fill(text, width=100) if text else text


def examples(*lines: str) -> str:
    """An epilog: examples, one a line."""
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)
