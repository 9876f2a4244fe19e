"""Console chat: the same answers the bot gives, as plain text, one question a line."""

from __future__ import annotations

import sys

from bot.config import Config
from bot.errors import PolicyBotError
from bot.render import console_text
from bot.search import Searcher

WELCOME = "政策问答（控制台）。输入问题后回车；输入“下一条”看下一个结果；Ctrl-D 退出。"


def console_chat(config: Config, searcher: Searcher, interactive: bool = True, stdin=None, stdout=None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    if interactive:
        print(WELCOME, file=stdout)
    last = None
    shown = 0
    while True:
        if interactive:
            print("\n问> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        if question in ("下一条", "next") and last is not None:
            shown += 1
            if shown < len(last.results):
                r = last.results[shown]
                print(f"【第{shown + 1}个结果】\n" + console_text(_single(last, r)), file=stdout)
            else:
                print("没有更多结果了。", file=stdout)
            continue
        try:
            answer = searcher.search(question)
        except PolicyBotError as exc:
            print(exc.message, file=stdout)
            continue
        last, shown = answer, 0
        if not interactive:
            print(f"问：{question}", file=stdout)
        print(console_text(answer), file=stdout)
        if not interactive:
            print(file=stdout)
        stdout.flush()
    return 0


def _single(answer, result):
    from dataclasses import replace

    return replace(answer, results=(result,))
