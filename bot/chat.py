"""Console chat: the same answers the bot gives, as plain text, one question a line (follow-ups and small
talk as in a Telegram chat: bot/conversation.py)."""

from __future__ import annotations

import sys

from bot.config import Config
from bot.conversation import Conversations
from bot.errors import PolicyBotError
from bot.render import console_text
from bot.search import Searcher

WELCOME = ("政策问答（控制台）。输入问题后回车；可以接着问“第三个呢”“下一条”“这是谁讲的”“展开说说”；"
           "输入“退出”或按 Ctrl-D 结束。")
# What ends the console chat besides the end of input (people type these rather than Ctrl-D).
QUIT = frozenset({"退出", "再见", "exit", "quit", "/quit", ":quit", "/exit", "q"})
CONSOLE = "console"  # the one chat a console holds


def console_chat(config: Config, searcher: Searcher, interactive: bool = True, stdin=None, stdout=None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    if interactive:
        print(WELCOME, file=stdout)
    chats = Conversations(searcher, config.conversation.followup_minutes)
    while True:
        if interactive:
            print("\n问> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        if question.lower() in QUIT:
            break
        try:
            answer = chats.ask(CONSOLE, question)
        except PolicyBotError as exc:
            print(exc.message, file=stdout)
            continue
        if not interactive:
            print(f"问：{question}", file=stdout)
        print(console_text(answer), file=stdout)
        if not interactive:
            print(file=stdout)
        stdout.flush()
    return 0
