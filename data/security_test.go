package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

// hostileQueries are search texts meant to break out of the FTS5 query or the SQL
// around it: query syntax, column filters, SQL, bytes that are not text, sheer size.
var hostileQueries = map[string]string{
	"double quote":         `"`,
	"unbalanced quotes":    `"raqqa "palmyra`,
	"single quotes":        `'raqqa'`,
	"NEAR":                 `NEAR(raqqa russia, 2)`,
	"NEAR unclosed":        `NEAR(`,
	"boolean operators":    `raqqa AND OR NOT palmyra`,
	"operators alone":      `AND OR NOT`,
	"star":                 `*`,
	"prefix star":          `raqqa*`,
	"caret":                `^raqqa`,
	"column filter":        `summary:raqqa`,
	"column set filter":    `{summary place}: raqqa`,
	"negated column":       `-summary: raqqa`,
	"table name as column": `events_fts:raqqa`,
	"rowid":                `rowid:1`,
	"plus":                 `raqqa + palmyra`,
	"parentheses":          `((raqqa)`,
	"SQL drop":             `'; DROP TABLE events; --`,
	"SQL drop in quotes":   `"); DROP TABLE claims; --`,
	"SQL union":            `x' UNION SELECT id FROM sources --`,
	"SQL or true":          `' OR 1=1 --`,
	"FTS command":          `x', 'delete-all'); --`,
	"NUL alone":            "\x00",
	"NUL inside a word":    "raq\x00qa",
	"invalid UTF-8":        "\xff\xfe raqqa \xc0\x80",
	"lone surrogate":       "\xed\xa0\x80",
	"cut UTF-8":            "ра\xd0",
	"control characters":   "raqqa\x01\x02\x1b[31m",
	"10 kB of words":       strings.Repeat("raqqa palmyra ", 730),
	"10 kB of one word":    strings.Repeat("x", 10_000),
	"10 kB of syntax":      strings.Repeat(`"(*^:`, 2_000),
	"many hyphens":         strings.Repeat("a-", 5_000),
}

// TestSearchWithHostileTextLeavesTheDatabaseAlone runs every hostile query against a
// database opened for writing, so that nothing but Search itself stands between the text
// and the file: none may fail, and the file must be byte for byte the same after.
func TestSearchWithHostileTextLeavesTheDatabaseAlone(t *testing.T) {
	path := mustSample(t)
	frozen := datatest.Freeze(t, path)
	db := mustOpen(t, path, data.ReadWrite)
	ctx := context.Background()
	for name, q := range hostileQueries {
		t.Run(name, func(t *testing.T) {
			ids, err := db.Search(ctx, q)
			if err != nil {
				t.Fatalf("Search(%.40q): %v", q, err)
			}
			if !slices.IsSorted(ids) {
				t.Errorf("Search(%.40q) = %v, not in order", q, ids)
			}
		})
	}
	if n := len(allEvents(t, db)); n != 13 {
		t.Errorf("the sample holds %d events after the searches, want 13", n)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	frozen.Check(t, "searching")
}

// TestSearchReadsOnlyItsWords checks that query syntax and text naming other tables and
// columns find what the same plain words find: operators and names are words to look for.
func TestSearchReadsOnlyItsWords(t *testing.T) {
	db := mustOpen(t, mustSample(t), data.ReadOnly)
	for name, tc := range map[string]struct{ hostile, plain string }{
		"column filter":  {`summary:palmyra`, `summary palmyra`},
		"SQL union":      {`palmyra' UNION SELECT id FROM sources --`, `palmyra union select id from sources`},
		"SQL or true":    {`' OR 1 --`, `or 1`},
		"operators":      {`palmyra OR narnia`, `palmyra or narnia`},
		"quoted phrase":  {`"palmyra frigate"`, `palmyra frigate`},
		"NEAR":           {`NEAR(palmyra frigate)`, `near palmyra frigate`},
		"NUL":            {"\x00palmyra\x00", "palmyra"},
		"NUL in a word":  {"ez\x00zor", "ez-zor"},
		"invalid UTF-8":  {"\xffpalmyra\xc0", "palmyra"},
		"table and rank": {`events_fts:palmyra rank:1`, `events_fts palmyra rank 1`},
	} {
		t.Run(name, func(t *testing.T) {
			got, want := mustSearch(t, db, tc.hostile), mustSearch(t, db, tc.plain)
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q) = %v, but Search(%q) = %v", tc.hostile, got, tc.plain, want)
			}
		})
	}
}
