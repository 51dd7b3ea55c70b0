"""Pure-Python analysis engines. Nothing here imports Django or a Django app (import-linter enforces it)."""
