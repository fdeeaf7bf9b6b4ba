package data

import (
	"bytes"
	"reflect"
	"testing"
	"testing/iotest"
)

// FuzzGeoJSON reads any bytes as the export's GeoJSON, with the checks of FuzzACLED,
// and again one byte per read, which cuts every token somewhere: the rows and the error
// must be the same, since the scanner's buffer must not show through.
func FuzzGeoJSON(f *testing.F) {
	f.Add(sampleExport(f, FormatGeoJSON))
	addSeedFiles(f, "../testdata/bad/geojson-*.geojson", "../testdata/bad/geojson-*.json")
	for _, s := range []string{
		`{"type":"FeatureCollection","features":[]}`,
		`{"features":[{"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[39.01,35.95,4]},` +
			`"properties":{"date_start":"2017-03-04","date_precision":"day","geo_precision":"town","status":"likely",` +
			`"origin":[1e400,-0],"claims":[{"claimant":"a\u0000\ud83d\ude00\ud800","stance":"claims","killed":-0,` +
			`"source":{"url":"https://x","published":"2017-02-29"}}]}}],"type":"FeatureCollection"}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"lat":1,"lon":2}},7,[]]}`,
		"\xef\xbb\xbf {\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",\"properties\":{\"killed_min\":12345678901234567890}}\n]}\n",
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":["1",2]},"properties":{"uid":"\u00"}}]}`,
		`[[[[[[[[[[]]]]]]]]]]`,
		`{"type":"Feature"}`,
		`{"type":"FeatureCollection"} x`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := fuzzImport(t, FormatGeoJSON, data)
		slow := fuzzImportFrom(t, FormatGeoJSON, data, iotest.OneByteReader(bytes.NewReader(data)))
		if !reflect.DeepEqual(got, slow) {
			t.Fatalf("read at once and a byte at a time differ:\n%+v\n%+v", got, slow)
		}
		checkRoundTrip(t, got.valid)
	})
}
