package data

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"unicode"
)

// TestWordsAgreeWithSQLite cuts text with one character between two letters, in Go and
// with SQLite's tokenizer as events_fts is set up, over the scripts the project's events
// are written in, and compares the words.
func TestWordsAgreeWithSQLite(t *testing.T) {
	sdb, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	sdb.SetMaxOpenConns(1) // one in-memory database
	ctx := context.Background()
	for _, s := range []string{
		`CREATE VIRTUAL TABLE f USING fts5(a, tokenize = 'unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')`,
	} {
		if _, err := sdb.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	var blocks = [][2]rune{
		{0x20, 0x250},    // ASCII, Latin-1, Latin Extended-A and B
		{0x370, 0x528},   // Greek, Cyrillic
		{0x590, 0x700},   // Hebrew, Arabic
		{0x1e00, 0x1f00}, // Latin Extended Additional (Vietnamese, transliterations)
		{0x2000, 0x2070}, // punctuation
	}
	// SQLite folds Ǡ and ǡ, with two accents, to ǡ, and its Unicode tables, older than
	// Go's, take characters added since for letters.
	known := map[rune]bool{0x1e0: true, 0x1e1: true, 0x37f: true, 0x61d: true}
	tx, err := sdb.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks {
		for r := b[0]; r < b[1]; r++ {
			if unicode.Is(unicode.Cn, r) || !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z) {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO f (rowid, a) VALUES (?, ?)`, r, "x"+string(r)+"y"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	rows, err := sdb.QueryContext(ctx, `SELECT doc, group_concat(term, ' ' ORDER BY offset) FROM v GROUP BY doc`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	bad := 0
	for rows.Next() {
		var r rune
		var want string
		if err := rows.Scan(&r, &want); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(foldedTokens(nil, "x"+string(r)+"y"), " "); got != want && !known[r] {
			if bad++; bad <= 20 {
				t.Errorf("U+%04X %q: Go cuts %q, SQLite %q", r, string(r), got, want)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if bad > 20 {
		t.Errorf("%d characters differ", bad)
	}
}
