"""Readers that turn text, HTML, JSONL, CSV, feeds and archives into Article records."""
