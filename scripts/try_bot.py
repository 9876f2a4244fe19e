#!/usr/bin/env python3
"""Try the Telegram bot without Telegram: the real bot runs against the project's fake Bot API
(tests/fakebotapi.py, on 127.0.0.1), and you write to it as an admin in a private chat.

    .venv/bin/python scripts/try_bot.py                 # type questions; :help lists the rest
    printf '第三个聚力是什么\\n:press 2\\n' | .venv/bin/python scripts/try_bot.py   # scripted

The bot works on a temporary copy of your corpus/ and index/ (an upload here never changes the real
ones). Lines you type:
    a question or a /command     sent to the bot as a message (/start, /latest, /sources, /stats …)
    :press N                     press button N of the bot's last message with buttons
    :file PATH                   send a bulletin file to the bot (you are an admin)
    :quit                        stop (so does Ctrl-D)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakebotapi import FakeTelegram, parse_html  # noqa: E402

TOKEN = "123456789:AATryTheBotWithoutTelegram0000000000"
YOU = 1001  # your user id in the fake Telegram; an admin of the bot
SHOWN = ("sendMessage", "editMessageText", "sendDocument", "answerCallbackQuery")


def site_copy(config_path: Path, folder: Path, tg: FakeTelegram) -> Path:
    """A config pointing at the fake API, with copies of the corpus and index it names."""
    from bot.config import load_config

    config = load_config(config_path)
    raw = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    shutil.copytree(config.corpus, folder / "corpus", ignore=shutil.ignore_patterns(".pending", ".removed"))
    if (config.index / "CURRENT").is_file():
        shutil.copytree(config.index, folder / "index", ignore=shutil.ignore_patterns("*.lock"))
    raw.update({"corpus": "corpus", "index": "index", "data": "data"})
    telegram = raw.setdefault("telegram", {}) or {}
    telegram.update({"base_url": tg.base_url, "base_file_url": tg.base_file_url, "admins": [YOU], "webhook": None,
                     "token_env": "TELEGRAM_BOT_TOKEN"})
    telegram.pop("proxy", None)  # the fake API is on this machine
    raw["telegram"] = telegram
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


class Screen:
    """What you see of the chat: the bot's messages, and the buttons of the last one that had any."""

    def __init__(self) -> None:
        self.buttons: list[str] = []  # callback data, numbered from 1 as printed
        self.message_id: int | None = None  # the message those buttons belong to

    def show(self, method: str, params: dict) -> None:
        if method == "answerCallbackQuery":
            if params.get("text"):
                print(f"  (notice) {params['text']}")
            return
        if method == "sendDocument":
            print(f"  [file] {params.get('caption', '')}")
            return
        text = params.get("text", "")
        if params.get("parse_mode") == "HTML":
            try:
                text = parse_html(text)
            except Exception:  # refused by the fake (the bot would have got an error): shown raw
                pass
        print(f"--- {'bot (edited)' if method == 'editMessageText' else 'bot'} ---")
        print(text)
        markup = params.get("reply_markup") or {}
        rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
        if rows:
            self.buttons = []
            self.message_id = int(params.get("_message_id") or params.get("message_id"))
            for row in rows:
                cells = []
                for button in row:
                    self.buttons.append(button.get("callback_data", ""))
                    cells.append(f"[{len(self.buttons)}] {button['text']}")
                print("  " + "   ".join(cells))

    def follow(self, tg: FakeTelegram, start: int, timeout: float) -> None:
        """Print what the bot does after call number `start`, until it has been quiet for a moment."""
        # Quiet counts only once something was shown: calls the bot makes first (the typing indicator, an
        # admin's command menu) come well before an answer that has to load the model.
        deadline, quiet_since, seen = time.monotonic() + timeout, None, start
        while time.monotonic() < deadline:
            calls = tg.calls[seen:]
            shown = [(method, params) for method, params in calls if method in SHOWN]
            for method, params in shown:
                self.show(method, params)
            seen += len(calls)
            if shown or (calls and quiet_since is not None):
                quiet_since = time.monotonic()
            elif quiet_since and time.monotonic() - quiet_since > 1.5:
                return
            time.sleep(0.1)
        if quiet_since is None:
            print(f"  (no reply within {timeout:g} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: printf '第三个聚力是什么\\n' | .venv/bin/python scripts/try_bot.py")
    parser.add_argument("--config", default=os.environ.get("POLICYBOT_CONFIG", "config.yaml"),
                        help="the config whose corpus and index are copied (default: %(default)s)")
    parser.add_argument("--wait", type=float, default=60, help="seconds to wait for a reply (default: %(default)s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policybot-try-") as tmp, FakeTelegram(TOKEN) as tg:
        config = site_copy(Path(args.config), Path(tmp), tg)
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "POLICYBOT_CONFIG": str(config)}
        bot = subprocess.Popen([sys.executable, "-m", "bot", "--config", str(config), "run"], env=env, cwd=ROOT)
        print("starting the bot against a fake Telegram on 127.0.0.1 (about 10 s) …", file=sys.stderr)
        try:
            # getUpdates is not recorded by the fake; deleteWebhook comes right before polling starts.
            tg.wait_for(lambda m, p: m == "deleteWebhook", timeout=300)
        except AssertionError:
            print("the bot did not start; see the lines above", file=sys.stderr)
            bot.terminate()
            return 1
        print("ready: type a question (:help for more)", file=sys.stderr)
        screen = Screen()
        interactive = sys.stdin.isatty()
        try:
            while bot.poll() is None:
                try:
                    line = input("你> " if interactive else "").strip()
                except EOFError:
                    break
                if not line:
                    continue
                if not interactive:
                    print(f"你> {line}")
                start = tg.mark()
                if line in (":quit", ":q"):
                    break
                if line == ":help":
                    print(__doc__.split("ones). Lines you type:")[1])
                    continue
                if line.startswith(":press"):
                    parts = line.split()
                    if len(parts) != 2 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= len(screen.buttons):
                        print(f"  :press takes a button number from 1 to {len(screen.buttons)}")
                        continue
                    tg.press_button(YOU, YOU, screen.message_id, screen.buttons[int(parts[1]) - 1])
                elif line.startswith(":file"):
                    path = Path(line[5:].strip()).expanduser()
                    if not path.is_file():
                        print(f"  no such file: {path}")
                        continue
                    tg.send_document(YOU, YOU, path.name, path.read_bytes())
                else:
                    tg.send_text(YOU, YOU, line)
                screen.follow(tg, start, args.wait)
        finally:
            bot.terminate()
            try:
                bot.wait(10)
            except subprocess.TimeoutExpired:
                bot.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
