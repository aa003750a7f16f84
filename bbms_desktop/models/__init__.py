"""SQLAlchemy 2.x typed models of the blood-centre records and the sync bookkeeping; no Qt."""
