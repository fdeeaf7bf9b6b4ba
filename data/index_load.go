package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/view"
)

// LoadIndex reads every event into an Index: from the packed copy a large database keeps
// (index_pack.go) while that is current, else in one pass over the events table (claims
// are not read). Rows that cannot be read or break the model's rules for the event's own
// columns, such as a latitude of 4239 or an unknown status, are left out and counted in
// Invalid. progress, when not nil, is called now and then with the rows read so far and
// the rows to read, from LoadIndex's goroutines but never two calls at once.
//
// The rows are read on several connections at once, one range of ids each; a write
// committed meanwhile by another connection may be seen by some ranges and not others.
func (db *DB) LoadIndex(ctx context.Context, progress func(done, total int)) (*Index, error) {
	if ix := db.loadPacked(ctx); ix != nil {
		if progress != nil {
			progress(ix.Len(), ix.Len())
		}
		return ix, nil
	}
	return db.scanIndex(ctx, progress)
}

// scanIndex reads every event into an Index, as LoadIndex describes.
func (db *DB) scanIndex(ctx context.Context, progress func(done, total int)) (*Index, error) {
	var path string
	var first, last sql.NullInt64
	var total int
	// Separate subqueries: together in one, min, max and count make SQLite read every row.
	err := db.sql.QueryRowContext(ctx, `SELECT (SELECT file FROM pragma_database_list WHERE name = 'main'),
		(SELECT min(id) FROM events), (SELECT max(id) FROM events), (SELECT count(*) FROM events)`).
		Scan(&path, &first, &last, &total)
	if err != nil {
		return nil, fmt.Errorf("%s: index: %w", db.path, classify(err))
	}
	if path == "" {
		return nil, fmt.Errorf("%s: index: the database has no file to read", db.path)
	}
	n := 1
	if total >= minRowsPerScan*2 {
		n = min(runtime.GOMAXPROCS(0), maxScans, total/minRowsPerScan)
	}
	rep := &reporter{fn: progress, total: total}
	parts := make([]*part, n)
	g, gctx := errgroup.WithContext(ctx)
	step := uint64(last.Int64-first.Int64)/uint64(n) + 1 // unsigned: ids may span all of int64
	for i := range n {
		lo := first.Int64 + int64(step*uint64(i))
		hi := last.Int64
		if i < n-1 {
			hi = lo + int64(step) - 1
		}
		g.Go(func() (err error) {
			parts[i], err = scanIDs(gctx, path, lo, hi, total/n, rep)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, fmt.Errorf("%s: index: %w", db.path, err)
	}
	ix, err := buildIndex(parts)
	if err != nil {
		return nil, fmt.Errorf("%s: index: %w", db.path, err)
	}
	rep.finish()
	return ix, nil
}

// Reading ranges of ids at once pays where there are cores to spare and rows enough.
// They are variables so that tests can split a small table.
var (
	maxScans       = 4
	minRowsPerScan = 50_000
)

// scanIDs reads the events with ids lo to hi; about rows of them are expected.
func scanIDs(ctx context.Context, path string, lo, hi int64, rows int, rep *reporter) (*part, error) {
	c, err := openScan(path)
	if err != nil {
		return nil, err
	}
	defer c.close()
	s, err := c.query(indexQuery, lo, hi)
	if err != nil {
		return nil, err
	}
	defer s.close()
	p := &part{rows: make([]indexRow, 0, max(rows, 0))}
	for n := 1; ; n++ {
		more, err := s.next()
		if err != nil {
			return nil, err
		}
		if !more {
			rep.add(n - 1)
			if p.actors.overflow || p.targets.overflow || p.places.overflow {
				return nil, errTooMany
			}
			p.project()
			return p, nil
		}
		p.readRow(s)
		if n%reportEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rep.add(reportEvery)
			n = 0
		}
	}
}

// reportEvery is how many rows a scan reads between looking at its context and
// reporting progress.
const reportEvery = 1 << 15

// reporter adds up the scans' progress and hands it on one call at a time.
type reporter struct {
	mu          sync.Mutex
	fn          func(done, total int)
	done, total int
}

func (r *reporter) add(n int) {
	if r.fn == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done += n
	r.total = max(r.total, r.done) // rows added since counting
	r.fn(r.done, r.total)
}

// finish reports the end, so a progress bar always reaches it.
func (r *reporter) finish() {
	if r.fn != nil {
		r.fn(r.total, r.total)
	}
}

// buildIndex sorts the parts' rows into the cluster key's order, column by column, with
// actor and target codes in the order of their frequency across all parts.
func buildIndex(parts []*part) (*Index, error) {
	ix := &Index{}
	actorCodes, err := mergeInterned(parts, func(p *part) *interner[uint16] { return &p.actors }, isNoActor, &ix.Actors)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	targetCodes, err := mergeInterned(parts, func(p *part) *interner[uint16] { return &p.targets },
		func(t string) bool { return t == "" }, &ix.Targets)
	if err != nil {
		return nil, fmt.Errorf("target types: %w", err)
	}
	placeCodes, err := mergeInterned(parts, func(p *part) *interner[uint32] { return &p.places },
		func(string) bool { return false }, &ix.Places)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	offsets := make([]int, len(parts)+1)
	var x, y []float64
	for k, p := range parts {
		offsets[k+1] = offsets[k] + len(p.rows)
		x, y = append(x, p.x...), append(y, p.y...)
		ix.Invalid += p.invalid
		p.x, p.y = nil, nil
	}
	var perm []int32
	ix.Points, perm = cluster.NewPoints(x, y)
	x, y = nil, nil
	n := len(perm)
	ix.allocate(n)
	inParallel(n, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			g, k := int(perm[r]), 0
			for g >= offsets[k+1] {
				k++
			}
			e := &parts[k].rows[g-offsets[k]]
			ix.ID[r], ix.Lon[r], ix.Lat[r] = e.id, e.lon, e.lat
			ix.Start[r], ix.End[r], ix.Killed[r] = e.start, e.end, e.killed
			ix.Actor[r], ix.Target[r] = actorCodes[k][e.actor], targetCodes[k][e.target]
			ix.Place[r] = placeCodes[k][e.place]
			ix.Status[r], ix.Prec[r] = e.status, e.prec
			ix.OriginX[r], ix.OriginY[r] = e.originX, e.originY
		}
	})
	ix.finish()
	return ix, nil
}

// project sets the world coordinates of the part's rows, which sorting them needs.
func (p *part) project() {
	p.x, p.y = make([]float64, len(p.rows)), make([]float64, len(p.rows))
	for i := range p.rows {
		p.x[i], p.y[i] = view.WorldXY([2]float64{p.rows[i].lon, p.rows[i].lat})
	}
}

// inParallel calls fn on as many parts of [0, n) as there are cores to run them, at once.
func inParallel(n int, fn func(lo, hi int)) {
	k := min(runtime.GOMAXPROCS(0), maxScans, max(n/minRowsPerScan, 1))
	var wg sync.WaitGroup
	for i := range k {
		wg.Go(func() { fn(n*i/k, n*(i+1)/k) })
	}
	wg.Wait()
}

// allocate makes every column n rows long.
func (ix *Index) allocate(n int) {
	ix.ID, ix.Lon, ix.Lat = make([]int64, n), make([]float64, n), make([]float64, n)
	ix.Start, ix.End, ix.Killed = make([]Date, n), make([]Date, n), make([]int32, n)
	ix.Actor, ix.Target, ix.Place = make([]uint16, n), make([]uint16, n), make([]uint32, n)
	ix.Status, ix.Prec = make([]uint8, n), make([]uint8, n)
	ix.OriginX, ix.OriginY = make([]float32, n), make([]float32, n)
}

// errTooMany means a column has more distinct values than an Index can give codes to:
// 65,536 actors or target types, or 2^32 places.
var errTooMany = errors.New("too many distinct values")
