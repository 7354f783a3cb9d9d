"""The store: coded articles in DuckDB, one table per fact type.

DuckDB lets one process hold a file for writing, and while it does no other process can open
the file at all (not even read-only). So détente writes from one process only: worker
processes code articles and hand the records back to the process that owns the Store, which
writes each batch in one transaction. Readers (``detente events``, ``dyad``, ``export``; a web
server when there is one) open the file when no writer holds it; see the README's "The store".
"""

from .database import Store, StoreStats

__all__ = ["Store", "StoreStats"]
