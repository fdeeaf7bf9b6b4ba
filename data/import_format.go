package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
)

// Format is a file format that Import reads or Export writes.
type Format string

// The formats of CONTRACT.md's import and export.
const (
	FormatACLED   Format = "acled"   // an ACLED export, CSV (import only)
	FormatUCDP    Format = "ucdp"    // UCDP's Georeferenced Event Dataset, CSV (import only)
	FormatGeoJSON Format = "geojson" // CONTRACT.md's GeoJSON
	FormatCSV     Format = "csv"     // Strikemap's own CSV, CSVColumns
)

// Formats lists every Format, as --format spells them.
var Formats = []Format{FormatACLED, FormatUCDP, FormatGeoJSON, FormatCSV}

// Valid reports whether f is in Formats.
func (f Format) Valid() bool { return slices.Contains(Formats, f) }

// utf8BOM starts some files that spreadsheets wrote.
var utf8BOM = []byte("\xef\xbb\xbf")

// errEmptyFile is DetectFormat's answer for a file with no bytes: /dev/null, or a
// download that failed; no --format helps it.
var errEmptyFile = errors.New("the file is empty")

// DetectFormat tells a file's format from its first bytes, head, or else from its name:
// a JSON object is GeoJSON; a CSV header with ACLED's event_id_cnty is ACLED, with UCDP's
// where_prec or side_a and best is UCDP, with uid and date_start is ours.
func DetectFormat(name string, head []byte) (Format, error) {
	if text, ok := fromUTF16(head); ok {
		head = text // its reader refuses it with a word on the encoding
	}
	body := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(body) == 0 && strings.EqualFold(filepath.Ext(name), ".csv") {
		return FormatCSV, nil // every CSV reader says the same of a file without a header
	}
	if len(body) > 0 && (body[0] == '{' || body[0] == '[') {
		return FormatGeoJSON, nil
	}
	if len(body) > 0 {
		r := csv.NewReader(bytes.NewReader(body))
		r.FieldsPerRecord = -1
		if header, err := r.Read(); err == nil {
			has := headerSet(header)
			switch {
			case has["event_id_cnty"]:
				return FormatACLED, nil
			case has["where_prec"] || has["side_a"] && has["best"]:
				return FormatUCDP, nil
			case has["uid"] && has["date_start"]:
				return FormatCSV, nil
			}
		}
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".geojson", ".json":
		return FormatGeoJSON, nil
	}
	if len(head) == 0 {
		return "", errEmptyFile
	}
	return "", fmt.Errorf("cannot tell the format from the header or the name; want one of %v", Formats)
}

// headerSet returns a header's column names as csvTable matches them.
func headerSet(header []string) map[string]bool {
	has := make(map[string]bool, len(header))
	for _, h := range header {
		has[columnName(h)] = true
	}
	return has
}

// columnName folds a header cell: case and surrounding spaces do not matter.
func columnName(h string) string { return strings.ToLower(strings.TrimSpace(h)) }

// utf16BOMs start UTF-16 text, little- then big-endian, as spreadsheets save "Unicode text".
var utf16BOMs = [][]byte{[]byte("\xff\xfe"), []byte("\xfe\xff")}

// fromUTF16 returns head as UTF-8 when it is UTF-16 text with a byte-order mark.
func fromUTF16(head []byte) ([]byte, bool) {
	for i, bom := range utf16BOMs {
		if !bytes.HasPrefix(head, bom) {
			continue
		}
		units := make([]uint16, 0, len(head)/2)
		for j := 2; j+1 < len(head); j += 2 {
			if i == 0 {
				units = append(units, uint16(head[j])|uint16(head[j+1])<<8)
			} else {
				units = append(units, uint16(head[j])<<8|uint16(head[j+1]))
			}
		}
		return []byte(string(utf16.Decode(units))), true
	}
	return nil, false
}
