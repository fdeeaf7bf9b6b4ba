package data

import (
	"context"
	"fmt"
)

// Stats summarises a database: how much it holds and how it spreads over the vocabularies.
type Stats struct {
	Events, Claims, Sources int64
	First, Last             Date // earliest date_start and latest day any event may fall on
	Breakdowns              []Breakdown
}

// Breakdown counts events by the values of one column, most common first.
type Breakdown struct {
	Column string
	Counts []ValueCount
}

// ValueCount is how many events have one value; an empty Value stands for NULL.
type ValueCount struct {
	Value string
	N     int64
}

// breakdownColumns are the columns Stats counts events by; constants, never user input.
var breakdownColumns = []string{"actor", "target_type", "weapon", "status", "date_precision", "geo_precision", "country"}

// Stats counts what the database holds.
func (db *DB) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{}
	err := db.sql.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM claims),
		(SELECT count(*) FROM sources), (SELECT min(date_start) FROM events),
		(SELECT max(coalesce(date_end, date_start)) FROM events)`).
		Scan(&st.Events, &st.Claims, &st.Sources, &st.First, &st.Last)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", db.path, classify(err))
	}
	for _, col := range breakdownColumns {
		b := Breakdown{Column: col}
		rows, err := db.sql.QueryContext(ctx, `SELECT coalesce(`+col+`, ''), count(*) AS n FROM events
			GROUP BY 1 ORDER BY n DESC, 1`)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", db.path, classify(err))
		}
		for rows.Next() {
			var vc ValueCount
			if err := rows.Scan(&vc.Value, &vc.N); err != nil {
				rows.Close()
				return nil, fmt.Errorf("%s: %w", db.path, classify(err))
			}
			b.Counts = append(b.Counts, vc)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", db.path, classify(err))
		}
		st.Breakdowns = append(st.Breakdowns, b)
	}
	return st, nil
}
