package main

import (
	"bytes"
	"encoding/csv"
	"strings"
	"unicode/utf16"

	"github.com/strikemap/strikemap/data"
)

// An invented event in Strikemap's own CSV, at Al-Bab in Syria; each bad CSV changes it
// in one way. Nothing in it is a real report.
var goodCSV = map[string]string{
	"uid": "bad-0001", "date_start": "2017-02-01", "date_precision": "day",
	"lat": "36.37", "lon": "37.52", "geo_precision": "town", "place": "Al-Bab",
	"admin1": "Aleppo", "country": "Syria", "actor": "Invented Air Force", "target_type": "market",
	"weapon": "airstrike", "summary": "Invented row of the bad-input corpus.", "status": "single-source",
	"claimant": "Invented monitor", "stance": "reports", "text": "An invented claim.",
	"claimed_on": "2017-02-01", "publisher": "Invented Gazette", "title": "An invented headline",
	"url": "https://example.org/bad-0001", "published": "2017-02-01", "language": "en",
}

// csvFile writes Strikemap's CSV header and one row per change of goodCSV.
func csvFile(rows ...map[string]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(data.CSVColumns)
	for i, change := range rows {
		rec := make([]string, len(data.CSVColumns))
		for j, c := range data.CSVColumns {
			rec[j] = goodCSV[c]
			if v, ok := change[c]; ok {
				rec[j] = v
			}
		}
		if _, ok := change["uid"]; !ok {
			rec[0] = strings.Replace(rec[0], "1", string(rune('1'+i)), 1)
		}
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// csvs are files for strikedb import in one of the CSV formats.
func csvs() map[string]maker {
	fixed := func(b []byte) maker { return func([]byte) ([]byte, error) { return b, nil } }
	ragged := csvFile(nil, nil, nil)
	lines := strings.SplitAfter(string(ragged), "\n")
	lines[2] = strings.Join(strings.Split(lines[2], ",")[:20], ",") + "\n" // cut short
	lines[3] = strings.TrimSuffix(lines[3], "\n") + ",extra,cells,here\n"
	utf8Text := string(csvFile(nil))
	var utf16LE bytes.Buffer
	utf16LE.WriteString("\xff\xfe")
	for _, u := range utf16.Encode([]rune(utf8Text)) {
		utf16LE.Write([]byte{byte(u), byte(u >> 8)})
	}
	unclosed := strings.Replace(utf8Text, ",Invented row of", `,"Invented row of`, 1)
	return map[string]maker{
		"csv-empty.csv":        text(""),
		"csv-wrong-header.csv": text("name,age,city\nAda,36,London\nGrace,45,New York\n"),
		"csv-missing-columns.csv": text("uid,date_start,place,country\n" +
			"bad-0001,2017-02-01,Al-Bab,Syria\n"),
		"csv-acled-missing-columns.csv": text("event_id_cnty,event_date,location,country\n" +
			"BAD0001,01 February 2017,Al-Bab,Syria\n"),
		"csv-ragged.csv": fixed([]byte(strings.Join(lines, ""))),
		"csv-megabyte-field.csv": fixed(csvFile(map[string]string{
			"summary": strings.Repeat("An invented summary that goes on and on. ", 27000)})),
		// Cells far too long for what they hold: a message quotes only their start.
		"csv-long-cells.csv": fixed(csvFile(map[string]string{"lat": strings.Repeat("3", 20000)},
			map[string]string{"status": strings.Repeat("confirmed", 2500)})),
		"csv-invalid-utf8.csv": fixed(csvFile(map[string]string{"place": "Al-B\xe2b", "admin1": "Alep"},
			map[string]string{"summary": "Latin-1 text: caf\xe9 cr\xe8me"})),
		"csv-nul-bytes.csv": fixed(csvFile(map[string]string{"place": "Al-\x00Bab"},
			map[string]string{"summary": "NUL\x00\x00\x00 in the middle"})),
		"csv-utf16.csv":          fixed(utf16LE.Bytes()),
		"csv-unclosed-quote.csv": fixed([]byte(unclosed)),
		"csv-binary.csv":         func([]byte) ([]byte, error) { return solidPNG() },
		// ACLED's columns with latitude and longitude swapped: Marawi, the Philippines,
		// is at 7.99 N 124.29 E, and no latitude is 124.29.
		"csv-swapped.csv": text("event_id_cnty,event_date,location,country,latitude,longitude\n" +
			"BAD0001,2017-06-09,Marawi,Philippines,124.29,7.99\n"),
		// Deir ez-Zor, Syria, 35.34 N 40.14 E, swapped: a point in Turkey, far from any
		// Syrian town, while the other way round is in Syria.
		"csv-swapped-syria.csv": text("event_id_cnty,event_date,location,country,latitude,longitude\n" +
			"BAD0002,2017-06-09,Deir ez-Zor,Syria,40.14,35.34\n"),
	}
}
