package data

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/iotest"
)

// Every value the scanner reads must come out as encoding/json reads it, whatever the
// reads of the stream cut it into: one byte at a time cuts every token somewhere.
func TestJSONScannerAgreesWithEncodingJSON(t *testing.T) {
	for name, in := range map[string]string{
		"plain":          `"Raqqa"`,
		"escapes":        `"a\"b\\c\/d\b\f\n\r\t\u00e9\u2028"`,
		"surrogate pair": `"\ud83d\ude00 smile"`,
		"lone surrogate": `"\ud83d alone"`,
		"high then text": `"\ud83d\u0041"`,
		"utf8":           `"Dayr az Zawr, Dāyr, دير الزور"`,
		"bad utf8":       "\"a\xffb\"",
		"number":         `-12.5e+3`,
		"zero":           `0`,
		"integer":        `4239`,
	} {
		t.Run(name, func(t *testing.T) {
			s := newJSONScanner(iotest.OneByteReader(strings.NewReader(in)))
			var got any
			var err error
			if in[0] == '"' {
				got, err = s.str()
			} else {
				var b []byte
				b, err = s.number()
				got = string(b)
			}
			if err != nil {
				t.Fatal(err)
			}
			var want any
			if in[0] == '"' {
				var w string
				json.Unmarshal([]byte(in), &w)
				want = w
			} else {
				want = in
			}
			if got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestJSONScannerRejectsWhatIsNotJSON(t *testing.T) {
	for name, in := range map[string]string{
		"leading zero":  `[01]`,
		"bare word":     `[nope]`,
		"raw newline":   "[\"a\nb\"]",
		"bad escape":    `["\x"]`,
		"short hex":     `["\u12"]`,
		"open string":   `["abc`,
		"trailing":      `[1,]`,
		"missing comma": `[1 2]`,
		"plus":          `[+1]`,
		"dot":           `[1.]`,
	} {
		t.Run(name, func(t *testing.T) {
			s := newJSONScanner(iotest.OneByteReader(strings.NewReader(in)))
			if err := s.skip(); err == nil {
				t.Errorf("%s read without an error", in)
			}
		})
	}
}

func TestJSONScannerCountsLines(t *testing.T) {
	s := newJSONScanner(bytes.NewReader([]byte("{\n\"a\": [1,\r\n 2],\n\n \"b\": \"x\"}")))
	var lines []int
	err := s.object(func(key []byte) error {
		s.peek()
		lines = append(lines, s.line)
		return s.skip()
	})
	if err != nil || len(lines) != 2 || lines[0] != 2 || lines[1] != 5 {
		t.Errorf("lines %v, err %v; want [2 5]", lines, err)
	}
}
