package data

import (
	"context"
	"fmt"
	"strings"
)

// Search returns the ids, ascending, of the stored events whose words hold every word of
// q: "raqqa market" finds the events with both a word starting "raqqa" and one starting
// "market" in their summary, place, admin1, country, actor or a claim's text or claimant,
// ignoring case and diacritics. A word with punctuation inside, such as "al-bukamal",
// must be found as written, word after word. q is never read as a query language: quotes,
// operators and column names are plain text. When q has no word to look for, Search
// returns nil, meaning no condition; when nothing matches, an empty non-nil slice.
//
// The index is kept by Writer; events changed by another program since may be found by
// their old words, and ids of events deleted since may come back.
func (db *DB) Search(ctx context.Context, q string) ([]int64, error) {
	expr := ftsQuery(parseQuery(q))
	if expr == "" {
		return nil, nil
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT rowid FROM events_fts WHERE events_fts MATCH ? ORDER BY rowid`, expr)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, classify(err))
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("search %q: %w", q, classify(err))
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", q, classify(err))
	}
	return ids, nil
}

// ftsQuery writes phrases as an FTS5 query: each a quoted string ending in a prefix
// star, all of them required. Tokens hold only letters, digits and accents, so nothing
// in them can end the quotes or mean anything to FTS5.
func ftsQuery(ps []phrase) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteByte('"')
		b.WriteString(strings.Join(p.raw, " "))
		b.WriteString(`"*`)
	}
	return b.String()
}

// searchColumns are an event's words as events_fts holds them, column by column:
// summary, place, admin1, country, actor, and its claims' texts and claimants.
// Migration 003 builds the same columns in SQL for the events stored before it.
func searchColumns(e *Event) [6]string {
	var b strings.Builder
	for i, c := range e.Claims {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.Text)
		b.WriteByte(' ')
		b.WriteString(c.Claimant)
	}
	return [6]string{e.Summary, e.Place, e.Admin1, e.Country, e.Actor, b.String()}
}

// insertSearch is the statement that indexes one event's searchColumns under its id.
const insertSearch = `INSERT INTO events_fts (rowid, summary, place, admin1, country, actor, claims)
	VALUES (?, ?, ?, ?, ?, ?, ?)`

// matchesQuery reports whether e holds every phrase, each within one of its searchColumns,
// as DB.Search would find it.
func matchesQuery(e *Event, ps []phrase) bool {
	if len(ps) == 0 {
		return true
	}
	cols := searchColumns(e)
	var words [len(cols)][]string
	var cut [len(cols)]bool // words[i] holds column i's words; columns are cut when needed
	for _, p := range ps {
		found := false
		for i := 0; i < len(cols) && !found; i++ {
			if !cut[i] {
				words[i], cut[i] = foldedTokens(nil, cols[i]), true
			}
			found = hasPhrase(words[i], p.folded)
		}
		if !found {
			return false
		}
	}
	return true
}
