package data_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/strikemap/strikemap/data"
)

// transferEvents is how many generated events the export and import benchmarks move;
// `strikedb export` and `import` of /tmp/g1m.db give the figures for a million.
const transferEvents = 20_000

func BenchmarkExportGeoJSON(b *testing.B) { benchmarkExport(b, data.FormatGeoJSON) }
func BenchmarkExportCSV(b *testing.B)     { benchmarkExport(b, data.FormatCSV) }

func benchmarkExport(b *testing.B, f data.Format) {
	db := mustOpen(b, mustGenerate(b, transferEvents), data.ReadOnly)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := db.Export(context.Background(), io.Discard, data.ExportOptions{Format: f}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*transferEvents), "ns/event")
}

func BenchmarkImportGeoJSON(b *testing.B) { benchmarkImport(b, data.FormatGeoJSON, false) }
func BenchmarkImportCSV(b *testing.B)     { benchmarkImport(b, data.FormatCSV, false) }

// BenchmarkImportAgainGeoJSON imports into a database that holds every event already,
// each of which Import compares with the one stored.
func BenchmarkImportAgainGeoJSON(b *testing.B) { benchmarkImport(b, data.FormatGeoJSON, true) }

// benchmarkImport imports transferEvents events in format f into a new database, or
// with again into one that holds them already.
func benchmarkImport(b *testing.B, f data.Format, again bool) {
	dir := b.TempDir()
	src := filepath.Join(dir, "events."+string(f))
	db := mustOpen(b, mustGenerate(b, transferEvents), data.ReadOnly)
	if _, err := db.ExportFile(context.Background(), src, data.ExportOptions{Format: f}); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "out.db")
	if again {
		mustImport(b, out, src)
	}
	b.ReportAllocs()
	for b.Loop() {
		if !again {
			os.Remove(out)
		}
		if _, err := data.Import(context.Background(), out, []string{src}, data.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*transferEvents), "ns/event")
}
