package data_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

// fixture is the path of a file in testdata/import.
func fixture(name string) string { return filepath.Join("..", "testdata", "import", name) }

// importReporting imports files into path and returns what Import reported, as lines.
func importReporting(t testing.TB, path string, opt data.ImportOptions, files ...string) (data.ImportResult, []string, error) {
	t.Helper()
	var lines []string
	opt.Report = func(p data.Problem) { lines = append(lines, p.String()) }
	res, err := data.Import(context.Background(), path, files, opt)
	return res, lines, err
}

// The dirty fixtures' problems, in file order; warnings do not stop an import.
var dirtyProblems = []string{
	fixture("acled_dirty.csv") + ":3: longitude 4239 is outside -180..180",
	fixture("acled_dirty.csv") + ":4: event_date is empty",
	fixture("acled_dirty.csv") + `:8: time_precision "7" is not 1, 2 or 3`,
	fixture("acled_dirty.csv") + `:9: no coordinates (and no geocoder to place "Latakia" by its name)`,
	fixture("ucdp_dirty.csv") + ":2: longitude 4239 is outside -180..180",
	fixture("ucdp_dirty.csv") + ":3: date_start is empty",
	fixture("ucdp_dirty.csv") + `:4: best "many" is not a whole number`,
	fixture("ucdp_dirty.csv") + ":5: warning: low 30, best 20, high 10 are not in order; kept as UCDP gives them",
}

func TestInvalidRowsStopTheWholeImport(t *testing.T) {
	dir := t.TempDir()
	existing := mustSample(t)
	before := datatest.Sum(t, existing)
	for name, path := range map[string]string{"new database": filepath.Join(dir, "new.db"), "existing database": existing} {
		t.Run(name, func(t *testing.T) {
			res, lines, err := importReporting(t, path, data.ImportOptions{}, fixture("acled_dirty.csv"), fixture("ucdp_dirty.csv"))
			if !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), "7 of 10 rows are invalid; nothing was imported") {
				t.Errorf("error %v, want 7 of 10 rows invalid", err)
			}
			if !slices.Equal(lines, dirtyProblems) {
				t.Errorf("reported\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(dirtyProblems, "\n"))
			}
			if res.Added != 0 || res.Invalid != 7 || res.Rows != 10 || res.Warnings != 1 {
				t.Errorf("result %+v", res)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "new.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a rejected import left a new database behind: %v", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a rejected import left %v behind", left)
	}
	if datatest.Sum(t, existing) != before {
		t.Error("a rejected import changed the existing database")
	}
}

func TestSkipInvalidImportsTheValidRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	res, lines, err := importReporting(t, path, data.ImportOptions{SkipInvalid: true},
		fixture("acled_dirty.csv"), fixture("ucdp_dirty.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lines, dirtyProblems) {
		t.Errorf("reported\n%s", strings.Join(lines, "\n"))
	}
	if res.Added != 3 || res.Invalid != 7 {
		t.Errorf("result %+v, want 3 added and 7 invalid", res)
	}
	var uids []string
	for _, e := range allEvents(t, mustOpen(t, path, data.ReadOnly)) {
		uids = append(uids, e.UID)
	}
	if want := []string{"SYR900010", "SYR900013", "900113"}; !slices.Equal(uids, want) {
		t.Errorf("stored %v, want %v", uids, want)
	}
}

func TestImportingTwiceAddsNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	files := []string{fixture("acled.csv"), fixture("ucdp.csv")}
	first := mustImport(t, path, files...)
	second := mustImport(t, path, files...)
	if first.Added != 7 || second.Added != 0 || second.Existing != 7 {
		t.Errorf("first %+v, second %+v; want 7 added, then 7 already there", first, second)
	}
	if n := len(allEvents(t, mustOpen(t, path, data.ReadOnly))); n != 7 {
		t.Errorf("%d events stored, want 7", n)
	}
}

// A failure of the database in the middle of an import leaves it as it was.
func TestDatabaseFailureMidwayChangesNothing(t *testing.T) {
	path := mustSample(t)
	rawExec(t, path, `CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.uid = 'SYR900003'
		BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
	before := datatest.Sum(t, path)
	_, err := data.Import(context.Background(), path, []string{fixture("acled.csv")}, data.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "injected failure") || !strings.Contains(err.Error(), "acled.csv:5:") {
		t.Errorf("error %v, want the injected failure at acled.csv:5", err)
	}
	if datatest.Sum(t, path) != before {
		t.Error("a failed import changed the database")
	}
}

// Cancelling an import into a new database midway leaves no file at all.
func TestCancelledImportLeavesNoNewDatabase(t *testing.T) {
	src := filepath.Join(t.TempDir(), "big.geojson")
	if _, err := mustOpen(t, mustGenerate(t, 3000), data.ReadOnly).ExportFile(context.Background(), src, data.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	_, err := data.Import(ctx, filepath.Join(dir, "new.db"), []string{src}, data.ImportOptions{
		Progress: func(done, total int64) {
			if calls++; calls == 3 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a cancelled import left %v behind", left)
	}
}

func TestDetectFormat(t *testing.T) {
	for name, tc := range map[string]struct {
		file, head string
		want       data.Format
	}{
		"geojson":            {"x.txt", "\n  {\"type\": \"FeatureCollection\"", data.FormatGeoJSON},
		"geojson with BOM":   {"x", "\xef\xbb\xbf{", data.FormatGeoJSON},
		"acled":              {"x.csv", "\xef\xbb\xbfevent_id_cnty,event_date,year\r\n", data.FormatACLED},
		"acled quoted":       {"x.csv", `"event_date","EVENT_ID_CNTY"` + "\n", data.FormatACLED},
		"ucdp":               {"ged.csv", "id,relid,year,where_prec\n", data.FormatUCDP},
		"ours":               {"e.csv", strings.Join(data.CSVColumns, ",") + "\n", data.FormatCSV},
		"empty json by name": {"e.geojson", "", data.FormatGeoJSON},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := data.DetectFormat(tc.file, []byte(tc.head))
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
	if _, err := data.DetectFormat("notes.txt", []byte("name,age\nx,1\n")); err == nil {
		t.Error("an unknown CSV header was given a format")
	}
	if _, err := data.DetectFormat("null", nil); err == nil || err.Error() != "the file is empty" {
		t.Errorf("a file with no bytes: %v, want: the file is empty", err)
	}
}

// A file that cannot be read as its format at all stops the import, naming its line.
func TestBrokenFilesStopTheImport(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct {
		content, want string
	}{
		"json cut off":     {"{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": \"Feature\"", `:2: broken JSON: want "," or "}" in an object, found the end of the file`},
		"json nonsense":    {"{\"type\": \"FeatureCollection\",\n\"features\": [\n{\"type\": Feature}]}", `:3: broken JSON: want a value`},
		"not a collection": {`{"type": "Feature", "features": []}`, `:1: not a GeoJSON FeatureCollection`},
		"csv bad quote":    {"uid,date_start,lat,lon\nx,\"2015-01-01\"x,1,2\n", `:2: broken CSV`},
		"csv no columns":   {"uid,date_start\nx,2015-01-01\n", `:1: the header lacks the column(s) lat, lon`},
	} {
		t.Run(name, func(t *testing.T) {
			ext := ".csv"
			if strings.HasPrefix(tc.content, "{") {
				ext = ".geojson"
			}
			file := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+ext)
			os.WriteFile(file, []byte(tc.content), 0o644)
			db := filepath.Join(dir, "out.db")
			_, err := data.Import(context.Background(), db, []string{file}, data.ImportOptions{SkipInvalid: true})
			var fe *data.FileError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), file+tc.want) {
				t.Errorf("error %v, want %s%s", err, file, tc.want)
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("a broken file left a database behind")
			}
		})
	}
}

// An import into a database of an older schema upgrades it only together with the events
// it stores: one that fails leaves the file byte for byte as it was.
func TestImportUpgradesOnlyWhenItStores(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	if err := data.CreateAtVersion(ctx, path, 1); err != nil {
		t.Fatal(err)
	}
	before := datatest.Sum(t, path)
	if _, err := data.Import(ctx, path, []string{fixture("acled_dirty.csv")}, data.ImportOptions{}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("import of invalid rows: %v, want ErrInvalid", err)
	}
	if datatest.Sum(t, path) != before {
		t.Fatal("a rejected import changed the older database")
	}
	res, err := data.Import(ctx, path, []string{fixture("acled.csv")}, data.ImportOptions{})
	if err != nil || res.Added != 4 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	if n := len(allEvents(t, mustOpen(t, path, data.ReadOnly))); n != 4 { // upgraded: opens for viewing
		t.Errorf("%d events after the import, want 4", n)
	}
}

// Import asks Swapped about every row with coordinates, with the row's country, and
// refuses the rows it says are the wrong way round; rows placed by name are not asked.
func TestImportAsksWhetherSwapped(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(file, []byte("event_id_cnty,event_date,location,country,latitude,longitude\n"+
		"A1,2017-06-09,Raqqa,Syria,35.95,39.01\n"+
		"A2,2017-06-09,Raqqa,Syria,39.01,35.95\n"+
		"A3,2017-06-09,Raqqa,Syria,,\n"), 0o644)
	var asked []string
	opt := data.ImportOptions{SkipInvalid: true,
		Geocode: func(place, country string) (float64, float64, bool) { return 39.01, 35.95, true },
		Swapped: func(lat, lon float64, country string) bool {
			asked = append(asked, fmt.Sprintln(lat, lon, country))
			return lat > 38
		}}
	res, lines, err := importReporting(t, filepath.Join(t.TempDir(), "x.db"), opt, file)
	if err != nil {
		t.Fatal(err)
	}
	want := file + ":3: latitude 39.01, longitude 35.95 is far from every town of \"Syria\", but 35.95, 39.01 is in it: latitude and longitude swapped?"
	if res.Added != 2 || !slices.Contains(lines, want) {
		t.Errorf("added %d, reported\n%s\nwant 2 and\n%s", res.Added, strings.Join(lines, "\n"), want)
	}
	if !slices.Equal(asked, []string{"35.95 39.01 Syria\n", "39.01 35.95 Syria\n"}) {
		t.Errorf("Swapped was asked %q", asked)
	}
}
