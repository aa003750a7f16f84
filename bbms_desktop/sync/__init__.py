"""Wire protocol (shared with bbms_central), HTTP client, sync engine and credentials; no widgets."""
