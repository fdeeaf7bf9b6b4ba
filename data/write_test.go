package data_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

func TestSampleRoundTrip(t *testing.T) {
	want, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	got := allEvents(t, mustOpen(t, mustSample(t), data.ReadOnly))
	if len(got) != len(want) {
		t.Fatalf("stored %d events, sample has %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], *got[i]
		// Ids are the database's; compare everything else.
		g.ID, w.ID = 0, 0
		for j := range g.Claims {
			g.Claims[j].ID, g.Claims[j].EventID, g.Claims[j].Source.ID = 0, 0, 0
		}
		for j := range w.Claims {
			w.Claims[j].ID, w.Claims[j].EventID, w.Claims[j].Source.ID = 0, 0, 0
		}
		if !reflect.DeepEqual(w, g) {
			t.Errorf("event %s changed on the way through the database:\nwant %+v\ngot  %+v", w.UID, w, g)
		}
	}
}

func TestWriteIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	path := mustSample(t)
	before := datatest.Sum(t, path)
	events, _ := data.Sample()
	fresh := func(uid string) *data.Event {
		e := events[0]
		e.UID = uid
		e.Claims = append([]data.Claim(nil), e.Claims...)
		return &e
	}
	db := mustOpen(t, path, data.ReadWrite)

	boom := errors.New("disk on fire")
	err := db.Write(ctx, func(w *data.Writer) error {
		for _, uid := range []string{"new-1", "new-2"} {
			if _, err := w.Add(ctx, fresh(uid)); err != nil {
				return err
			}
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Write returned %v, want the callback's error", err)
	}

	bad := fresh("new-3")
	bad.Location[1] = 4239
	err = db.Write(ctx, func(w *data.Writer) error {
		if _, err := w.Add(ctx, fresh("new-4")); err != nil {
			return err
		}
		_, err := w.Add(ctx, bad)
		return err
	})
	if !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("adding lat 4239: %v, want ErrInvalid", err)
	}
	db.Close()
	if datatest.Sum(t, path) != before {
		t.Error("failed writes changed the database")
	}
}

func TestWriteSkipsKnownUIDs(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, mustSample(t), data.ReadWrite)
	events, _ := data.Sample()
	var w2 *data.Writer
	err := db.Write(ctx, func(w *data.Writer) error {
		w2 = w
		for i := range events {
			if added, err := w.Add(ctx, &events[i]); err != nil || added {
				t.Errorf("re-adding %s: added %v, err %v", events[i].UID, added, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if w2.Skipped() != len(events) || w2.Added() != 0 {
		t.Errorf("added %d, skipped %d; want 0, %d", w2.Added(), w2.Skipped(), len(events))
	}
	if n := len(allEvents(t, db)); n != len(events) {
		t.Errorf("%d events after re-adding the sample, want %d", n, len(events))
	}
}

func TestClaimsShareTheirArticle(t *testing.T) {
	db := mustOpen(t, mustSample(t), data.ReadOnly)
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Sources != 5 {
		t.Errorf("%d sources, want one per seed article (5)", st.Sources)
	}
}

func TestGenerateIsDeterministicAndValid(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	gen := func(name string, seed uint64) []*data.Event {
		p := filepath.Join(dir, name)
		if err := data.Generate(ctx, p, 2000, seed, nil); err != nil {
			t.Fatal(err)
		}
		problems := 0
		if err := data.Check(ctx, p, func(s string) { problems++; t.Log(s) }); err != nil || problems > 0 {
			t.Fatalf("check of generated database: %v, %d problems", err, problems)
		}
		return allEvents(t, mustOpen(t, p, data.ReadOnly))
	}
	a, b, c := gen("a.db", 1), gen("b.db", 1), gen("c.db", 2)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs with seed 1 differ")
	}
	if reflect.DeepEqual(a, c) {
		t.Error("seeds 1 and 2 give the same events")
	}
	// Realism: several countries, actors and precisions; claims that disagree.
	countries, actors, precisions := map[string]bool{}, map[string]bool{}, map[data.GeoPrecision]bool{}
	disagree, imprecise := 0, 0
	for _, e := range a {
		countries[e.Country], actors[e.Actor], precisions[e.GeoPrecision] = true, true, true
		if lo, ok := e.Killed.Min.Get(); ok {
			if hi, _ := e.Killed.Max.Get(); hi > lo {
				disagree++
			}
		}
		if e.DatePrecision != data.DateDay {
			imprecise++
		}
		if n := len(e.Claims); n < 1 || n > 5 {
			t.Fatalf("event %s has %d claims, want 1 to 5", e.UID, n)
		}
	}
	if len(countries) < 5 || len(actors) < 8 || len(precisions) != len(data.GeoPrecisions) {
		t.Errorf("%d countries, %d actors, %d geo precisions: not varied enough", len(countries), len(actors), len(precisions))
	}
	if disagree < 100 || imprecise < 100 {
		t.Errorf("%d events with disagreeing figures and %d with imprecise dates out of 2000", disagree, imprecise)
	}
}

func TestGenerateRefusesTooMany(t *testing.T) {
	err := data.Generate(context.Background(), filepath.Join(t.TempDir(), "x.db"), data.MaxGenerate+1, 1, nil)
	if err == nil {
		t.Error("generated more than MaxGenerate events")
	}
}

// TestSourcesSharedAcrossManyDistinct stores one article's claims far apart, with
// thousands of distinct sources between them: they must still share one row.
func TestSourcesSharedAcrossManyDistinct(t *testing.T) {
	ctx := context.Background()
	events, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	article := data.Source{Publisher: "Kept", Title: "The same article", Published: data.DateOf(2024, time.January, 2)}
	event := func(i int, s data.Source) *data.Event {
		e := events[0]
		e.UID = fmt.Sprintf("far-%05d", i)
		e.Claims = append([]data.Claim(nil), e.Claims[:1]...)
		e.Claims[0].Source = s
		return &e
	}
	const between = 6000
	for name, create := range map[string]bool{"new database": true, "existing database": false} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "far.db")
			fill := func(db *data.DB) error {
				return db.Write(ctx, func(w *data.Writer) error {
					for i := 0; i <= between+1; i++ {
						s := data.Source{Publisher: "Other", Title: fmt.Sprintf("Article %d", i)}
						if i == 0 || i == between+1 {
							s = article
						}
						if _, err := w.Add(ctx, event(i, s)); err != nil {
							return err
						}
					}
					return nil
				})
			}
			if create {
				if err := data.Create(ctx, path, fill); err != nil {
					t.Fatal(err)
				}
			} else {
				if err := data.Create(ctx, path, func(*data.DB) error { return nil }); err != nil {
					t.Fatal(err)
				}
				if err := fill(mustOpen(t, path, data.ReadWrite)); err != nil {
					t.Fatal(err)
				}
			}
			db := mustOpen(t, path, data.ReadOnly)
			first, err := db.Event(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			last, err := db.Event(ctx, between+2)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := first.Claims[0].Source.ID, last.Claims[0].Source.ID; a != b || a == 0 {
				t.Errorf("the same article got source rows %d and %d", a, b)
			}
		})
	}
}
