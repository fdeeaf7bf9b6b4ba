package data_test

import (
	"testing"

	"github.com/strikemap/strikemap/data"
)

func TestBinsFor(t *testing.T) {
	day := func(s string) data.Date { return mustDay(t, s) }
	for name, tc := range map[string]struct {
		from, to   string
		most       int
		unit       data.BinUnit
		start, end string // the first day of the first bin, the last day of the last
		n          int
	}{
		"one day":            {"2015-11-03", "2015-11-03", 200, data.Days, "2015-11-03", "2015-11-03", 1},
		"a fortnight":        {"2015-11-03", "2015-11-16", 200, data.Days, "2015-11-03", "2015-11-16", 14},
		"a year in weeks":    {"2015-01-01", "2015-12-31", 200, data.Weeks, "2014-12-29", "2016-01-03", 53},
		"weeks start monday": {"2015-11-04", "2015-11-10", 3, data.Weeks, "2015-11-02", "2015-11-15", 2},
		"years in months":    {"2011-01-15", "2025-12-31", 200, data.Months, "2011-01-01", "2025-12-31", 180},
		"a century":          {"1914-07-28", "2025-12-31", 200, data.Years, "1914-01-01", "2025-12-31", 112},
		"more than allowed":  {"1014-07-28", "2025-12-31", 200, data.Years, "1014-01-01", "2025-12-31", 1012},
		"reversed":           {"2015-11-16", "2015-11-03", 200, data.Days, "2015-11-03", "2015-11-16", 14},
		"at least one bin":   {"2015-11-03", "2015-11-03", 0, data.Days, "2015-11-03", "2015-11-03", 1},
	} {
		t.Run(name, func(t *testing.T) {
			b := data.BinsFor(day(tc.from), day(tc.to), tc.most)
			first, _ := b.Bin(0)
			_, last := b.Bin(b.N - 1)
			if b.Unit != tc.unit || b.N != tc.n || first != day(tc.start) || last != day(tc.end) || b.End() != last+1 {
				t.Errorf("%+v: %d bins of unit %d from %s to %s; want %d of %d from %s to %s",
					b, b.N, b.Unit, first, last, tc.n, tc.unit, tc.start, tc.end)
			}
			for i := 1; i < b.N; i++ {
				_, prev := b.Bin(i - 1)
				if from, to := b.Bin(i); from != prev+1 || to < from {
					t.Fatalf("bin %d is %s..%s after one ending %s", i, from, to, prev)
				}
			}
		})
	}
}
