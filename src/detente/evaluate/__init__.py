"""Gold-set evaluations: each codes a public test set and reports the figures we gate on."""
