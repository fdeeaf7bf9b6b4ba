-- Strikemap schema 2: indexes for the date filter and for finding a source again on import.
CREATE INDEX events_date_start ON events(date_start);
CREATE INDEX events_actor ON events(actor);
CREATE INDEX sources_identity ON sources(title, publisher, published);
