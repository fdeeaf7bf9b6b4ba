package data

import (
	"strings"
	"testing"
)

// FuzzACLED reads any bytes as an ACLED export: no panic, every row and error at a line
// of the file, every stored event valid, in WGS84, and the same after an export in
// either of Strikemap's formats and an import of it.
func FuzzACLED(f *testing.F) {
	addSeedFiles(f, "../testdata/import/acled*.csv", "../testdata/bad/csv-*.csv")
	header := strings.Join(ACLEDColumns, ",") + "\n"
	for _, row := range []string{
		"SYR1,2017-03-04,2017,1,,,Air/drone strike,Russia,,,,,,,,,,Syria,,,,Raqqa,35.95,39.01,1,SOHR; SANA,,notes,4,,",
		"SYR2,04 March 2017,2017,3,,,Shelling/artillery/missile attack,,,,,,,,Civilian targeting,,,,,,,,-90,180,3,,,Casualties unknown,0,,",
		"SYR3,2017-02-30,2017,4,,,,,,,,,,,,,,,,,,Raqqa,,,,,,,1e3,,",
		"SYR4,2017-03-04,2017,1,,,,,,,,,,,,,,,,,,,NaN,Inf,1,,,,-1,,",
		"SYR5,2017-03-04,2017,1,,,,,,,,,,,,,,,,,,,0x1p4,1e400,2,,,,9223372036854775808,,",
		"\"SYR6\",\"2 Jan 2017\",,1,,,,,,,,,,,,,,,,,,,\"35.9\",\"39\",1,\" a ; a ;\",,\"x\r\ny\",\" 7 \",,",
	} {
		f.Add([]byte(header + row + "\n"))
		f.Add([]byte("\xef\xbb\xbf" + strings.ReplaceAll(header+row, "\n", "\r\n")))
	}
	f.Add([]byte("event_id_cnty,event_date,latitude,longitude\nA,2020-01-01,1,2\nA,2020-01-01,1,2\n"))
	f.Add([]byte("event_id_cnty,event_date,latitude,longitude\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := fuzzImport(t, FormatACLED, data)
		for _, e := range got.valid {
			if len(e.Claims) == 0 {
				t.Fatalf("%s: an ACLED event without a claim", e.UID)
			}
		}
		checkRoundTrip(t, got.valid)
	})
}
