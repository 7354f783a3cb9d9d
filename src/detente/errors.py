"""détente's exceptions. Each carries a code so users can search for it.

The library raises these; only the CLI and web edges turn them into exit codes or HTTP errors.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class: ``[E000] message``."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(DetenteError):
    """An input could not be read as articles (names the input and the reason)."""

    code = "E001"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SettingsError(DetenteError):
    """A setting has an unknown name or a value of the wrong type."""

    code = "E002"


class DictionaryError(DetenteError):
    """A dictionary file is malformed; the message names ``file:line``."""

    code = "E003"

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, int | None, str]]:
        return (type(self), (self.path, self.line, self.reason))  # picklable (dictionary cache)


class StoreError(DetenteError):
    """The store could not be opened or written (locked file, bad schema)."""

    code = "E004"


class PipelineError(DetenteError):
    """The pipeline could not be built (unknown stage, missing model)."""

    code = "E005"


class ModelNotFound(PipelineError):
    code = "E006"
