package data_test

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/data"
)

// matching returns the ids, ascending, of the events f matches.
func matching(events []*data.Event, f *data.Filter) []int64 {
	ids := []int64{}
	for _, e := range events {
		if f.Match(e) {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// validEvents returns the events of db that the model's rules allow: those the map shows.
func validEvents(t testing.TB, db *data.DB) []*data.Event {
	t.Helper()
	var out []*data.Event
	for e, err := range db.Events(context.Background()) {
		if e == nil {
			t.Fatal(err)
		}
		if err == nil && e.Validate() == nil {
			out = append(out, e)
		}
	}
	return out
}

// mustSearch runs db.Search, failing the test on an error.
func mustSearch(t testing.TB, db *data.DB, q string) []int64 {
	t.Helper()
	ids, err := db.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return ids
}

func TestSearchOnTheSample(t *testing.T) {
	db := mustOpen(t, mustSample(t), data.ReadOnly)
	for name, tc := range map[string]struct {
		q    string
		want []int64
	}{
		"a place":                     {"palmyra", []int64{4, 12, 13}},
		"a prefix":                    {"PALM", []int64{4, 12, 13}},
		"all words must be found":     {"palmyra frigate", []int64{13}},
		"a word in a claim":           {"zaman wasl", []int64{1}},
		"a claimant":                  {"observatory", []int64{5}},
		"the country column":          {"syria", []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}},
		"a hyphenated word in order":  {"ez-zor", []int64{1, 11}},
		"the same words out of order": {"zor-ez", []int64{}},
		"no match":                    {"narnia", []int64{}},
		"no words at all":             {"  -- \t * ", nil},
		"empty":                       {"", nil},
	} {
		t.Run(name, func(t *testing.T) {
			got := mustSearch(t, db, tc.q)
			if !slices.Equal(got, tc.want) || (got == nil) != (tc.want == nil) {
				t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

func TestSearchTakesEveryInputAsPlainWords(t *testing.T) {
	db := mustOpen(t, mustSample(t), data.ReadOnly)
	events := allEvents(t, db)
	long := strings.Repeat("raqqa ", 1700) // 10 kB
	for _, q := range []string{
		`"`, `""`, `"raqqa`, `raqqa"`, `"palmyra frigate"`, `'raqqa'`, `NEAR(raqqa russia)`,
		`NEAR(raqqa russia, 2)`, `raqqa NEAR russia`, `*`, `raqqa*`, `*raqqa`, `-`, `-raqqa`,
		`raqqa -russia`, `(`, `)`, `(raqqa OR palmyra)`, `raqqa OR palmyra`, `raqqa AND`,
		`NOT raqqa`, `AND`, `summary:raqqa`, `place:palmyra`, `events_fts:raqqa`,
		`{summary place}: raqqa`, `- summary : raqqa`, `^raqqa`, `raqqa+russia`, "raq\x00qa",
		"\x00", "raqqa\x00 palmyra", long, strings.Repeat("x", 10_000), strings.Repeat("\"(", 5000),
		"😀 raqqa", "\u0301", "rakka\u0301", `rowid:1`, `raqqa; DROP TABLE events; --`,
		`' OR 1=1 --`, `\"raqqa\"`, "ра́кка", "الرقة",
	} {
		got := mustSearch(t, db, q)
		want := matching(events, &data.Filter{Query: q})
		if got == nil {
			got = matching(events, &data.Filter{}) // no words: no condition
		}
		if !slices.Equal(got, want) {
			t.Errorf("Search(%.40q) = %v, Filter.Match finds %v", q, got, want)
		}
	}
	if n := len(allEvents(t, db)); n != 13 {
		t.Errorf("the sample has %d events after the searches, want 13", n)
	}
}

func TestSearchFoldsCaseAndDiacritics(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	places := []string{"Ḥalab", "Dayr az-Zawr", "Mosul", "Diyarbakır", "Łódź", "Ashdod"}
	if err := data.Create(context.Background(), path, func(db *data.DB) error {
		return db.Write(context.Background(), func(w *data.Writer) error {
			for i, p := range places {
				e := validEvent(i)
				e.Place = p
				if _, err := w.Add(context.Background(), e); err != nil {
					return err
				}
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	db := mustOpen(t, path, data.ReadOnly)
	events := allEvents(t, db)
	for q, want := range map[string][]int64{
		"halab": {1}, "ḤALAB": {1}, "hálab": {1}, "zawr": {2}, "az-zawr": {2}, "MOSUL": {3},
		"diyarbakır": {4}, "Łódź": {5}, "ashdod": {6}, "ash": {6}, "mos": {3},
	} {
		got := mustSearch(t, db, q)
		if !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v", q, got, want)
		}
		if m := matching(events, &data.Filter{Query: q}); !slices.Equal(m, want) {
			t.Errorf("Filter{Query: %q}.Match finds %v, want %v", q, m, want)
		}
	}
}

// validEvent returns a small valid event, unique by i.
func validEvent(i int) *data.Event {
	return &data.Event{
		UID: "t-" + string(rune('a'+i)), DateStart: data.DateOf(2016, 1, 1+i), DatePrecision: data.DateDay,
		Location: orb.Point{36 + float64(i)/10, 35}, GeoPrecision: data.GeoTown, Country: "Syria",
		Actor: "Russia", TargetType: "market", Status: data.StatusAlleged, Summary: "An airstrike.",
		Claims: []data.Claim{{Claimant: "Monitor", Stance: data.StanceReports, Text: "Reports a strike.",
			Source: data.Source{Publisher: "Monitor", Title: "Report"}}},
	}
}

func TestSearchAgreesWithMatchOnGeneratedEvents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	if err := data.Generate(context.Background(), path, 2000, 3, nil); err != nil {
		t.Fatal(err)
	}
	db := mustOpen(t, path, data.ReadOnly)
	events := allEvents(t, db)
	rng := rand.New(rand.NewPCG(3, 3))
	var words []string
	for _, e := range events[:200] {
		text := e.Summary + " " + e.Place + " " + e.Admin1 + " " + e.Actor
		for _, c := range e.Claims {
			text += " " + c.Text + " " + c.Claimant
		}
		words = append(words, strings.Fields(text)...)
	}
	for range 150 {
		var q []string
		for range 1 + rng.IntN(3) {
			w := words[rng.IntN(len(words))]
			if rng.IntN(3) == 0 && len(w) > 2 {
				w = w[:1+rng.IntN(len(w)-1)] // a prefix, maybe cut inside punctuation
			}
			if rng.IntN(4) == 0 {
				w = strings.ToUpper(w)
			}
			q = append(q, w)
		}
		query := strings.Join(q, " ")
		got := mustSearch(t, db, query)
		if got == nil {
			continue
		}
		if want := matching(events, &data.Filter{Query: query}); !slices.Equal(got, want) {
			t.Errorf("Search(%q) finds %d events, Filter.Match %d", query, len(got), len(want))
		}
	}
}

func TestWriterKeepsTheSearchIndex(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, mustSample(t), data.ReadWrite)
	add := func() int {
		var w2 *data.Writer
		err := db.Write(ctx, func(w *data.Writer) error {
			e := validEvent(0)
			e.UID, e.Place = "new-1", "Qaryatayn"
			_, err := w.Add(ctx, e)
			w2 = w
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return w2.Added()
	}
	if n := add(); n != 1 {
		t.Fatalf("added %d, want 1", n)
	}
	if n := add(); n != 0 {
		t.Fatalf("added the same uid again: %d", n)
	}
	if got := mustSearch(t, db, "qaryatayn"); !slices.Equal(got, []int64{14}) {
		t.Errorf("Search(qaryatayn) = %v after adding event 14", got)
	}
}

func TestMigrationIndexesOlderEvents(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v2.db")
	if err := data.CreateAtVersion(ctx, path, 2); err != nil {
		t.Fatal(err)
	}
	rawExec(t, path, `INSERT INTO events (id, uid, date_start, date_precision, lat, lon, geo_precision,
		status, place, summary, geom) VALUES (7, 'old-1', '2016-01-02', 'day', 35.95, 39.01, 'town',
		'declared', 'Raqqa', 'An old strike.', X'47500001E6100000010100000000000000000000000000000000000000')`,
		`INSERT INTO sources (id, publisher) VALUES (1, 'Monitor')`,
		`INSERT INTO claims (event_id, source_id, claimant, stance, text) VALUES
		(7, 1, 'Monitor', 'reports', 'Counts five dead.'), (7, 1, 'Ministry', 'denies', NULL)`)
	db := mustOpen(t, path, data.ReadWrite)
	for _, q := range []string{"raqqa", "old strike", "counts five", "ministry", "monitor dead"} {
		if got := mustSearch(t, db, q); !slices.Equal(got, []int64{7}) {
			t.Errorf("after the upgrade, Search(%q) = %v, want [7]", q, got)
		}
	}
}
