"""Quotations: direct, partial and indirect speech with speaker, cue and spans."""
