"""Qt widgets only: windows, pages, table models and the one background-task helper. Decisions live below."""
