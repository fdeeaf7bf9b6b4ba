package data

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

func TestParseDayAgreesWithParseDate(t *testing.T) {
	check := func(s string) {
		want, err := ParseDate(s)
		got, ok := parseDay([]byte(s))
		if ok != (err == nil) || got != want {
			t.Errorf("parseDay(%q) = %v, %v; ParseDate gives %v, %v", s, got, ok, want, err)
		}
	}
	for _, s := range []string{"2015-11-03", "0001-01-01", "9999-12-31", "2016-02-29", "2015-02-29",
		"2000-02-29", "1900-02-29", "2015-02-30", "2015-04-31", "0000-01-01", "2015-13-01", "2015-00-10",
		"2015-1-03", "2015-11-3", "2015/11/03", "2015-11-03x", " 2015-11-03", "+015-11-03", "", "20151103"} {
		check(s)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		d := Date(1 + rng.IntN(3_700_000))
		check(d.String())
		b := []byte(d.String())
		b[rng.IntN(len(b))] = "0123456789-x"[rng.IntN(12)]
		check(string(b))
	}
}

func TestLoadIndexInPartsGivesTheSameIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	if err := Generate(ctx, path, 3000, 9, nil); err != nil {
		t.Fatal(err)
	}
	change := func(stmts ...string) {
		sdb, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer sdb.Close()
		for _, s := range stmts {
			if _, err := sdb.Exec(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	load := func() *Index {
		db, err := Open(ctx, path, ReadOnly)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		ix, err := db.LoadIndex(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	change(`UPDATE events SET status = 'x' WHERE id % 500 = 0`) // rows each scan leaves out
	whole := load()
	defer func(m, s int) { maxScans, minRowsPerScan = m, s }(maxScans, minRowsPerScan)
	maxScans, minRowsPerScan = 3, 100
	parts := load()
	if whole.Len() != 2994 || whole.Invalid != 6 {
		t.Errorf("%d rows, %d invalid; want 2994 and 6", whole.Len(), whole.Invalid)
	}
	if !reflect.DeepEqual(withoutNaN(whole), withoutNaN(parts)) {
		t.Error("the index read in three parts differs from the one read whole")
	}
	// Ids far apart, and below zero.
	change(`UPDATE events SET id = 9000000000000000001 WHERE id = 2999`, `UPDATE events SET id = -7 WHERE id = 1`)
	parts = load()
	for _, id := range []int64{-7, 2, 2998, 9000000000000000001} {
		if r, ok := parts.Row(id); !ok || parts.ID[r] != id {
			t.Errorf("Row(%d) = %d, %v", id, r, ok)
		}
	}
	if parts.Len() != 2994 {
		t.Errorf("%d rows after moving ids, want 2994", parts.Len())
	}
}

// withoutNaN returns a copy of ix whose missing origins are -1, which unlike NaN equals itself.
func withoutNaN(ix *Index) *Index {
	c := *ix
	c.OriginX, c.OriginY = slices.Clone(ix.OriginX), slices.Clone(ix.OriginY)
	for i, x := range c.OriginX {
		if x != x {
			c.OriginX[i], c.OriginY[i] = -1, -1
		}
	}
	return &c
}
