-- Strikemap schema 3: full-text search. events_fts indexes each event's words under the
-- event's id: its summary, place, admin1, country and actor, and, as one column, the text
-- and claimant of each of its claims in claim order (searchColumns in search.go builds
-- the same columns for new events). It is contentless: the words stay in events and
-- claims, the index only points at them, which keeps the file small. unicode61 with
-- remove_diacritics 2 makes "Raqqa" find "raqqa" and "Dayr" find "Dāyr".
-- GDAL and QGIS list only the tables registered in gpkg_contents, so they do not see it.
CREATE VIRTUAL TABLE events_fts USING fts5(summary, place, admin1, country, actor, claims,
  content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO events_fts (rowid, summary, place, admin1, country, actor, claims)
SELECT e.id, e.summary, e.place, e.admin1, e.country, e.actor,
  (SELECT group_concat(coalesce(c.text, '') || ' ' || c.claimant, ' ' ORDER BY c.id)
   FROM claims c WHERE c.event_id = e.id)
FROM events e;
