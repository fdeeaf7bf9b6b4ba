package data_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/strikemap/strikemap/data"
)

// benchEvents is how many events the benchmarks generate; STRIKEMAP_BENCH_DB names an
// existing database to use instead, such as one of a million events made by
// `strikedb gen -n 1000000 --seed 1 -o /tmp/g1m.db`.
const benchEvents = 100_000

var bench struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// TestMain removes the benchmarks' database when the run ends.
func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// benchDB opens the benchmarks' database, generating it on first use in the run.
func benchDB(b *testing.B) *data.DB {
	b.Helper()
	bench.once.Do(func() {
		if bench.path = os.Getenv("STRIKEMAP_BENCH_DB"); bench.path != "" {
			return
		}
		if bench.dir, bench.err = os.MkdirTemp("", "strikemap-bench-"); bench.err != nil {
			return
		}
		bench.path = filepath.Join(bench.dir, "bench.db")
		bench.err = data.Generate(context.Background(), bench.path, benchEvents, 1, nil)
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return mustOpen(b, bench.path, data.ReadOnly)
}

// benchFilter is one change of the filter panel: a year, two actors, two target types.
func benchFilter(ix *data.Index) *data.Filter {
	from := ix.MinDate + (ix.MaxDate-ix.MinDate)/3
	return &data.Filter{From: from, To: from + 365, Actors: ix.Actors[:2], Targets: ix.Targets[1:3]}
}

func BenchmarkLoadIndex(b *testing.B) {
	db := benchDB(b)
	b.ReportAllocs()
	var ix *data.Index
	for b.Loop() {
		var err error
		if ix, err = db.LoadIndex(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric(float64(ix.Len()), "events")
}

func BenchmarkSelect(b *testing.B) { benchSelect(b, "") }

// BenchmarkSelectText adds the ids of a common word to the filter.
func BenchmarkSelectText(b *testing.B) { benchSelect(b, "near") }

func benchSelect(b *testing.B, q string) {
	db := benchDB(b)
	ix := mustIndex(b, db)
	f := benchFilter(ix)
	text := mustSearch(b, db, q)
	var sel []uint64
	b.ReportAllocs()
	for b.Loop() {
		sel = ix.Select(f, text, sel)
	}
	b.ReportMetric(float64(ix.Count(sel)), "selected")
}

func BenchmarkFacets(b *testing.B) {
	ix := mustIndex(b, benchDB(b))
	f := benchFilter(ix)
	b.ReportAllocs()
	for b.Loop() {
		ix.Facets(f, nil)
	}
}

func BenchmarkTimeline(b *testing.B) {
	ix := mustIndex(b, benchDB(b))
	f := benchFilter(ix)
	bins := data.BinsFor(ix.MinDate, ix.MaxDate, 200)
	b.ReportAllocs()
	for b.Loop() {
		ix.Timeline(f, nil, bins)
	}
}

func BenchmarkSearch(b *testing.B) {
	db := benchDB(b)
	b.ReportAllocs()
	for b.Loop() {
		mustSearch(b, db, "market raqq")
	}
}
