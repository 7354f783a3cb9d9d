"""Analysis over the store: stories and near-duplicates, event clusters, dyad series, networks."""
