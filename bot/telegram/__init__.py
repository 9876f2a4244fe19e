"""The Telegram bot (python-telegram-bot 22): a thin layer over search, render and ingest.

app (wiring, polling or webhook) · handlers (officials) · admin (admins, digests) · keyboards (buttons
and their callback-data codec) · messages (every text users see) · service (shared state, limits) ·
store (answers behind buttons, subscribers).
"""

from bot.telegram.app import build_application, run_bot

__all__ = ["build_application", "run_bot"]
