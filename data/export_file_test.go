package data_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/data"
)

// mustGenerate writes n generated events to a new database in t's temporary folder.
func mustGenerate(t testing.TB, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gen.db")
	if err := data.Generate(context.Background(), path, n, 7, nil); err != nil {
		t.Fatal(err)
	}
	return path
}

// mustExport exports db in format f with filter and returns the bytes.
func mustExport(t testing.TB, db *data.DB, f data.Format, filter *data.Filter) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := db.Export(context.Background(), &buf, data.ExportOptions{Format: f, Filter: filter}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// mustImport imports files into the database at path, failing the test on any error.
func mustImport(t testing.TB, path string, files ...string) data.ImportResult {
	t.Helper()
	res, err := data.Import(context.Background(), path, files, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestExportImportExportIsByteIdentical(t *testing.T) {
	gaps := mustSample(t) // ids the new database must keep, not fill
	rawExec(t, gaps, `DELETE FROM claims WHERE event_id IN (2, 5)`, `DELETE FROM events WHERE id IN (2, 5)`)
	for name, src := range map[string]string{"sample": mustSample(t), "generated": mustGenerate(t, 3000), "ids with gaps": gaps} {
		for _, f := range []data.Format{data.FormatGeoJSON, data.FormatCSV} {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				dir := t.TempDir()
				first := mustExport(t, mustOpen(t, src, data.ReadOnly), f, nil)
				file := filepath.Join(dir, "events."+string(f))
				os.WriteFile(file, first, 0o644)
				back := filepath.Join(dir, "back.db")
				mustImport(t, back, file)
				second := mustExport(t, mustOpen(t, back, data.ReadOnly), f, nil)
				if !bytes.Equal(first, second) {
					t.Errorf("export, import, export changed the %s (%d bytes, then %d)", f, len(first), len(second))
				}
			})
		}
	}
}

// An import of an export is the same database: every event with every claim and source.
func TestImportOfExportIsAnEqualDatabase(t *testing.T) {
	src := mustSample(t)
	file := filepath.Join(t.TempDir(), "s.geojson")
	if _, err := mustOpen(t, src, data.ReadOnly).ExportFile(context.Background(), file, data.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(t.TempDir(), "back.db")
	mustImport(t, back, file)
	want, got := allEvents(t, mustOpen(t, src, data.ReadOnly)), allEvents(t, mustOpen(t, back, data.ReadOnly))
	if !reflect.DeepEqual(want, got) {
		t.Errorf("the imported database differs from the exported one")
	}
}

// Matching, which Export reads through, must see each event as DB.Events does, also
// when stored values have types the model does not expect, which it reads the slow way.
func TestMatchingReadsAsEventsDoes(t *testing.T) {
	path := mustGenerate(t, 2500)
	rawExec(t, path,
		`UPDATE events SET killed_min = 5.5 WHERE id = 3`, `UPDATE events SET date_end = 20150101 WHERE id = 4`,
		`UPDATE events SET lat = 4239 WHERE id = 7`,
		`UPDATE claims SET killed = '12' WHERE id = 20`,
		`UPDATE sources SET published = 'yesterday' WHERE id = 30`,
		`UPDATE events SET summary = 42 WHERE id = 2000`)
	db := mustOpen(t, path, data.ReadOnly)
	var want, got []string
	for e, err := range db.Events(context.Background()) {
		want = append(want, describe(e, err))
	}
	for e, err := range db.Matching(context.Background(), nil) {
		got = append(got, describe(e, err))
	}
	if len(got) != len(want) {
		t.Fatalf("Matching gave %d events, Events %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d:\nMatching %s\nEvents   %s", i, got[i], want[i])
		}
	}
}

// mustJSON marshals v, which cannot fail for the model's types.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// describe prints an event and its error as the test compares them.
func describe(e *data.Event, err error) string {
	if err == nil {
		err = e.Validate()
	}
	s := ""
	if err != nil {
		s = " error: " + err.Error()
	}
	return string(mustJSON(e)) + s
}

func TestExportFilters(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, mustGenerate(t, 4000), data.ReadOnly)
	for name, f := range map[string]*data.Filter{
		"everything": {},
		"actor":      {Actors: []string{"Russia", "Turkey"}},
		"dates":      {From: data.DateOf(2018, 1, 1), To: data.DateOf(2018, 6, 30)},
		"status":     {Statuses: []data.Status{data.StatusDeclared}},
		"bbox":       {BBox: &orb.Bound{Min: orb.Point{36, 34}, Max: orb.Point{41, 37}}},
		"words":      {Query: "market"},
		"all at once": {Actors: []string{"Russia"}, Targets: []string{"market", "convoy"},
			From: data.DateOf(2016, 1, 1), Query: "airstrike"},
	} {
		t.Run(name, func(t *testing.T) {
			layer, err := db.Filtered(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for _, e := range layer.Events {
				want = append(want, e.UID)
			}
			for e, err := range db.Matching(ctx, f) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, e.UID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Matching kept %d events, Filtered %d", len(got), len(want))
			}
			res, err := db.Export(ctx, &bytes.Buffer{}, data.ExportOptions{Filter: f})
			if err != nil || res.Events != len(want) {
				t.Errorf("Export wrote %d events (%v), want %d", res.Events, err, len(want))
			}
		})
	}
}

func TestExportLeavesOutInvalidEvents(t *testing.T) {
	path := mustSample(t)
	rawExec(t, path, `UPDATE events SET lon = 4239 WHERE id = 2`)
	res, err := mustOpen(t, path, data.ReadOnly).Export(context.Background(), &bytes.Buffer{}, data.ExportOptions{})
	if err != nil || res.Events != 12 || res.Invalid != 1 {
		t.Errorf("got %+v, %v; want 12 events written and 1 left out", res, err)
	}
}

// failAfter is a writer that takes n bytes and then fails.
type failAfter struct{ n int }

var errDiskFull = errors.New("no space left on device")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestFailedExportLeavesNoFile(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, mustGenerate(t, 3000), data.ReadOnly)
	for name, tc := range map[string]struct {
		write func(path string) error
		want  error
	}{
		"writer fails midway": {func(path string) error {
			return data.WriteFileAtomic(path, func(w *bufio.Writer) error {
				_, err := db.Export(ctx, &failAfter{n: 200_000}, data.ExportOptions{})
				return err
			})
		}, errDiskFull},
		"cancelled midway": {func(path string) error {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			_, err := db.ExportFile(ctx, path, data.ExportOptions{Format: data.FormatCSV,
				Progress: func(done, total int) {
					if done > total/2 {
						cancel()
					}
				}})
			return err
		}, context.Canceled},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			err := tc.write(filepath.Join(dir, "out.geojson"))
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("a failed export left %v behind", left)
			}
		})
	}
}
