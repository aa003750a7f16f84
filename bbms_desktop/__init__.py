"""bbms-desktop: an offline-first desktop client for blood centres.

Layers, lowest first (enforced by import-linter contracts in pyproject.toml):
rules (pure domain rules) → models (SQLAlchemy) → services (use cases) → sync → ui (Qt only).
"""

__version__ = "0.1.0"
