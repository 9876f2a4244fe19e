"""What the command line prints: JSON documents with their schema version, and terminal-safe text.

Every command (and the subcommands that live in their own modules) prints through here, so a JSON
document has one shape and no bulletin's control characters reach a terminal.
"""

from __future__ import annotations

import json
import re

SCHEMA_VERSION = 1  # of every JSON document the CLI prints; bump when a key changes meaning or goes
# Terminal control: C0 controls but tab, newline and CR; DEL; C1 controls (0x9b is a one-byte CSI).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Text safe for a terminal: a bulletin's escape sequences never reach it."""
    return _CONTROLS.sub("", text)


class Printable:
    """Wraps stdout/stderr so nothing the CLI prints (titles, questions, file names) carries control
    characters: one place instead of every print. Everything but `write` is the stream's own."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(strip_controls(text))
        return len(text)

    def __getattr__(self, name):
        return getattr(self.stream, name)


def document(body: dict) -> dict:
    """A JSON document as the CLI prints it: its schema version, then its body."""
    return {"schema_version": SCHEMA_VERSION, **body}


def print_json(body: dict, indent: int | None = None) -> None:
    text = json.dumps(document(body), ensure_ascii=False, indent=indent)
    # Line and paragraph separators stay escaped: a reader splitting lines must get one record a line.
    print(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
