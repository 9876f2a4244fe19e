"""Configuration: config.yaml plus environment, read once into typed records."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from bot.errors import ConfigError

CONFIG_ENV = "POLICYBOT_CONFIG"


@dataclass(frozen=True)
class ModelConfig:
    name: str = "m3e-small"
    batch_size: int = 32
    threads: int = 2
    query_cache: int = 512


@dataclass(frozen=True)
class IngestConfig:
    default_year: int | None = None
    max_file_mb: float = 5
    passage_chars: int = 260


@dataclass(frozen=True)
class SearchConfig:
    top_k: int = 5
    candidates: int = 50
    rrf_k: int = 60
    lexical_weight: float = 1.0
    dense_weight: float = 0.5
    min_dense: float = 0.80
    min_coverage: float = 0.5
    min_dense_with_lexical: float = 0.70
    max_question_chars: int = 500
    lexical_postings: int = 2_000_000


@dataclass(frozen=True)
class TelegramConfig:
    token_env: str = "TELEGRAM_BOT_TOKEN"
    base_url: str | None = None
    base_file_url: str | None = None
    admins: tuple[int, ...] = ()
    max_upload_mb: float = 5
    questions_per_minute: int = 12


@dataclass(frozen=True)
class Config:
    path: Path
    corpus: Path
    index: Path
    data: Path
    model: ModelConfig = field(default_factory=ModelConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    search: SearchConfig = field(default_factory=SearchConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)

    @property
    def max_file_bytes(self) -> int:
        return int(self.ingest.max_file_mb * 1024 * 1024)


def _section(cls: type, raw: Any, name: str):
    if raw is None:
        return cls()
    if not isinstance(raw, dict):
        raise ConfigError(f"config: section '{name}' must be a mapping")
    known = {f.name for f in fields(cls)}
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"config: unknown key(s) in '{name}': {', '.join(sorted(unknown))}")
    values = dict(raw)
    if cls is TelegramConfig and "admins" in values:
        try:
            values["admins"] = tuple(int(a) for a in (values["admins"] or []))
        except (TypeError, ValueError) as exc:
            raise ConfigError("config: telegram.admins must be a list of numeric user ids") from exc
    try:
        return cls(**values)
    except TypeError as exc:
        raise ConfigError(f"config: bad section '{name}': {exc}") from exc


def default_config_path() -> Path:
    return Path(os.environ.get(CONFIG_ENV) or "config.yaml")


def load_config(path: str | Path | None = None) -> Config:
    """Read config.yaml (or POLICYBOT_CONFIG) and resolve its relative paths against its folder."""
    cfg_path = Path(path) if path else default_config_path()
    if not cfg_path.is_file():
        raise ConfigError(f"config file not found: {cfg_path} (use --config PATH or set {CONFIG_ENV})")
    try:
        raw = yaml.safe_load(cfg_path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {cfg_path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"config file {cfg_path} must hold a mapping")
    base = cfg_path.resolve().parent

    def resolve(key: str, default: str) -> Path:
        p = Path(os.path.expanduser(str(raw.get(key) or default)))
        return p if p.is_absolute() else base / p

    return Config(
        path=cfg_path.resolve(),
        corpus=resolve("corpus", "corpus"),
        index=resolve("index", "index"),
        data=resolve("data", "data"),
        model=_section(ModelConfig, raw.get("model"), "model"),
        ingest=_section(IngestConfig, raw.get("ingest"), "ingest"),
        search=_section(SearchConfig, raw.get("search"), "search"),
        telegram=_section(TelegramConfig, raw.get("telegram"), "telegram"),
    )
