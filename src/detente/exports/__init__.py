"""Exports of the store into other formats: GDELT 2.0 event files."""
