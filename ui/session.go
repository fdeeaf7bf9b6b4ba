package ui

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/render"
)

// session is one open database: its in-memory index and the selection the current
// filter makes of it, which the map draws. Filter results are computed off the UI
// goroutine into fresh values and swapped in on it.
type session struct {
	path string
	db   *data.DB
	ix   *data.Index

	sel     []uint64 // the filtered rows; read by the map while drawing
	matched int
	orders  orders         // the list's sort orders, made when first asked for
	legend  *render.Legend // the colours and shapes of sel, without a title
}

// openSession opens the database at path read-only and loads its index, reporting
// progress as it reads; it runs off the UI goroutine.
func openSession(ctx context.Context, path string, progress func(done, total int)) (*session, error) {
	start := time.Now()
	db, err := data.Open(ctx, path, data.ReadOnly)
	if err != nil {
		return nil, err
	}
	opened := time.Now()
	ix, err := db.LoadIndex(ctx, progress)
	if err != nil {
		db.Close()
		return nil, err // it names the file
	}
	// The legend of every event, worked out here rather than on the UI goroutine.
	loaded := time.Now()
	legend := data.Subset{Index: ix}.Legend("")
	if traceFrames {
		log.Printf(sinceLaunch()+"open %s: %.1f ms, the index of %d events %.1f ms, its legend %.1f ms", path, ms(opened.Sub(start)),
			ix.Len(), ms(loaded.Sub(opened)), ms(time.Since(loaded)))
	}
	return &session{path: path, db: db, ix: ix, matched: ix.Len(), legend: legend}, nil
}

// close releases the database.
func (s *session) close() {
	if s != nil && s.db != nil {
		s.db.Close()
	}
}

// events is what the map draws: the index with the current filter's selection.
func (s *session) events() data.Subset { return data.Subset{Index: s.ix, Sel: s.sel} }

// timelineBins is the most bars the timeline shows: days, weeks or months, whichever fits.
const timelineBins = 240

// outcome is what one filter change computes, off the UI goroutine.
type outcome struct {
	filter   data.Filter
	sel      []uint64
	matched  int
	facets   data.Facets
	bins     data.Bins
	timeline []int
	rows     []int32 // selected rows in the list's order
	legend   *render.Legend
}

// evaluate applies f: the text search first (SQLite FTS5), then the index.
func (s *session) evaluate(ctx context.Context, f data.Filter, order listOrder) (*outcome, error) {
	var text []int64
	if f.Query != "" {
		var err error
		if text, err = s.db.Search(ctx, f.Query); err != nil {
			return nil, fmt.Errorf("search %q: %w", f.Query, err)
		}
	}
	o := &outcome{filter: f}
	o.sel = s.ix.Select(&f, text, nil)
	o.matched = s.ix.Count(o.sel)
	o.facets = s.ix.Facets(&f, text)
	o.bins = data.BinsFor(s.ix.MinDate, s.ix.MaxDate, timelineBins)
	o.timeline = s.ix.Timeline(&f, text, o.bins)
	o.rows = order.rows(s, o.sel)
	o.legend = data.Subset{Index: s.ix, Sel: o.sel}.Legend("")
	return o, ctx.Err()
}
