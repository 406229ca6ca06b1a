"""The analysis engine. Placeholder until the engine lands."""
