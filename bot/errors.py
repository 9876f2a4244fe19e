"""Project exceptions: each carries a message written for the person who caused it."""


class PolicyBotError(Exception):
    """An error a user or admin can cause; `message` is shown to them as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ConfigError(PolicyBotError):
    """config.yaml or the environment is wrong."""


class BulletinError(PolicyBotError):
    """A bulletin file cannot be read or holds no bulletin."""


class IndexUnavailable(PolicyBotError):
    """The index is missing, corrupt, or was built with another model."""


class QuestionError(PolicyBotError):
    """A question cannot be searched (empty, too long, ...)."""


class IndexBusy(PolicyBotError):
    """Another change to the index is running."""


class IndexUnwritable(PolicyBotError):
    """The index or corpus folder cannot be written (read-only, full disk, wrong owner)."""


class UsageError(PolicyBotError):
    """A command was called with a wrong argument (exit status 2, like argparse's own usage errors)."""
