"""Events: the CAMEO/PLOVER ontology as data and the event coder."""
