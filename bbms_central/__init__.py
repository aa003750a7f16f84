"""bbms_central: the reference central server bbms-desktop syncs to (FastAPI over SQLAlchemy; SQLite or PostgreSQL).

It imports the client's wire protocol (``bbms_desktop.sync.protocol``), rules and models' column definitions, so the
two sides share one definition of the wire format and of every rule number. It never imports Qt.
"""
