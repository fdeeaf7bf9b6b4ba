package data_test

import (
	"testing"
	"time"

	"github.com/strikemap/strikemap/data"
)

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2015-11-03":          "2015-11-03",
		"0001-01-01":          "0001-01-01",
		"9999-12-31":          "9999-12-31",
		"2016-02-29":          "2016-02-29",
		"0000-00-00":          "error",
		"2015-02-30":          "error",
		"2015-13-01":          "error",
		"15-11-03":            "error",
		"":                    "error",
		"2015-11-03 12:00:00": "error",
	} {
		d, err := data.ParseDate(in)
		got := d.String()
		if err != nil {
			got = "error"
		}
		if got != want {
			t.Errorf("ParseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDateOrderAndDistance(t *testing.T) {
	a := data.DateOf(2015, time.November, 3)
	b := data.DateOf(2017, time.May, 30)
	if b-a != 574 {
		t.Errorf("days from 2015-11-03 to 2017-05-30 = %d, want 574", b-a)
	}
	if data.DateOf(1, time.January, 1) != 1 {
		t.Errorf("0001-01-01 = %d, want 1 (zero is no date)", data.DateOf(1, time.January, 1))
	}
	if got := data.DateOf(2024, time.March, 1).Time(); !got.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v", got)
	}
}
