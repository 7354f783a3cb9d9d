"""détente's exceptions. Each carries a code so users can search for it.

The library raises these; only the command line turns them into exit codes (and the web API, which
comes later, into HTTP errors).
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

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (type(self), (self.source, self.reason))  # picklable (from worker processes)


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


class ArticleError(InputError):
    """One article could not be coded: a stage failed on it. The rest of the job goes on."""

    code = "E007"


class ArticleTimeout(ArticleError):
    """One article ran over its time budget (the ``time_budget`` setting) and was skipped."""

    code = "E008"


class ArticleNotStored(InputError):
    """One article was coded but the store refused its rows; the other articles are written."""

    code = "E009"


class StoreError(DetenteError):
    """The store could not be opened or written (locked file, bad schema)."""

    code = "E004"


class StoreOutdated(StoreError):
    """The store was written by an older détente and lacks a table the command reads (it was
    opened read-only, so not migrated); coding into it once upgrades it."""

    code = "E015"

    def __init__(self, path: str, table: str) -> None:
        super().__init__(
            f"{path}: no {table} table: the store was written by an older détente "
            "(run `detente code` on it once to upgrade it)"
        )
        self.path = path
        self.table = table


class PipelineError(DetenteError):
    """The pipeline could not be built (unknown stage, missing model)."""

    code = "E005"


class WorkerError(DetenteError):
    """A worker process died (killed, or out of memory); the job stops, what was stored stays."""

    code = "E010"


class OutputError(DetenteError):
    """An output file cannot be written where asked: it is an input, or its folder is not
    writable."""

    code = "E011"


class AnalysisError(DetenteError):
    """An analysis cannot run as asked (an unknown period, level or list, a dyad without
    actors)."""

    code = "E012"


class ExportError(DetenteError):
    """An export cannot run as asked (an unknown partitioning, a format it does not write)."""

    code = "E013"


class FormatError(InputError):
    """An input is in a format détente does not read as news (XML that is not a PETRARCH
    corpus, PDF, a Word or zip file...): one line naming it, instead of coding its bytes."""

    code = "E014"


class ModelNotFound(PipelineError):
    code = "E006"
