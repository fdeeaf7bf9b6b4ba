package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestAppendDayIsDateString(t *testing.T) {
	for d := DateOf(1, 1, 1); d < DateOf(2401, 1, 1); d += 17 {
		if got, want := string(appendDay(nil, d)), d.String(); got != want {
			t.Fatalf("day %d: got %s, want %s", d, got, want)
		}
	}
	for _, d := range []Date{DateOf(2000, 2, 29), DateOf(1900, 3, 1), DateOf(2024, 12, 31), DateOf(9999, 12, 31)} {
		if got, want := string(appendDay(nil, d)), d.String(); got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}

func TestAppendJSONStringReadsBackTheSame(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ slash`, "line\nbreak\ttab\r", "\x00\x1f",
		"Dāyr az Zawr", "\u2028\u2029", "bad \xff utf8", "<script>&"} {
		b := appendJSONString(nil, s)
		var back string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q: %s is not JSON: %v", s, b, err)
		}
		want := strings.ToValidUTF8(s, "\ufffd")
		if back != want {
			t.Errorf("%q came back as %q", s, back)
		}
	}
}

func TestAppendCSVTextReadsBackTheSame(t *testing.T) {
	cells := []string{"", "plain", "a, b", `say "hi"`, "two\nlines", " leading space", "trailing ", "\"", "x\r\ny"}
	var b []byte
	for i, c := range cells {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSVText(b, c)
	}
	rec, err := csv.NewReader(bytes.NewReader(append(b, '\n'))).Read()
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string(nil), cells...)
	want[len(want)-1] = "x\ny" // encoding/csv reads a quoted CRLF as LF, as RFC 4180 readers may
	for i := range want {
		if rec[i] != want[i] {
			t.Errorf("cell %d: %q came back as %q", i, want[i], rec[i])
		}
	}
}
