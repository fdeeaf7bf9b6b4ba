package data

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// ftsDB is one in-memory SQLite for every input of FuzzSearchQuery: events_fts as
// migration 003 makes it, and d, the same words with their text kept, to match one
// document against.
var ftsDB = sync.OnceValues(func() (*sql.DB, error) {
	sdb, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	sdb.SetMaxOpenConns(1) // one connection, one in-memory database
	for _, s := range []string{
		`CREATE VIRTUAL TABLE events_fts USING fts5(summary, place, admin1, country, actor, claims,
		  content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE d USING fts5(summary, place, admin1, country, actor, claims,
		  tokenize = 'unicode61 remove_diacritics 2')`,
	} {
		if _, err := sdb.Exec(s); err != nil {
			sdb.Close()
			return nil, err
		}
	}
	return sdb, nil
})

// FuzzSearchQuery checks that whatever a user types, the FTS5 query Search builds from
// it is one SQLite accepts, and that SQLite finds a document by it exactly when
// Filter.Match does, for text in the scripts search_words.go says they agree on.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range [][2]string{
		{"raqqa market", "An airstrike on the Raqqa market."},
		{`"raqqa`, `"Raqqa"`},
		{`NEAR(raqqa russia, 2)`, "raqqa russia near"},
		{`summary:raqqa OR -x AND NOT *`, "summary raqqa or x and not"},
		{`{summary place}: ^raqqa+`, "summary place raqqa"},
		{"al-bukamal", "Al Bukamal, al-Bukamal"},
		{"Ḥalab Łódź Diyarbakır ſ ς", "halab lodz diyarbakir s σ"},
		{strings.Repeat("a\u0301", 40), strings.Repeat("a", 35)},
		{strings.Repeat("x-", 40), strings.Repeat("x ", 40)},
		{strings.Repeat("w ", 40), "w"},
		{"raq\x00qa", "raq qa"},
		{"\u0301 \u0300a", "a"},
		{"ра́кка الرقة", "Ракка, الرقة"},
		{"' OR 1=1 --", "or 1 1"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, q, doc string) {
		sdb, err := ftsDB()
		if err != nil {
			t.Fatal(err)
		}
		ps := parseQuery(q)
		expr := ftsQuery(ps)
		if expr == "" {
			if len(ps) > 0 {
				t.Fatalf("%q: %d words but no query", q, len(ps))
			}
			return
		}
		ctx := context.Background()
		var n int
		if err := sdb.QueryRowContext(ctx, `SELECT count(*) FROM events_fts WHERE events_fts MATCH ?`, expr).Scan(&n); err != nil {
			t.Fatalf("%q gives the query %q, which SQLite refuses: %v", q, expr, err)
		}
		if !agreedText(q) || !agreedText(doc) {
			return
		}
		if _, err := sdb.ExecContext(ctx, `DELETE FROM d`); err != nil {
			t.Fatal(err)
		}
		if _, err := sdb.ExecContext(ctx, `INSERT INTO d (rowid, summary) VALUES (1, ?)`, doc); err != nil {
			t.Fatal(err)
		}
		if err := sdb.QueryRowContext(ctx, `SELECT count(*) FROM d WHERE d MATCH ?`, expr).Scan(&n); err != nil {
			t.Fatalf("%q gives the query %q, which SQLite refuses: %v", q, expr, err)
		}
		if go_ := matchesQuery(&Event{Summary: doc}, ps); go_ != (n == 1) {
			t.Fatalf("query %q (%q) on %q: SQLite finds it %v, Filter.Match %v", q, expr, doc, n == 1, go_)
		}
	})
}

// agreedText reports whether s is valid UTF-8 of the blocks that
// TestWordsAgreeWithSQLite finds Go and SQLite cut alike, or of combining marks,
// which search_words.go means to cut as SQLite does too.
func agreedText(s string) bool {
	for _, r := range s {
		switch {
		case r == unicode.ReplacementChar, unicode.Is(unicode.Cn, r):
			return false
		case r < 0x250, r >= 0x300 && r < 0x528, r >= 0x590 && r < 0x700,
			r >= 0x1e00 && r < 0x1f00, r >= 0x2000 && r < 0x2070:
			if r == 0x1e0 || r == 0x1e1 || r == 0x37f || r == 0x61d {
				return false
			}
		default:
			return false
		}
	}
	return true
}
