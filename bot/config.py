"""Configuration: config.yaml plus environment, read once into typed records.

The dataclasses below are the schema: each key's type, default and allowed range live here and
nowhere else (config.yaml repeats the defaults, and a test checks that the two agree). Adding a key
is one line: `name: type = setting(default, min=..., max=...)`. Every value is checked at load, and
a wrong one is refused with the key's name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import types
import typing
from urllib.parse import urlsplit
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from bot.errors import ConfigError

CONFIG_ENV = "POLICYBOT_CONFIG"


def setting(default: Any, *, min: float | None = None, max: float | None = None,  # noqa: A002 - read as a range
            choices: tuple | None = None) -> Any:
    """A config key's default and the range load_config enforces."""
    meta = {"min": min, "max": max, "choices": choices}
    if isinstance(default, (list, tuple)):
        return field(default=tuple(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class ModelConfig:
    name: str = setting("m3e-small")
    batch_size: int = setting(32, min=1, max=4096)
    threads: int = setting(2, min=1, max=256)
    query_cache: int = setting(512, min=0)  # question embeddings kept in an LRU cache


@dataclass(frozen=True)
class IngestConfig:
    default_year: int | None = setting(None, min=1949, max=2100)  # None: a date without a year stays without one
    max_file_mb: float = setting(5, min=0.001)  # the one size limit for bulletins: CLI, corpus and bot uploads
    max_unpacked_mb: float = setting(40, min=0.001)  # a .docx's content once decompressed (zip bombs)
    passage_chars: int = setting(260, min=20, max=20_000)


@dataclass(frozen=True)
class LedgerConfig:
    # Unit names the documents do not declare: "short=full", e.g. "县住建局=县住房和城乡建设局" (policybot tasks --unit)
    aliases: tuple[str, ...] = setting(())


@dataclass(frozen=True)
class SearchConfig:
    top_k: int = setting(5, min=1, max=100)
    candidates: int = setting(50, min=1, max=10_000)
    rrf_k: int = setting(60, min=1)
    lexical_weight: float = setting(1.0, min=0)
    dense_weight: float = setting(0.5, min=0)
    min_dense: float = setting(0.80, min=-1, max=1)
    min_coverage: float = setting(0.2, min=0, max=1)
    min_dense_with_lexical: float = setting(0.60, min=-1, max=1)
    max_question_chars: int = setting(500, min=1)
    lexical_postings: int = setting(2_000_000, min=0)  # a far safety cap, see config.yaml
    context_weight: float = setting(0.5, min=0)
    lexical_clear: float = setting(1.4, min=1)
    list_tolerance: float = setting(0.1, min=0, max=1)
    recent_tolerance: float = setting(0.3, min=0, max=1)
    min_list_share: float = setting(0.5, min=0, max=1)
    min_topic_share: float = setting(0.8, min=0, max=1)
    answer_depth: int = setting(3, min=1, max=100)
    min_context_coverage: float = setting(0.42, min=0, max=1)
    min_topic_coverage: float = setting(0.1, min=0, max=1)
    min_amount_coverage: float = setting(0.5, min=0, max=1)
    close_cosine: float = setting(0.85, min=-1, max=1)
    paraphrase_cosine: float = setting(0.78, min=-1, max=1)
    meaning_cosine: float = setting(0.8, min=-1, max=1)
    meaning_margin: float = setting(0.075, min=0, max=2)


@dataclass(frozen=True)
class VectorsConfig:
    approximate_from: int = setting(20_000, min=1)  # passages from which FAISS uses IVF instead of exact search
    nprobe: int = setting(64, min=1, max=65_536)  # IVF lists searched per question


@dataclass(frozen=True)
class WebhookConfig:
    """Production mode: Telegram POSTs updates to `url`; the bot listens on listen:port behind a TLS proxy."""

    url: str = setting("")
    listen: str = setting("127.0.0.1")
    port: int = setting(8443, min=1, max=65_535)
    secret_token: str | None = setting(None)


@dataclass(frozen=True)
class TelegramConfig:
    token_env: str = setting("TELEGRAM_BOT_TOKEN")
    base_url: str | None = setting(None)
    base_file_url: str | None = setting(None)
    admins: tuple[int, ...] = setting(())
    access: str = setting("members", choices=("members", "open"))  # who gets answers, see bot/telegram/access.py
    members: tuple[int, ...] = setting(())  # user ids approved in advance (members mode)
    member_chats: tuple[int, ...] = setting(())  # group chat ids allowed in advance (members mode)
    questions_per_minute: int = setting(12, min=1)
    weekly_summary: bool = setting(True)  # Monday 09:00: admins get the most-asked unanswered questions
    webhook: WebhookConfig | None = setting(None)  # None: long polling
    proxy: str | None = setting(None)  # http(s):// or socks5(h):// URL when Telegram is not reachable directly
    timezone: str = setting("Asia/Shanghai")  # the followers' local time: reminders at reminder_at, "today"
    reminder_days: tuple[int, ...] = setting((7, 1))  # followers are reminded this many days before a deadline
    reminder_at: str = setting("09:00")  # local time (HH:MM) of the daily reminders

    def __post_init__(self) -> None:
        if self.proxy is not None:
            check_proxy(self.proxy)
        check_timezone(self.timezone)
        if any(not 0 <= d <= 366 for d in self.reminder_days):
            raise ConfigError(f"config: telegram.reminder_days must be days between 0 and 366, not "
                              f"{list(self.reminder_days)}")
        reminder_time(self.reminder_at)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def check_timezone(name: str) -> str:
    """An IANA time zone name zoneinfo knows (Asia/Shanghai), or ConfigError in one line."""
    try:
        ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        raise ConfigError(f"config: telegram.timezone must be a time zone such as Asia/Shanghai, not {name!r}") \
            from None
    return name


def reminder_time(value: str) -> dt.time:
    """"09:00" → 09:00, or ConfigError."""
    try:
        return dt.time.fromisoformat(value)
    except (TypeError, ValueError):
        raise ConfigError(f"config: telegram.reminder_at must be a time like 09:00, not {value!r}") from None


PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")  # what httpx (PTB's HTTP client) accepts


def check_proxy(url: str) -> str:
    """A proxy URL httpx can use, or ConfigError in one line."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in PROXY_SCHEMES or not parts.hostname or port is None:
        raise ConfigError(f"config: telegram.proxy must be a URL such as socks5://127.0.0.1:1080 or "
                          f"http://proxy.example.org:3128 ({', '.join(PROXY_SCHEMES)}, with a host and a port), "
                          f"not {url!r}")
    return url


@dataclass(frozen=True)
class ConversationConfig:
    followup_minutes: float = setting(30, min=0, max=24 * 60)  # a chat's last answer is kept this long; 0: no follow-ups


SECTIONS: dict[str, type] = {
    "model": ModelConfig,
    "ingest": IngestConfig,
    "ledger": LedgerConfig,
    "search": SearchConfig,
    "vectors": VectorsConfig,
    "telegram": TelegramConfig,
    "conversation": ConversationConfig,
}
PATH_KEYS = ("corpus", "index", "data")
# Keys that were renamed or merged: a config naming them gets a message saying where they went.
MOVED = {"telegram.max_upload_mb": "ingest.max_file_mb (one size limit for every way a bulletin arrives)"}


@dataclass(frozen=True)
class Config:
    path: Path
    corpus: Path
    index: Path
    data: Path
    model: ModelConfig = field(default_factory=ModelConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    ledger: LedgerConfig = field(default_factory=LedgerConfig)
    search: SearchConfig = field(default_factory=SearchConfig)
    vectors: VectorsConfig = field(default_factory=VectorsConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    conversation: ConversationConfig = field(default_factory=ConversationConfig)

    @property
    def max_file_bytes(self) -> int:
        return int(self.ingest.max_file_mb * 1024 * 1024)

    @property
    def max_unpacked_bytes(self) -> int:
        return int(self.ingest.max_unpacked_mb * 1024 * 1024)


def defaults(section: type) -> dict[str, Any]:
    """A section's defaults as config.yaml spells them (tuples as lists)."""
    out = {}
    for f in fields(section):
        value = f.default if f.default is not MISSING else f.default_factory()  # type: ignore[misc]
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


_TYPE_NAMES = {int: "an integer", float: "a number", str: "a string", bool: "true or false"}


def _check(key: str, value: Any, hint: Any, meta: dict) -> Any:
    """The value converted to the key's type, or ConfigError naming the key."""
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union \
        else (hint,)
    if value is None:
        if type(None) in options:
            return None
        raise ConfigError(f"config: {key} needs a value")
    base = next(t for t in options if t is not type(None))
    if dataclasses.is_dataclass(base):  # a nested section, e.g. telegram.webhook
        return _section(base, value, key)
    if typing.get_origin(base) is tuple:
        (item,) = typing.get_args(base)[:1]
        if not isinstance(value, list):
            raise ConfigError(f"config: {key} must be a list, not {value!r}")
        return tuple(_check(f"{key}[{i}]", v, item, {}) for i, v in enumerate(value))
    if base is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, base) or (base is not bool and isinstance(value, bool)):
        raise ConfigError(f"config: {key} must be {_TYPE_NAMES.get(base, base.__name__)}, not {value!r}")
    if meta.get("choices") and value not in meta["choices"]:
        raise ConfigError(f"config: {key} must be one of {', '.join(map(str, meta['choices']))}, not {value!r}")
    low, high = meta.get("min"), meta.get("max")
    if (low is not None and value < low) or (high is not None and value > high):
        span = f"between {low} and {high}" if low is not None and high is not None else (
            f"at least {low}" if low is not None else f"at most {high}")
        raise ConfigError(f"config: {key} must be {span}, not {value!r}")
    return value


def _section(cls: type, raw: Any, name: str):
    if raw is None:
        return cls()
    if not isinstance(raw, dict):
        raise ConfigError(f"config: section '{name}' must be a mapping")
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in fields(cls)}
    for key in raw:
        moved = MOVED.get(f"{name}.{key}")
        if moved:
            raise ConfigError(f"config: {name}.{key} is gone; use {moved}")
        if key not in known:
            raise ConfigError(f"config: unknown key '{name}.{key}' (known: {', '.join(known)})")
    values = {key: _check(f"{name}.{key}", value, hints[key], dict(known[key].metadata)) for key, value in raw.items()}
    return cls(**values)


def default_config_path() -> Path:
    return Path(os.environ.get(CONFIG_ENV) or "config.yaml")


def load_config(path: str | Path | None = None) -> Config:
    """Read config.yaml (or POLICYBOT_CONFIG) and resolve its relative paths against its folder."""
    cfg_path = Path(path) if path else default_config_path()
    if not cfg_path.is_file():
        raise ConfigError(f"config file not found: {cfg_path} (use --config PATH or set {CONFIG_ENV})")
    try:
        raw = yaml.safe_load(cfg_path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        reason = getattr(exc, "problem", None) or getattr(exc, "strerror", None) or type(exc).__name__
        raise ConfigError(f"config file {cfg_path} cannot be read as YAML: {reason}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"config file {cfg_path} must hold a mapping")
    unknown = set(raw) - set(SECTIONS) - set(PATH_KEYS)
    if unknown:
        raise ConfigError(f"config: unknown section(s): {', '.join(sorted(map(str, unknown)))}")
    base = cfg_path.resolve().parent

    def resolve(key: str) -> Path:
        value = raw.get(key) or key
        if not isinstance(value, str):
            raise ConfigError(f"config: {key} must be a folder path, not {value!r}")
        p = Path(os.path.expanduser(value))
        return p if p.is_absolute() else base / p

    return Config(
        path=cfg_path.resolve(),
        corpus=resolve("corpus"),
        index=resolve("index"),
        data=resolve("data"),
        **{name: _section(cls, raw.get(name), name) for name, cls in SECTIONS.items()},
    )
