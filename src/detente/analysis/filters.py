"""The event filters every analysis and export command takes: one set of options, one object.

``filter_options`` adds the options to a click command and hands the command one
``EventFilter`` (``where``); ``store.database.event_where`` is the one place that turns it into
SQL. So ``--country RUS`` means the same in ``detente events``, ``dyad``, ``network``, ``top``
and every ``export``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..cli_options import date_option
from ..store.database import EventFilter

F = TypeVar("F", bound=Callable[..., Any])

#: The keyword arguments the options below give, turned into ``where`` before the command runs.
_FILTER_ARGS = (
    "since",
    "until",
    "code",
    "roots",
    "quad_classes",
    "source",
    "target",
    "countries",
    "outlets",
    "reported",
    "min_confidence",
    "include_negated",
    "include_all",
)


def _options(actors: bool) -> list[Callable[[F], F]]:
    options = [
        click.option("--since", metavar="DATE", callback=date_option, help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", callback=date_option, help="Events on or before this date (YYYY-MM-DD)."),
        click.option("--code", multiple=True, help="CAMEO event code prefix, e.g. 11 or 036 (repeatable: any)."),
        click.option("--root", "roots", multiple=True, help="CAMEO root code, e.g. 19 or 04 (repeatable: any)."),
        click.option(
            "--quad", "quad_classes", multiple=True, type=click.IntRange(1, 4),
            help="Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
            "4 material conflict (repeatable: any).",
        ),
    ]  # fmt: skip
    if actors:
        options += [
            click.option("--source", multiple=True, help="Source actor code prefix, e.g. RUS or RUSGOV (repeatable: any)."),
            click.option("--target", multiple=True, help="Target actor code prefix, e.g. IGOWSTNAT (repeatable: any)."),
        ]  # fmt: skip
    options += [
        click.option("--country", "countries", multiple=True, help="Country code (an actor code's first three letters) on either side, e.g. UKR (repeatable: any)."),
        click.option("--outlet", "outlets", multiple=True, help="Article source or, without one, dateline agency, e.g. Reuters; any case (repeatable: any)."),
        click.option("--reported/--not-reported", default=None, help="Only events reported in speech ('X said Y attacked'), or only those not reported."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), help="Only events coded with at least this confidence (0-1)."),
        click.option("--include-negated", "--negated", "include_negated", is_flag=True, help="Also negated acts CAMEO does not code ('did not attack')."),
        click.option(
            "--all", "include_all", is_flag=True,
            help="Every coded event: also acts not asserted (future, hypothetical, demanded ...) "
            "and acts without a target.",
        ),
    ]  # fmt: skip
    return options


def event_filter(**values: Any) -> EventFilter:
    """The filter of the options' values (empty repeatable options are no filter)."""
    given: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v
        for k, v in values.items()
        if v is not None and v != () and v != []
    }
    return EventFilter(**given)


def filter_options(actors: bool = True) -> Callable[[F], F]:
    """Add the shared filter options to a command, which gets them as one ``where`` argument.

    ``actors=False`` leaves out ``--source``/``--target`` for commands that name the actors as
    arguments (``detente dyad RUS IGOWSTNAT``).
    """

    names = [n for n in _FILTER_ARGS if actors or n not in ("source", "target")]

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name in names if name in kwargs}
            return command(*args, where=event_filter(**values), **kwargs)

        decorated: Any = wrapper
        for option in reversed(_options(actors)):
            decorated = option(decorated)
        return decorated

    return decorate
