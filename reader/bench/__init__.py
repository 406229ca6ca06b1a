"""Benchmarks, run by hand or by ``make bench``: speed is measured here, never in tests."""
