package data

import (
	"strings"
	"testing"
)

// FuzzUCDP reads any bytes as a UCDP GED CSV, with the checks of FuzzACLED, and that
// each stored event has UCDP's claim.
func FuzzUCDP(f *testing.F) {
	addSeedFiles(f, "../testdata/import/ucdp*.csv", "../testdata/bad/csv-*.csv")
	header := strings.Join(UCDPColumns, ",") + "\n"
	cells := func(set map[string]string) string {
		row := make([]string, len(UCDPColumns))
		for i, c := range UCDPColumns {
			row[i] = set[c]
		}
		return strings.Join(row, ",") + "\n"
	}
	for _, set := range []map[string]string{
		{"id": "1", "date_start": "2016-05-01 00:00:00.000", "date_end": "2016-05-03", "date_prec": "2",
			"where_prec": "7", "latitude": "36.2", "longitude": "37.1", "best": "5", "low": "9", "high": "1",
			"deaths_a": "9223372036854775807", "deaths_b": "1", "source_date": "bad;2016-05-02", "type_of_violence": "3"},
		{"id": "2", "date_start": "2016-05-01", "date_prec": "9", "where_prec": "", "latitude": "", "longitude": "",
			"where_coordinates": "Raqqa", "best": "-3", "number_of_sources": "1"},
		{"id": "3", "date_start": "2016-05-03", "date_end": "2016-05-01", "latitude": "91", "longitude": "-181", "best": "1.5"},
		{"id": " ", "date_start": "0000-01-01", "latitude": "1", "best": "12.0"},
	} {
		f.Add([]byte(header + cells(set)))
	}
	f.Add([]byte("id,date_start,latitude,longitude,best\n1,2016-01-01,1,1,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := fuzzImport(t, FormatUCDP, data)
		for _, e := range got.valid {
			if len(e.Claims) != 1 || e.Claims[0].Claimant != "UCDP" {
				t.Fatalf("%s: claims %+v, want UCDP's one", e.UID, e.Claims)
			}
		}
		checkRoundTrip(t, got.valid)
	})
}

// Side A's and side B's deaths are added for the claim's combatants: a sum past int64
// once wrapped to a negative figure, which the row was then rejected for, though the
// file has none.
func TestUCDPDeathsTooLargeToAdd(t *testing.T) {
	in := "id,date_start,latitude,longitude,best,deaths_a,deaths_b\n1,2016-01-01,1,1,1,9223372036854775807,1\n"
	got := fuzzImport(t, FormatUCDP, []byte(in))
	var problems []string
	for _, r := range got.rows {
		problems = append(problems, r.problems...)
	}
	if msg := strings.Join(problems, "; "); !strings.Contains(msg, "add up to more") || strings.Contains(msg, "negative") {
		t.Errorf("problems %q, want deaths_a and deaths_b too large to add", msg)
	}
}
