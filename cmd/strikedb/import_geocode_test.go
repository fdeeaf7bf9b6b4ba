package main

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data"
)

// TestImportGeocodesPlaceNames imports ACLED rows that name a place but give no
// coordinates: the gazetteer places them at town precision, marked in the summary, and
// a name it does not know is reported with its file and line.
func TestImportGeocodesPlaceNames(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "acled.csv")
	body := "event_id_cnty,location,event_date,latitude,longitude,country,fatalities\n" +
		"SYR900001,Raqqa,2017-05-25,,,Syria,3\n" +
		"SYR900002,Nowhereville Qqq,2017-05-26,,,Syria,\n"
	if err := os.WriteFile(csv, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "out.db")
	code, stdout, _ := strikedb(t, "import", "--skip-invalid", "-o", db, csv)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	if !strings.Contains(stdout, "acled.csv:3:") || !strings.Contains(stdout, "Nowhereville Qqq") {
		t.Errorf("the unknown place is not reported by file and line:\n%s", stdout)
	}
	d, err := data.Open(context.Background(), db, data.ReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var got []*data.Event
	for e, err := range d.Events(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e)
	}
	if len(got) != 1 {
		t.Fatalf("%d events imported, want 1 (Raqqa)", len(got))
	}
	e := got[0]
	// Ar Raqqah in GeoNames: 35.95283, 39.00788.
	if math.Abs(e.Location.Lat()-35.95283) > 0.05 || math.Abs(e.Location.Lon()-39.00788) > 0.05 {
		t.Errorf("Raqqa placed at %v", e.Location)
	}
	if e.GeoPrecision != data.GeoTown || !strings.Contains(e.Summary, "geocoded") {
		t.Errorf("precision %q, summary %q: want town, marked as geocoded", e.GeoPrecision, e.Summary)
	}
}
