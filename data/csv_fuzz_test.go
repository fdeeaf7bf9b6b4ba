package data

import (
	"strings"
	"testing"
)

// FuzzCSV reads any bytes as Strikemap's own CSV, with the checks of FuzzACLED.
func FuzzCSV(f *testing.F) {
	f.Add(sampleExport(f, FormatCSV))
	addSeedFiles(f, "../testdata/bad/csv-*.csv")
	header := strings.Join(CSVColumns, ",") + "\n"
	for _, rows := range []string{
		"a,2020-01-01,,day,1,2,exact,,,,,,,,,,,declared,,,,,C,claims,t,1,,,,,,,,,,\n" +
			"a,2020-01-01,,day,1,2,exact,,,,,,,,,,,declared,,,,,D,denies,,,,,,,,,,,,\n",
		"a,2020-01-01,,day,1,2,exact,,,,,,,,,,,declared,,,,,C,claims,t,1,,,,,,,,,,\n" +
			"a,2020-01-02,,day,1,2,exact,,,,,,,,,,,declared,,,,,D,denies,,,,,,,,,,,,\n",
		"b,2020-01-01,2019-01-01,range,91,2,exact,,,,,,3,4,o,,,x,1,2,3,4,C,claims,,-1,1.5,,,2020-13-01,,,ftp://x,,,\n",
		"c,2020-01-01,,day,,,town,Raqqa,,,,,,,,,,declared,,,,,C,claims,,,,,,,,,,,,\n",
		"d,2020-01-01,,day,1,2,exact,,,,,,,,,,name,,declared,,,,,C,claims,\"x\r\ny\",,,,,,,,,,,\n",
	} {
		f.Add([]byte(header + rows))
	}
	f.Add([]byte("uid,date_start,lat,lon\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := fuzzImport(t, FormatCSV, data)
		checkRoundTrip(t, got.valid)
	})
}
