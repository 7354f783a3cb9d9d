"""Readers for other event coders' file formats (PETRARCH/TABARI), used at run time."""
