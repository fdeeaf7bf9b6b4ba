package data_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/data"
)

// writeEvents writes events as a new database and exports it to a file in format f.
func writeEvents(t *testing.T, events []data.Event, f data.Format) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "events.db")
	err := data.Create(ctx, db, func(d *data.DB) error {
		return d.Write(ctx, func(w *data.Writer) error {
			for i := range events {
				if _, err := w.Add(ctx, &events[i]); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "events."+string(f))
	if _, err := mustOpen(t, db, data.ReadOnly).ExportFile(ctx, out, data.ExportOptions{Format: f}); err != nil {
		t.Fatal(err)
	}
	return out
}

// sampleEvents returns the bundled sample's events, each with claims of its own.
func sampleEvents(t *testing.T) []data.Event {
	t.Helper()
	events, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	for i := range events {
		events[i].Claims = slices.Clone(events[i].Claims)
	}
	return events
}

// An event whose uid is stored already is left as it is, and when the file gives it
// other values a warning names the fields that differ.
func TestImportWarnsOfStoredEventsWithOtherValues(t *testing.T) {
	for name, tc := range map[string]struct {
		change func(e *data.Event)
		fields string // "" for no warning
	}{
		"the same":         {func(e *data.Event) {}, ""},
		"claims reordered": {func(e *data.Event) { slices.Reverse(e.Claims) }, ""},
		"date and place": {func(e *data.Event) { e.DateStart++; e.Place += " (north)" },
			"date_start, place"},
		"point":          {func(e *data.Event) { e.Location = orb.Point{e.Lon() + 0.5, e.Lat() - 0.25} }, "lat, lon"},
		"who and what":   {func(e *data.Event) { e.Actor, e.TargetType = "Someone else", "bridge" }, "actor, target_type"},
		"origin":         {func(e *data.Event) { e.Origin = &data.Origin{Point: orb.Point{35.1, 34.9}, Name: "A ship offshore"} }, "origin_lat, origin_lon, origin_name"},
		"status":         {func(e *data.Event) { e.Status = data.StatusContested }, "status"},
		"a claim's text": {func(e *data.Event) { e.Claims[0].Text += " Later withdrawn." }, "claims"},
		"a claim's source": {func(e *data.Event) { e.Claims[0].Source.Title = "Another article" },
			"claims"},
		"a claim more": {func(e *data.Event) { e.Claims = append(e.Claims, e.Claims[0]) }, "claims"},
		"a higher toll": {func(e *data.Event) { e.Claims[0].Killed = data.Known(9999) },
			"killed_min, killed_max, claims"},
	} {
		for _, f := range []data.Format{data.FormatGeoJSON, data.FormatCSV} {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				events := sampleEvents(t)
				e := &events[3]
				tc.change(e)
				file := writeEvents(t, events, f)
				res, lines, err := importReporting(t, mustSample(t), data.ImportOptions{}, file)
				if err != nil {
					t.Fatal(err)
				}
				var want []string
				if tc.fields != "" {
					want = []string{`warning: event "` + e.UID + `" is stored already with other values (` + tc.fields + `); kept the stored one`}
				}
				for i, l := range lines {
					if !strings.HasPrefix(l, file+":") {
						t.Errorf("%q does not name the file", l)
					}
					_, lines[i], _ = strings.Cut(l, ": ")
				}
				if !slices.Equal(lines, want) {
					t.Errorf("reported %q, want %q", lines, want)
				}
				if res.Added != 0 || res.Existing != len(events) || res.Warnings != len(want) {
					t.Errorf("result %+v", res)
				}
			})
		}
	}
}

// The warning gives the line of the row; a stored event is read from the database
// Import writes, with its claims, whatever else the file holds.
func TestStoredWithOtherValuesNamesTheLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	mustImport(t, path, fixture("ucdp.csv"))
	file := filepath.Join(t.TempDir(), "ucdp.csv")
	b, err := os.ReadFile(fixture("ucdp.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// The first row's country; the other rows stay as they are.
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), ",Syria,652,", ",Iraq,645,", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, lines, err := importReporting(t, path, data.ImportOptions{}, file)
	if err != nil {
		t.Fatal(err)
	}
	if want := file + `:2: warning: event "900101" is stored already with other values (country); kept the stored one`; !slices.Contains(lines, want) {
		t.Errorf("reported\n%s\nwant among them\n%s", strings.Join(lines, "\n"), want)
	}
}

// A uid that comes twice in what one import reads keeps its first event, and a warning
// names what the second one gives otherwise; into a new database as into one that
// holds events already.
func TestUIDTwiceInOneImportWarns(t *testing.T) {
	events := sampleEvents(t)
	first := writeEvents(t, events, data.FormatGeoJSON)
	events[3].Actor = "Someone else"
	events[3].Claims[0].Text += " Later withdrawn." // not compared: see otherValues
	second := writeEvents(t, events, data.FormatCSV)
	existing := mustSample(t)
	rawExec(t, existing, `DELETE FROM claims WHERE event_id IN (SELECT id FROM events WHERE uid = '`+events[3].UID+`')`,
		`DELETE FROM events WHERE uid = '`+events[3].UID+`'`)
	for name, path := range map[string]string{"new database": filepath.Join(t.TempDir(), "new.db"), "existing database": existing} {
		t.Run(name, func(t *testing.T) {
			_, lines, err := importReporting(t, path, data.ImportOptions{}, first, second)
			if err != nil {
				t.Fatal(err)
			}
			want := `warning: event "` + events[3].UID + `" came earlier in this import with other values (actor); kept the first one`
			if len(lines) != 1 || !strings.HasPrefix(lines[0], second+":") || !strings.HasSuffix(lines[0], ": "+want) {
				t.Errorf("reported %q, want %s:LINE: %s", lines, second, want)
			}
			var actor string
			for _, e := range allEvents(t, mustOpen(t, path, data.ReadOnly)) {
				if e.UID == events[3].UID {
					actor = e.Actor
				}
			}
			if actor == "Someone else" {
				t.Error("the second event replaced the first")
			}
		})
	}
}

// Importing the same files again reports what the first import reported, and no more:
// every value reads back from the database as the file gives it.
func TestImportingAgainWarnsOfNothingNew(t *testing.T) {
	sample, generated := mustSample(t), mustGenerate(t, 2000)
	files := map[string][]string{
		"acled and ucdp": {fixture("acled.csv"), fixture("ucdp.csv")},
		"dirty":          {fixture("acled_dirty.csv"), fixture("ucdp_dirty.csv")},
		"few columns":    {fixture("acled_few_columns.csv"), fixture("ucdp_few_columns.csv")},
	}
	for _, src := range []string{sample, generated} {
		db := mustOpen(t, src, data.ReadOnly)
		for _, f := range []data.Format{data.FormatGeoJSON, data.FormatCSV} {
			out := filepath.Join(t.TempDir(), "export."+string(f))
			if _, err := db.ExportFile(context.Background(), out, data.ExportOptions{Format: f}); err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(filepath.Base(src), ".db") + " " + string(f)
			files[name] = []string{out}
		}
	}
	geocode := func(place, country string) (float64, float64, bool) { return 35.53, 35.79, true }
	for name, files := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.db")
			opt := data.ImportOptions{SkipInvalid: true, Geocode: geocode}
			first, want, err := importReporting(t, path, opt, files...)
			if err != nil {
				t.Fatal(err)
			}
			second, lines, err := importReporting(t, path, opt, files...)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(lines, want) {
				t.Errorf("the second import reported\n%s\nthe first\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
			}
			if second.Added != 0 || second.Existing != first.Added || second.Warnings != first.Warnings {
				t.Errorf("first %+v, second %+v", first, second)
			}
		})
	}
}
