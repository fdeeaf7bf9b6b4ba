package data

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"sync"
)

// chunkEvents is about how many events one chunk holds: enough that two queries per chunk
// cost little, few enough that the chunks in flight stay a few megabytes.
const chunkEvents = 1024

// idRange is a chunk: the events with ids lo to hi.
type idRange struct{ lo, hi int64 }

// chunks splits the stored events into ranges of ids of about chunkEvents events each,
// and returns them with the database's file and how many events it holds.
func (db *DB) chunks(ctx context.Context) (string, []idRange, int, error) {
	var path string
	var first, last sql.NullInt64
	var total int
	err := db.sql.QueryRowContext(ctx, `SELECT (SELECT file FROM pragma_database_list WHERE name = 'main'),
		(SELECT min(id) FROM events), (SELECT max(id) FROM events), (SELECT count(*) FROM events)`).
		Scan(&path, &first, &last, &total)
	switch {
	case err != nil:
		return "", nil, 0, classify(err)
	case path == "":
		return "", nil, 0, errNoFile
	case total == 0:
		return path, nil, 0, nil
	}
	span := uint64(last.Int64 - first.Int64) // unsigned: ids may span all of int64
	if span/4 < uint64(total) {              // dense enough to cut by arithmetic
		step := max(span/uint64(total+1)*chunkEvents, chunkEvents)
		var out []idRange
		for lo := uint64(0); lo <= span; lo += step {
			hi := min(lo+step-1, span)
			out = append(out, idRange{first.Int64 + int64(lo), first.Int64 + int64(hi)})
			if hi == span {
				break
			}
		}
		return path, out, total, nil
	}
	out, err := db.chunksByScan(ctx, first.Int64, last.Int64)
	return path, out, total, err
}

// chunksByScan cuts ranges by reading every id, for ids too sparse to cut by arithmetic.
func (db *DB) chunksByScan(ctx context.Context, first, last int64) ([]idRange, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id FROM events ORDER BY id`)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []idRange
	lo, n := first, 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, classify(err)
		}
		if n++; n == chunkEvents {
			out, lo, n = append(out, idRange{lo, id}), id+1, 0
		}
	}
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	if n > 0 || len(out) == 0 {
		out = append(out, idRange{lo, last})
	}
	return out, nil
}

// chunkResult is what a worker made of one chunk.
type chunkResult[T any] struct {
	v   T
	n   int // events read
	err error
}

// scanChunks reads the chunks of the database file at path on several connections at
// once, calls work on the goroutine that read each chunk (the slice is reused after),
// and emit with the results in chunk order. At most a few chunks are in flight at any
// time, so memory stays flat whatever the number of events. progress, when not nil, is
// called from emit's goroutine with the events read so far.
func scanChunks[T any](ctx context.Context, path string, chunks []idRange,
	work func([]scannedEvent) (T, error), emit func(T) error, progress func(done int)) error {
	if len(chunks) == 0 {
		return ctx.Err()
	}
	k := min(runtime.GOMAXPROCS(0), maxScans, len(chunks))
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	outs := make([]chan chunkResult[T], k)
	cache := newSourceCache()
	var wg sync.WaitGroup
	for w := range k {
		out := make(chan chunkResult[T], 2)
		outs[w] = out
		wg.Go(func() {
			defer close(out)
			send := func(r chunkResult[T]) bool {
				select {
				case out <- r:
					return r.err == nil
				case <-wctx.Done():
					return false
				}
			}
			r, err := openChunkReader(path, cache)
			if err != nil {
				send(chunkResult[T]{err: err})
				return
			}
			defer r.close()
			var buf []scannedEvent
			for c := w; c < len(chunks) && wctx.Err() == nil; c += k {
				buf, err = r.read(chunks[c].lo, chunks[c].hi, buf[:0])
				res := chunkResult[T]{n: len(buf), err: err}
				if err == nil {
					res.v, res.err = work(buf)
				}
				if !send(res) {
					return
				}
			}
		})
	}
	err, done := error(nil), 0
	for c := range chunks {
		res, ok := <-outs[c%k]
		if !ok {
			err = fmt.Errorf("stopped: %w", context.Cause(ctx))
			break
		}
		if err = res.err; err == nil {
			err = emit(res.v)
		}
		if err != nil {
			break
		}
		if done += res.n; progress != nil {
			progress(done)
		}
	}
	cancel()
	for _, out := range outs {
		for range out { // let the workers finish their sends and close
		}
	}
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	return err
}
