package data

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
)

// ExportOptions says what Export writes.
type ExportOptions struct {
	Format Format  // FormatGeoJSON (also when empty) or FormatCSV
	Filter *Filter // the events to write; nil writes every event
	// Progress, when not nil, is called now and then with the events looked at so far
	// and the number stored, from Export's goroutine.
	Progress func(done, total int)
}

// ExportResult counts what Export wrote and what it left out.
type ExportResult struct {
	Events  int // events written
	Invalid int // events left out because they break the model's rules; Check names them
}

// Export writes the valid events that pass opt.Filter to w, in id order, as CONTRACT.md's
// GeoJSON or as CSV (CSVColumns, one row per claim). It streams: however many events
// there are, it holds a few thousand at a time and a bounded cache of sources. It reads
// on several connections at once, each in a read transaction of its own, so a write
// another connection commits meanwhile may be seen by some events and not others.
func (db *DB) Export(ctx context.Context, w io.Writer, opt ExportOptions) (ExportResult, error) {
	var res ExportResult
	enc, err := newEncoder(opt.Format)
	if err != nil {
		return res, err
	}
	sel, err := db.selector(ctx, opt.Filter)
	if err != nil {
		return res, err
	}
	path, chunks, total, err := db.chunks(ctx)
	if err != nil {
		return res, fmt.Errorf("%s: export: %w", db.path, err)
	}
	if _, err := w.Write(enc.head()); err != nil {
		return res, err // the writer's error: it names the output, which is at fault
	}
	type encoded struct {
		b              []byte
		events, broken int
	}
	free := make(chan []byte, 2*maxScans+2) // buffers written out, to fill again
	work := func(evs []scannedEvent) (encoded, error) {
		var out encoded
		select {
		case out.b = <-free:
		default:
			out.b = make([]byte, 0, 2<<20)
		}
		for _, s := range evs {
			switch {
			case s.err != nil:
				out.broken++
			case sel.keep(s.e):
				out.b = enc.event(out.b, s.e)
				out.events++
			}
		}
		return out, nil
	}
	emit := func(c encoded) error {
		b := c.b
		if res.Events == 0 {
			b = enc.first(b)
		}
		res.Events += c.events
		res.Invalid += c.broken
		if _, err := w.Write(b); err != nil {
			return &outputError{err}
		}
		select {
		case free <- c.b[:0]:
		default:
		}
		return nil
	}
	var progress func(int)
	if opt.Progress != nil {
		progress = func(done int) { opt.Progress(done, total) }
	}
	if err := scanChunks(ctx, path, chunks, work, emit, progress); err != nil {
		var out *outputError
		if errors.As(err, &out) {
			return res, out.err
		}
		return res, fmt.Errorf("%s: export: %w", db.path, err)
	}
	if _, err := w.Write(enc.tail()); err != nil {
		return res, err
	}
	return res, nil
}

// outputError is a failure to write the export, which is not the database's fault.
type outputError struct{ err error }

func (e *outputError) Error() string { return e.err.Error() }
func (e *outputError) Unwrap() error { return e.err }

// ExportFile runs Export into the file at path through WriteFileAtomic: a failure or a
// cancelled ctx leaves no partial file, and whatever was at path as it was. A path of
// "-" writes to stdout.
func (db *DB) ExportFile(ctx context.Context, path string, opt ExportOptions) (ExportResult, error) {
	var res ExportResult
	err := WriteFileAtomic(path, func(w *bufio.Writer) error {
		var err error
		res, err = db.Export(ctx, w, opt)
		return err
	})
	return res, err
}

// Matching yields the stored events that pass f (nil: every event), with their claims,
// in id order, streaming as Export does. An event that breaks the model's rules comes,
// as far as it could be read and whatever f says, with an error wrapping ErrInvalid;
// a failure ends the sequence with a nil event and the error.
func (db *DB) Matching(ctx context.Context, f *Filter) iter.Seq2[*Event, error] {
	return func(yield func(*Event, error) bool) {
		sel, err := db.selector(ctx, f)
		if err != nil {
			yield(nil, err)
			return
		}
		path, chunks, _, err := db.chunks(ctx)
		if err != nil {
			yield(nil, fmt.Errorf("%s: %w", db.path, err))
			return
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		stopped := false
		work := func(evs []scannedEvent) ([]scannedEvent, error) {
			var out []scannedEvent
			for _, s := range evs {
				if s.err != nil || sel.keep(s.e) {
					out = append(out, s)
				}
			}
			return out, nil
		}
		emit := func(evs []scannedEvent) error {
			for _, s := range evs {
				if !yield(s.e, s.err) {
					stopped = true
					cancel()
					return context.Canceled
				}
			}
			return nil
		}
		if err := scanChunks(ctx, path, chunks, work, emit, nil); err != nil && !stopped {
			yield(nil, fmt.Errorf("%s: %w", db.path, err))
		}
	}
}

// selector decides which events a Filter keeps: its Query through the search index,
// the rest in memory, as DB.Subset does.
type selector struct {
	f    Filter
	text []int64 // the ids Search found, ascending; nil for no text condition
}

func (db *DB) selector(ctx context.Context, f *Filter) (*selector, error) {
	s := &selector{}
	if f == nil {
		return s, nil
	}
	s.f = *f
	s.f.Query = ""
	if f.Query != "" {
		var err error
		if s.text, err = db.Search(ctx, f.Query); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// keep reports whether the selector's filter passes e.
func (s *selector) keep(e *Event) bool {
	if s.text != nil {
		if _, found := slices.BinarySearch(s.text, e.ID); !found {
			return false
		}
	}
	return s.f.Match(e)
}
