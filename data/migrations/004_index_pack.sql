-- Strikemap schema 4: a packed copy of the in-memory index (index_pack.go), so that opening
-- a large database reads a few blobs instead of every event. strikemap_changes counts every
-- change to events, by whatever program makes it; a copy is used only while the count is
-- the one it was made at. Like events_fts, neither table is in gpkg_contents, so GDAL and
-- QGIS do not list them; the triggers run in every tool that writes to events.
CREATE TABLE strikemap_index (
  name TEXT PRIMARY KEY,
  data BLOB NOT NULL
);
CREATE TABLE strikemap_changes (events INTEGER NOT NULL);
INSERT INTO strikemap_changes VALUES (0);
CREATE TRIGGER strikemap_events_inserted AFTER INSERT ON events
BEGIN UPDATE strikemap_changes SET events = events + 1; END;
CREATE TRIGGER strikemap_events_updated AFTER UPDATE ON events
BEGIN UPDATE strikemap_changes SET events = events + 1; END;
CREATE TRIGGER strikemap_events_deleted AFTER DELETE ON events
BEGIN UPDATE strikemap_changes SET events = events + 1; END;
