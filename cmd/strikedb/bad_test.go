package main

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// badDir holds the bad-input corpus; testdata/bad/README.md says what each file is.
var badDir = filepath.Join("..", "..", "testdata", "bad")

// badCase is what strikedb must say of one file of the corpus: a word or phrase its
// stderr line holds where an entry point takes files of the file's kind. Database
// entry points (check, export, render, import -o) refuse text files as not SQLite, and
// import refuses databases and tile files as of no format it reads.
type badCase struct {
	db    string // check, export, render, and import into it: for SQLite files
	tiles string // render --tiles: for .mbtiles
	in    string // import of it: for .csv, .geojson and .json
}

// mbtilesNotOurs is why the database entry points refuse an MBTiles file.
const mbtilesNotOurs = "an MBTiles tile set, not a database of events; use it as a basemap"

var badFiles = map[string]badCase{
	"db-empty.db":             {db: "the file is empty"},
	"db-text.db":              {db: "not a SQLite file"},
	"db-random.db":            {db: "not a SQLite file"},
	"db-cut-header.db":        {db: "cut off inside the SQLite header"},
	"db-cut-page1.db":         {db: "damaged"},
	"db-cut-half.db":          {db: "damaged"},
	"db-zero-tail.db":         {db: "damaged"},
	"db-bad-page-size.db":     {db: "damaged"},
	"db-garbled-schema.db":    {db: "damaged"},
	"db-garbled-events.db":    {db: "damaged"},
	"db-garbled-claims.db":    {db: "damaged"},
	"db-no-tables.db":         {db: "no tables"},
	"db-other-app.db":         {db: "without Strikemap's tables (tables: customers)"},
	"db-our-names-only.db":    {db: "no strikemap_meta"},
	"db-wrong-types.db":       {db: "column events.geom is declared TEXT, not POINT"},
	"db-missing-column.db":    {db: "table events lacks the column lat"},
	"db-newer-schema.db":      {db: "schema version 99 is newer"},
	"db-schema-not-number.db": {db: `schema_version "three" is not a number`},
	"db-other-meta.db":        {db: "strikemap_meta does not name Strikemap"},
	"gpkg-roads.gpkg":         {db: "a GeoPackage of something else (tables: roads)"},
	"gpkg-events.gpkg":        {db: "a GeoPackage of something else (tables: events)"},

	"tiles-garbage.mbtiles":        {tiles: "not a PNG or JPEG image: 700 bytes starting", db: mbtilesNotOurs},
	"tiles-broken-png.mbtiles":     {tiles: "tile 1/1/0: not a PNG or JPEG image", db: mbtilesNotOurs},
	"tiles-vector.mbtiles":         {tiles: "vector MBTiles (pbf) are not supported", db: mbtilesNotOurs},
	"tiles-no-tiles-table.mbtiles": {tiles: "no tiles table", db: "without Strikemap's tables (tables: metadata)"},
	"tiles-cut.mbtiles":            {tiles: "damaged", db: "damaged"},
	"tiles-text.mbtiles":           {tiles: "not a SQLite file"},

	"csv-empty.csv":                 {in: "the file is empty"},
	"csv-wrong-header.csv":          {in: "cannot tell the format"},
	"csv-missing-columns.csv":       {in: "the header lacks the column(s) lat, lon"},
	"csv-acled-missing-columns.csv": {in: "the header lacks the column(s) latitude, longitude"},
	"csv-ragged.csv":                {in: "20 cells, but the header has 36 columns"},
	"csv-megabyte-field.csv":        {in: "summary is 1107000 bytes long"},
	"csv-long-cells.csv":            {in: `lat "` + strings.Repeat("3", 60) + `…" is not a number`},
	"csv-invalid-utf8.csv":          {in: "place is not UTF-8"},
	"csv-nul-bytes.csv":             {in: "NUL"},
	"csv-utf16.csv":                 {in: "UTF-16"},
	"csv-unclosed-quote.csv":        {in: "broken CSV"},
	"csv-binary.csv":                {in: "cannot tell the format"},
	"csv-swapped.csv":               {in: "latitude 124.29 is outside -90..90"},

	"geojson-empty.geojson":           {in: "the file is empty"},
	"geojson-not-json.geojson":        {in: "broken JSON"},
	"geojson-cut-off.geojson":         {in: "the file ends inside"},
	"geojson-deep-arrays.geojson":     {in: "nested too deeply"},
	"geojson-deep-objects.geojson":    {in: "nested too deeply"},
	"geojson-polygons.geojson":        {in: `geometry is a "Polygon", not a Point`},
	"geojson-swapped.geojson":         {in: "lat 124.29 is outside -90..90"},
	"geojson-swapped-syria.geojson":   {in: "disagree with the geometry"},
	"geojson-not-collection.geojson":  {in: "not a GeoJSON FeatureCollection"},
	"geojson-huge-number.geojson":     {in: "1e400"},
	"geojson-long-values.geojson":     {in: "geometry coordinates 1" + strings.Repeat("0", 59) + "… is out of range"},
	"geojson-nul-escape.geojson":      {in: "NUL"},
	"geojson-swapped-no-hint.geojson": {in: "latitude and longitude swapped?"},
	"csv-swapped-syria.csv":           {in: "latitude and longitude swapped?"},
	"geojson-invalid-utf8.geojson":    {in: "place is not UTF-8"},
	"geojson-trailing.geojson":        {in: "more data after the end"},
}

// The table above, the files and the README's table name the same files.
func TestBadCorpusIsComplete(t *testing.T) {
	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(badDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if e.Type().IsRegular() && e.Name() != "README.md" {
			files = append(files, e.Name())
			if _, ok := badFiles[e.Name()]; !ok {
				t.Errorf("%s is not in badFiles", e.Name())
			}
			if !strings.Contains(string(readme), "| `"+e.Name()+"` |") {
				t.Errorf("README.md has no row for %s", e.Name())
			}
		}
	}
	for name := range badFiles {
		if !slices.Contains(files, name) {
			t.Errorf("badFiles names %s, which testdata/bad lacks", name)
		}
	}
	if len(files) < 30 {
		t.Errorf("%d files; the corpus wants at least 30", len(files))
	}
}

// Every file of the corpus, through every entry point: exit 1, one line on stderr that
// names the file and the cause, no output file or temporary file left, and no database
// changed, neither the bad one nor a good one imported into.
func TestBadInputs(t *testing.T) {
	sample := filepath.Join(t.TempDir(), "sample.db")
	if code, _, stderr := strikedb(t, "sample", "-o", sample); code != 0 {
		t.Fatal(stderr)
	}
	good, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range badFiles {
		t.Run(name, func(t *testing.T) {
			orig, err := os.ReadFile(filepath.Join(badDir, name))
			if err != nil {
				t.Fatal(err)
			}
			ext := filepath.Ext(name)
			isDB, isTiles := ext == ".db" || ext == ".gpkg", ext == ".mbtiles"
			notSQLite := "not a SQLite file"
			if len(orig) == 0 {
				notSQLite = "the file is empty"
			}
			dbCause, inCause := tc.db, tc.in
			if dbCause == "" {
				dbCause = notSQLite
			}
			if isDB || isTiles {
				inCause = notSQLite
				if len(orig) > 0 {
					inCause = "cannot tell the format"
				}
			}
			run := func(entry, cause string, args func(dir, file, goodDB string) []string) {
				t.Run(entry, func(t *testing.T) {
					dir := t.TempDir()
					file := filepath.Join(dir, name)
					goodDB := filepath.Join(dir, "good.db")
					write(t, file, orig)
					write(t, goodDB, good)
					code, stdout, stderr := strikedb(t, args(dir, file, goodDB)...)
					checkRefusal(t, code, stdout, stderr, name, cause)
					unchanged(t, file, orig)
					unchanged(t, goodDB, good)
					want := []string{"good.db", name}
					slices.Sort(want)
					if left := listDir(t, dir); !slices.Equal(left, want) {
						t.Errorf("left in its folder: %v", left)
					}
				})
			}
			run("check", dbCause, func(_, f, _ string) []string { return []string{"check", f} })
			run("export", dbCause, func(d, f, _ string) []string {
				return []string{"export", "-o", filepath.Join(d, "out.geojson"), f}
			})
			run("export csv", dbCause, func(d, f, _ string) []string {
				return []string{"export", "-o", filepath.Join(d, "out.csv"), f}
			})
			run("render", dbCause, func(d, f, _ string) []string {
				return []string{"render", "--size", "320x240", "-o", filepath.Join(d, "out.png"), f}
			})
			run("import into it", dbCause, func(_, f, _ string) []string {
				return []string{"import", "-o", f, filepath.Join("..", "..", "testdata", "import", "acled.csv")}
			})
			run("import it", inCause, func(_, f, g string) []string { return []string{"import", "-o", g, f} })
			run("import it into a new database", inCause, func(d, f, _ string) []string {
				return []string{"import", "-o", filepath.Join(d, "new.db"), f}
			})
			if isTiles {
				t.Setenv("XDG_CACHE_HOME", t.TempDir())
				run("render --tiles", tc.tiles, func(d, f, g string) []string {
					return []string{"render", "--tiles", f, "--size", "320x240", "-o", filepath.Join(d, "out.png"), g}
				})
			}
		})
	}
}

// checkRefusal tests what strikedb printed on refusing the file name for cause.
func checkRefusal(t *testing.T, code int, stdout, stderr, name, cause string) {
	t.Helper()
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if all := stdout + stderr; strings.Contains(all, "panic") || strings.Contains(all, "goroutine ") {
		t.Fatalf("panicked:\n%s", all)
	}
	if !strings.HasPrefix(stderr, "strikedb: ") || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr is not one line starting with \"strikedb: \": %.500q", stderr)
	}
	if !strings.Contains(stderr, name) {
		t.Errorf("stderr does not name %s: %.500q", name, stderr)
	}
	if !strings.Contains(stderr, cause) {
		t.Errorf("stderr does not say %q: %.500q", cause, stderr)
	}
	if len(stderr) > 1000 {
		t.Errorf("stderr is %d bytes long", len(stderr))
	}
	for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if len(line) > 1000 {
			t.Errorf("a line of stdout is %d bytes long: %.200q…", len(line), line)
		}
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// unchanged fails t when the file at path no longer holds want.
func unchanged(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%s: %v", filepath.Base(path), err)
		return
	}
	if sha256.Sum256(got) != sha256.Sum256(want) {
		t.Errorf("%s changed: sha256 %x, was %x", filepath.Base(path), sha256.Sum256(got), sha256.Sum256(want))
	}
}

// listDir returns the names in dir, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}
