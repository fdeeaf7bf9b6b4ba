package data_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/overlay"
)

// mustIndex loads the index of db, failing the test on an error.
func mustIndex(t testing.TB, db *data.DB) *data.Index {
	t.Helper()
	ix, err := db.LoadIndex(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestLoadIndexOfTheSample(t *testing.T) {
	db := mustOpen(t, mustSample(t), data.ReadOnly)
	ix := mustIndex(t, db)
	if ix.Len() != 13 || ix.Invalid != 0 {
		t.Fatalf("%d rows, %d invalid; want 13 and 0", ix.Len(), ix.Invalid)
	}
	if !slices.Equal(ix.Actors, []string{"Russia", "France", "Unknown"}) {
		t.Errorf("actors %v, want the most frequent first and Unknown last", ix.Actors)
	}
	if ix.MinDate.String() != "2015-10-30" || ix.MaxDate.String() != "2017-06-01" {
		t.Errorf("dates %s..%s", ix.MinDate, ix.MaxDate)
	}
	for r := 1; r < ix.Len(); r++ {
		if ix.Points.Keys[r-1] > ix.Points.Keys[r] {
			t.Fatalf("rows %d and %d are out of key order", r-1, r)
		}
	}
	for _, e := range allEvents(t, db) {
		r, ok := ix.Row(e.ID)
		if !ok || ix.ID[r] != e.ID {
			t.Fatalf("Row(%d) = %d, %v", e.ID, r, ok)
		}
		m := ix.Marker(r)
		want := overlay.Marker{ID: e.ID, At: e.Location, Shape: overlay.ShapeFor(e.TargetType),
			RadiusM: e.GeoPrecision.RadiusKm() * 1000, Color: map[string]int{"Russia": 0, "France": 1}[e.Actor]}
		if e.Actor == "Unknown" {
			want.Color = overlay.Other
		}
		m.Origin, m.HasOrigin = orb.Point{}, false
		if m != want {
			t.Errorf("event %d: marker %+v, want %+v", e.ID, m, want)
		}
		if got := ix.Marker(r); (e.Origin != nil) != got.HasOrigin ||
			e.Origin != nil && math.Abs(got.Origin.Lon()-e.Origin.Point.Lon())+math.Abs(got.Origin.Lat()-e.Origin.Point.Lat()) > 1e-4 {
			t.Errorf("event %d: origin %v, want %v", e.ID, got.Origin, e.Origin)
		}
		if ix.Start[r] != e.DateStart || ix.End[r] != e.LastDate() || data.Statuses[ix.Status[r]] != e.Status ||
			data.GeoPrecisions[ix.Prec[r]] != e.GeoPrecision || ix.Targets[ix.Target[r]] != e.TargetType ||
			ix.Places[ix.Place[r]] != e.Place {
			t.Errorf("event %d: row %d does not hold it", e.ID, r)
		}
		killed := int32(-1)
		if n, ok := e.Killed.Max.Get(); ok {
			killed = int32(n)
		} else if n, ok := e.Killed.Min.Get(); ok {
			killed = int32(n)
		}
		if ix.Killed[r] != killed {
			t.Errorf("event %d: killed %d, want %d", e.ID, ix.Killed[r], killed)
		}
	}
	if _, ok := ix.Row(99); ok {
		t.Error("Row(99) found a row")
	}
}

func TestLoadIndexLeavesOutInvalidRows(t *testing.T) {
	path := mustSample(t)
	rawExec(t, path,
		`UPDATE events SET lat = 4239 WHERE id = 1`,
		`UPDATE events SET status = 'confirmed' WHERE id = 2`,
		`UPDATE events SET date_start = '0000-00-00' WHERE id = 3`,
		`UPDATE events SET date_end = '2015-01-01' WHERE id = 4`,
		`UPDATE events SET date_precision = 'range' WHERE id = 5`, // without a date_end
		`UPDATE events SET geo_precision = NULL WHERE id = 6`,
		`UPDATE events SET origin_lat = 'north' WHERE id = 7`,
		`UPDATE events SET killed_max = 'many' WHERE id = 8`,
		`UPDATE events SET date_start = '2015-02-30' WHERE id = 9`,
		`UPDATE events SET lon = NULL WHERE id = 10`,
	)
	db := mustOpen(t, path, data.ReadOnly)
	ix := mustIndex(t, db)
	if ix.Len() != 3 || ix.Invalid != 10 {
		t.Errorf("%d rows and %d invalid, want 3 and 10", ix.Len(), ix.Invalid)
	}
	for id := int64(1); id <= 10; id++ {
		if _, ok := ix.Row(id); ok {
			t.Errorf("invalid event %d is in the index", id)
		}
	}
	l, err := db.Filtered(context.Background(), &data.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Events) != ix.Len() || l.Invalid != ix.Invalid {
		t.Errorf("Filtered keeps %d and leaves out %d; the index %d and %d", len(l.Events), l.Invalid, ix.Len(), ix.Invalid)
	}
}

func TestLoadIndexReportsProgressAndStops(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	if err := data.Generate(context.Background(), path, 3000, 5, nil); err != nil {
		t.Fatal(err)
	}
	db := mustOpen(t, path, data.ReadOnly)
	var last [2]int
	if _, err := db.LoadIndex(context.Background(), func(done, total int) { last = [2]int{done, total} }); err != nil {
		t.Fatal(err)
	}
	if last != [2]int{3000, 3000} {
		t.Errorf("last progress %v, want [3000 3000]", last)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.LoadIndex(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("LoadIndex with a cancelled context: %v", err)
	}
}

func TestLoadIndexOfAnEmptyDatabase(t *testing.T) {
	db := mustOpen(t, filepath.Join(t.TempDir(), "e.db"), data.ReadWrite)
	ix := mustIndex(t, db)
	f := &data.Filter{}
	if ix.Len() != 0 || ix.Count(ix.Select(f, nil, nil)) != 0 || len(ix.Facets(f, nil).Actors) != 0 ||
		len(ix.Timeline(f, nil, data.BinsFor(ix.MinDate, ix.MaxDate, 200))) != 1 {
		t.Error("an empty database does not give an empty index")
	}
}

func TestEventsByID(t *testing.T) {
	db := mustOpen(t, mustSample(t), data.ReadOnly)
	got, err := db.EventsByID(context.Background(), []int64{9, 2, 99, 13})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range got {
		ids = append(ids, e.ID)
	}
	if !slices.Equal(ids, []int64{9, 2, 13}) || len(got[0].Claims) == 0 {
		t.Errorf("EventsByID gave %v, want [9 2 13] with their claims", ids)
	}
}

func TestIndexAgreesWithMatchOnTheSample(t *testing.T) {
	db := mustOpen(t, mustSample(t), data.ReadOnly)
	checkAgreement(t, db, 400)
}

func TestIndexAgreesWithMatchOnGeneratedEvents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	if err := data.Generate(context.Background(), path, 5000, 11, nil); err != nil {
		t.Fatal(err)
	}
	rawExec(t, path, `UPDATE events SET status = 'rumoured' WHERE id % 997 = 0`)
	checkAgreement(t, mustOpen(t, path, data.ReadOnly), 60)
}

// checkAgreement draws n random filters and checks that Select, Count, Facets and
// Timeline count what Filter.Match finds in the whole events.
func checkAgreement(t *testing.T, db *data.DB, n int) {
	ix := mustIndex(t, db)
	events := validEvents(t, db)
	rng := rand.New(rand.NewPCG(uint64(len(events)), 7))
	var sel []uint64
	for i := range n {
		f := randomFilter(rng, ix, events)
		text := mustSearch(t, db, f.Query)
		sel = ix.Select(f, text, sel)
		var got []int64
		for r := range ix.Len() {
			if sel[r/64]&(1<<(r%64)) != 0 {
				got = append(got, ix.ID[r])
			}
		}
		slices.Sort(got)
		want := matching(events, f)
		if !slices.Equal(got, want) {
			t.Fatalf("filter %d %+v: Select finds %d events, Match %d", i, f, len(got), len(want))
		}
		if ix.Count(sel) != len(want) {
			t.Fatalf("filter %d: Count %d, want %d", i, ix.Count(sel), len(want))
		}
		checkFacets(t, ix, events, f, text)
		checkTimeline(t, ix, events, f, text, rng)
	}
}

func checkFacets(t *testing.T, ix *data.Index, events []*data.Event, f *data.Filter, text []int64) {
	fc := ix.Facets(f, text)
	// Each dimension: the events of the filter without its own condition, by value.
	tally := func(clear func(g *data.Filter), value func(e *data.Event) string, names []string) []int {
		g := *f
		clear(&g)
		counts := make([]int, len(names))
		for _, e := range events {
			if g.Match(e) {
				counts[slices.Index(names, value(e))]++
			}
		}
		return counts
	}
	statuses, precisions := make([]string, len(data.Statuses)), make([]string, len(data.GeoPrecisions))
	for i, s := range data.Statuses {
		statuses[i] = string(s)
	}
	for i, p := range data.GeoPrecisions {
		precisions[i] = string(p)
	}
	for name, c := range map[string][2][]int{
		"actors": {fc.Actors, tally(func(g *data.Filter) { g.Actors = nil },
			func(e *data.Event) string { return e.Actor }, ix.Actors)},
		"targets": {fc.Targets, tally(func(g *data.Filter) { g.Targets = nil },
			func(e *data.Event) string { return e.TargetType }, ix.Targets)},
		"statuses": {fc.Statuses, tally(func(g *data.Filter) { g.Statuses = nil },
			func(e *data.Event) string { return string(e.Status) }, statuses)},
		"precisions": {fc.Precisions, tally(func(g *data.Filter) { g.Precisions = nil },
			func(e *data.Event) string { return string(e.GeoPrecision) }, precisions)},
	} {
		if !slices.Equal(c[0], c[1]) {
			t.Fatalf("%+v: %s counted %v, want %v", f, name, c[0], c[1])
		}
	}
}

func checkTimeline(t *testing.T, ix *data.Index, events []*data.Event, f *data.Filter, text []int64, rng *rand.Rand) {
	from := ix.MinDate + data.Date(rng.IntN(200)) - 100
	b := data.BinsFor(from, from+data.Date(rng.IntN(3000)), 1+rng.IntN(200))
	counts := ix.Timeline(f, text, b)
	if len(counts) != b.N {
		t.Fatalf("%d counts for %d bins", len(counts), b.N)
	}
	for _, i := range []int{0, rng.IntN(b.N), b.N - 1} {
		g := *f
		g.From, g.To = b.Bin(i)
		if want := len(matching(events, &g)); counts[i] != want {
			t.Fatalf("%+v: bin %d of %+v counts %d, want %d", f, i, b, counts[i], want)
		}
	}
}

// randomFilter draws a filter that often selects something of events.
func randomFilter(rng *rand.Rand, ix *data.Index, events []*data.Event) *data.Filter {
	f := &data.Filter{}
	pick := func(n int) []int {
		if rng.IntN(2) == 0 {
			return nil
		}
		var out []int
		for range 1 + rng.IntN(3) {
			out = append(out, rng.IntN(n))
		}
		return out
	}
	for _, i := range pick(len(ix.Actors) + 1) {
		f.Actors = append(f.Actors, slices.Concat(ix.Actors, []string{"Nobody"})[i])
	}
	for _, i := range pick(len(ix.Targets)) {
		f.Targets = append(f.Targets, ix.Targets[i])
	}
	for _, i := range pick(len(data.Statuses)) {
		f.Statuses = append(f.Statuses, data.Statuses[i])
	}
	for _, i := range pick(len(data.GeoPrecisions)) {
		f.Precisions = append(f.Precisions, data.GeoPrecisions[i])
	}
	e := events[rng.IntN(len(events))]
	if rng.IntN(2) == 0 {
		f.From = e.DateStart - data.Date(rng.IntN(60))
	}
	if rng.IntN(2) == 0 {
		f.To = e.DateStart + data.Date(rng.IntN(60))
	}
	if rng.IntN(3) == 0 {
		d := rng.Float64() * 3
		// Edges on an event's own coordinates test that they are inside.
		f.BBox = &orb.Bound{Min: orb.Point{e.Lon() - d, e.Lat() - d*rng.Float64()}, Max: orb.Point{e.Lon() + d*rng.Float64(), e.Lat()}}
	}
	if rng.IntN(4) == 0 {
		words := strings.Fields(e.Summary + " " + e.Place)
		f.Query = words[rng.IntN(len(words))]
	}
	return f
}
