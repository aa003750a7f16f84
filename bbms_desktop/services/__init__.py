"""Use cases: one unit of work each, writing domain rows, outbox entries and the audit event together; no Qt."""
