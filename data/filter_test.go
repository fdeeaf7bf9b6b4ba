package data_test

import (
	"context"
	"testing"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/data"
)

// mustDay parses YYYY-MM-DD, failing the test on an error.
func mustDay(t testing.TB, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFilterOnTheSample(t *testing.T) {
	db := mustOpen(t, mustSample(t), data.ReadOnly)
	day := func(s string) data.Date { return mustDay(t, s) }
	for name, tc := range map[string]struct {
		f    data.Filter
		want func(*data.Event) bool // every event kept must satisfy it
		n    int                    // how many are kept
	}{
		"everything": {data.Filter{}, func(*data.Event) bool { return true }, 13},
		"France only": {data.Filter{Actors: []string{"France"}},
			func(e *data.Event) bool { return e.Actor == "France" }, 1},
		"France or Unknown": {data.Filter{Actors: []string{"France", "Unknown"}},
			func(e *data.Event) bool { return e.Actor == "France" || e.Actor == "Unknown" }, 2},
		"overlapping 3 November 2015": {data.Filter{From: day("2015-11-03"), To: day("2015-11-03")},
			func(e *data.Event) bool { return e.DateStart <= day("2015-11-03") && e.LastDate() >= day("2015-11-03") }, 5},
		"2017 only": {data.Filter{From: day("2017-01-01")},
			func(e *data.Event) bool { return e.LastDate() >= day("2017-01-01") }, 2},
		"declared convoys (AND across flags)": {data.Filter{Targets: []string{"convoy"}, Statuses: []data.Status{data.StatusDeclared}},
			func(e *data.Event) bool { return e.TargetType == "convoy" && e.Status == data.StatusDeclared }, 1},
		"east of the Euphrates bend": {data.Filter{BBox: &orb.Bound{Min: orb.Point{40, 34}, Max: orb.Point{41.5, 36}}},
			func(e *data.Event) bool { return e.Lon() >= 40 }, 2},
		"words in a claim": {data.Filter{Query: "zaman WASL"},
			func(e *data.Event) bool { return e.Place == "Al Bukamal" }, 1},
	} {
		t.Run(name, func(t *testing.T) {
			l, err := db.Filtered(context.Background(), &tc.f)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range l.Events {
				if !tc.want(e) {
					t.Errorf("kept %s (%s, %s)", e.UID, e.Actor, e.DateStart)
				}
			}
			if len(l.Events) != tc.n {
				t.Errorf("kept %d events, want %d", len(l.Events), tc.n)
			}
		})
	}
}

func TestFilteredLeavesOutInvalidEvents(t *testing.T) {
	path := mustSample(t)
	rawExec(t, path, `UPDATE events SET lat = 4239 WHERE id = 1`)
	l, err := mustOpen(t, path, data.ReadOnly).Filtered(context.Background(), &data.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Invalid != 1 || len(l.Events) != 12 {
		t.Errorf("%d shown, %d invalid; want 12 and 1", len(l.Events), l.Invalid)
	}
}

func TestLayerColoursTheMostFrequentActorsFirst(t *testing.T) {
	l, err := mustOpen(t, mustSample(t), data.ReadOnly).Filtered(context.Background(), &data.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Actors) != 2 || l.Actors[0] != "Russia" || l.Actors[1] != "France" {
		t.Errorf("actors in colour order %v, want [Russia France] (Unknown gets no colour)", l.Actors)
	}
	for i, e := range l.Events {
		if e.Actor == "Unknown" && l.Markers[i].Color != -1 {
			t.Errorf("the Unknown actor has colour %d", l.Markers[i].Color)
		}
	}
}
