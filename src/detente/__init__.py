"""détente: news in, political event data out (actors, CAMEO/PLOVER events, quotations, places,
themes, tone), every fact traceable to its sentence and the rule that produced it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("detente")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
