"""Configuration: one schema whose defaults equal config.yaml, every value checked at load with its
key's name, and relative paths resolved against the config file."""

import pytest
import yaml

from bot.cli import main
from bot.config import SECTIONS, defaults, load_config
from bot.errors import ConfigError
from tests.conftest import ROOT


def write(tmp_path, text: str):
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_code_defaults_are_config_yaml():
    shipped = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    assert set(shipped) == set(SECTIONS) | {"corpus", "index", "data"}
    for name, section in SECTIONS.items():
        assert shipped[name] == defaults(section), name


def test_a_missing_section_means_the_shipped_values(tmp_path):
    shipped = load_config(ROOT / "config.yaml")
    bare = load_config(write(tmp_path, "corpus: corpus\n"))
    for name in SECTIONS:
        assert getattr(bare, name) == getattr(shipped, name), name
    assert bare.search.min_coverage == 0.2


@pytest.mark.parametrize("text,words", [
    ("search:\n  top_k: five\n", ["search.top_k", "integer", "five"]),
    ("search:\n  top_k: 0\n", ["search.top_k", "between 1 and 100"]),
    ("search:\n  min_coverage: 1.5\n", ["search.min_coverage", "between 0 and 1"]),
    ("search:\n  top_k: true\n", ["search.top_k", "integer"]),
    ("model:\n  name: 5\n", ["model.name", "string"]),
    ("vectors:\n  nprobe: -3\n", ["vectors.nprobe"]),
    ("ingest:\n  max_file_mb: null\n", ["ingest.max_file_mb", "needs a value"]),
    ("telegram:\n  admins: [12, abc]\n", ["telegram.admins[1]", "integer"]),
    ("telegram:\n  admins: 12\n", ["telegram.admins", "list"]),
    ("telegram:\n  max_upload_mb: 3\n", ["telegram.max_upload_mb", "ingest.max_file_mb"]),
    ("telegram:\n  access: everyone\n", ["telegram.access", "members, open", "everyone"]),
    ("telegram:\n  members: [12, '@zhang']\n", ["telegram.members[1]", "integer", "@zhang"]),
    ("telegram:\n  member_chats: -100123\n", ["telegram.member_chats", "list"]),
    ("search:\n  topk: 3\n", ["search.topk", "unknown"]),
    ("serach:\n  top_k: 3\n", ["serach", "unknown"]),
    ("search: [1, 2]\n", ["search", "mapping"]),
    ("index: 5\n", ["index", "folder"]),
    ("search:\n  top_k: [\n", ["YAML"]),
    ("telegram:\n  proxy: 127.0.0.1:1080\n", ["telegram.proxy", "socks5://"]),
    ("telegram:\n  proxy: socks5://proxy.example.org\n", ["telegram.proxy", "port"]),
    ("telegram:\n  proxy: ftp://proxy.example.org:21\n", ["telegram.proxy"]),
    ("telegram:\n  proxy: http://host:notaport\n", ["telegram.proxy"]),
])
def test_a_wrong_value_is_refused_with_its_key(tmp_path, capsys, text, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert all(w in err.value.message for w in words), err.value.message
    assert main(["--config", str(path), "sources"]) == 1
    _, err_text = capsys.readouterr()
    assert "Traceback" not in err_text and len(err_text.strip().splitlines()) == 1


def test_integers_are_accepted_for_numbers_and_paths_resolve_against_the_file(tmp_path):
    config = load_config(write(tmp_path, "index: built\nsearch:\n  min_dense: 1\ningest:\n  default_year: null\n"))
    assert config.search.min_dense == 1.0 and isinstance(config.search.min_dense, float)
    assert config.ingest.default_year is None
    assert config.index == tmp_path / "built" and config.corpus == tmp_path / "corpus"


@pytest.mark.parametrize("url", ["socks5://127.0.0.1:1080", "http://proxy.example.org:3128",
                                 "socks5h://user:secret@proxy.example.org:1080"])
def test_a_proxy_is_accepted_and_reaches_the_bots_http_client(tmp_path, url):
    from bot.telegram.app import build_application

    config = load_config(write(tmp_path, f"telegram:\n  proxy: {url}\n"))
    assert config.telegram.proxy == url
    app = build_application(config, "123456789:AAExampleExampleExampleExample12345", searcher=object())
    # both of PTB's HTTPX clients (the bot's calls and long polling) go through the proxy
    for request in (app.bot.request, app.bot._request[0]):
        assert request._client_kwargs["proxy"] == url
