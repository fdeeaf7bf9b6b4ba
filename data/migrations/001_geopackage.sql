-- Strikemap schema 1: a GeoPackage 1.3 (OGC 12-128r18) whose features table is `events`,
-- plus the `sources` and `claims` attribute tables. The application_id and user_version
-- pragmas belong to GeoPackage, so Strikemap's own schema version lives in strikemap_meta.
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;

CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');

CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);

CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);

CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  geom POINT,
  uid TEXT UNIQUE NOT NULL,
  date_start TEXT NOT NULL,
  date_end TEXT,
  date_precision TEXT,
  lat REAL,
  lon REAL,
  geo_precision TEXT,
  place TEXT,
  admin1 TEXT,
  country TEXT,
  actor TEXT,
  target_type TEXT,
  weapon TEXT,
  origin_lat REAL,
  origin_lon REAL,
  origin_name TEXT,
  summary TEXT,
  status TEXT,
  killed_min INTEGER,
  killed_max INTEGER,
  civilians_min INTEGER,
  civilians_max INTEGER
);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  publisher TEXT,
  title TEXT,
  url TEXT,
  published TEXT,
  author TEXT,
  language TEXT
);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  source_id INTEGER REFERENCES sources(id),
  claimant TEXT NOT NULL,
  stance TEXT NOT NULL,
  text TEXT,
  killed INTEGER,
  civilians INTEGER,
  combatants INTEGER,
  injured INTEGER,
  claimed_on TEXT
);
CREATE INDEX claims_event_id ON claims(event_id);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
VALUES ('events', 'features', 'events', 'Air and missile strike events (Strikemap)', 4326),
       ('sources', 'attributes', 'sources', 'Published sources of claims (Strikemap)', NULL),
       ('claims', 'attributes', 'claims', 'Claims about strike events (Strikemap)', NULL);
INSERT INTO gpkg_geometry_columns VALUES ('events', 'geom', 'POINT', 4326, 0, 0);

CREATE TABLE strikemap_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO strikemap_meta VALUES ('application', 'strikemap');
