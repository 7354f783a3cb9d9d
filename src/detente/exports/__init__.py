"""Exports of the store: GDELT 2.0 tables, Parquet, CSV, JSON Lines."""
