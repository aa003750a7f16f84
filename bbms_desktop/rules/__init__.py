"""Pure domain rules: no database, no network, no Qt. Every number is tagged with its source (see ``sources``)."""
