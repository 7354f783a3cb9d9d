"""Actors: recognise mentions of countries, organisations, groups and people and code them
as CAMEO does (country + sector roles), with dated roles and in-article coreference."""
