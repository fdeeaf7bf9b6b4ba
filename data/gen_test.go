package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/strikemap/strikemap/data"
)

func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		path := filepath.Join(b.TempDir(), "gen.db")
		if err := data.Generate(context.Background(), path, 20000, 1, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(20000*b.N)/b.Elapsed().Seconds(), "events/s")
}
