"""Scaling out: worker processes on one machine (Spark comes later through the same function)."""
