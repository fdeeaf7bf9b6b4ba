package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
)

// ImportOptions says how Import reads its files.
type ImportOptions struct {
	Format      Format // the files' format; empty: DetectFormat for each file
	SkipInvalid bool   // store the valid rows and report the others; else one invalid row stores nothing
	// Geocode, when not nil, places a row that names a place but gives no coordinates;
	// ok is false when it does not know the place. Without it such rows are invalid.
	// It is called on a goroutine of Import's own, one call at a time.
	Geocode func(place, country string) (lat, lon float64, ok bool)
	// Swapped, when not nil, tells whether a row's point looks like its latitude and
	// longitude the wrong way round for the country it names; such a row is invalid.
	// It is called as Geocode is.
	Swapped func(lat, lon float64, country string) bool
	// Report, when not nil, is called with each rejected row and each warning, in the
	// order of the files and their lines, on Import's goroutine.
	Report func(Problem)
	// Progress, when not nil, is called now and then with the bytes read so far and the
	// size of all the files, on Import's goroutine.
	Progress func(done, total int64)
}

// Problem is what is wrong with a row of an imported file, or a warning about it.
type Problem struct {
	File    string
	Line    int // the line the row starts on, from 1
	Msg     string
	Warning bool // the row is imported all the same
}

// String formats p as FILE:LINE: what is wrong.
func (p Problem) String() string {
	if p.Warning {
		return fmt.Sprintf("%s:%d: warning: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
}

// FileError is a problem that stops the reading of a whole file, such as broken JSON;
// Import then stores nothing.
type FileError struct{ Problem }

// Error formats the problem as FILE:LINE: what is wrong.
func (e *FileError) Error() string { return e.Problem.String() }

// ImportResult counts what Import read and stored.
type ImportResult struct {
	Rows     int // events read: rows, or for Strikemap's CSV the rows of one uid together
	Added    int // events stored
	Existing int // events left out because their uid is stored already (or came earlier)
	Invalid  int // rows rejected
	Warnings int // warnings reported
}

// Import reads events from files into the database at dbPath, creating it when missing,
// in one transaction: when any row is invalid and opt.SkipInvalid is false, or anything
// fails, or ctx is cancelled, nothing is stored, a new database is not left behind, and
// the error says why (wrapping ErrInvalid for rejected rows, ErrUnwritable for a database
// that cannot be written). Events whose uid is stored already are left as they are, so
// importing a file twice adds nothing the second time; one the files give with other
// values is reported as a warning that names the fields that differ.
// Files are read as streams: memory does not grow with their size.
func Import(ctx context.Context, dbPath string, files []string, opt ImportOptions) (ImportResult, error) {
	var res ImportResult
	if opt.Format != "" && !opt.Format.Valid() {
		return res, fmt.Errorf("format %q is not one of %v", string(opt.Format), Formats)
	}
	var total int64
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			return res, fileError(f, err)
		}
		if st.IsDir() {
			return res, fmt.Errorf("%s is a folder, not a file", f)
		}
		total += st.Size()
	}
	fill := func(db *DB) error {
		return db.Write(ctx, func(w *Writer) error { return opt.run(ctx, w, files, total, &res) })
	}
	_, err := os.Stat(dbPath)
	switch {
	case errors.Is(err, os.ErrNotExist):
		err = Create(ctx, dbPath, fill)
	case err == nil:
		var db *DB
		if db, err = openToWrite(ctx, dbPath); err == nil {
			// Not only a row's: an upgrade of the schema, and the writes that close the
			// import, are the first to write when no row is stored.
			err = unwritable(fill(db))
			if cerr := db.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("%s: %w", dbPath, cerr)
			}
		}
	}
	if err != nil {
		res.Added, res.Existing = 0, 0
		if databaseFault(err) && !strings.Contains(err.Error(), dbPath) {
			err = fmt.Errorf("%s: %w", dbPath, err)
		}
		return res, err
	}
	return res, nil
}

// errRejected is returned when invalid rows make Import store nothing.
func errRejected(res *ImportResult) error {
	verb := "are"
	if res.Invalid == 1 {
		verb = "is"
	}
	return invalidf("%d of %d rows %s invalid; nothing was imported", res.Invalid, res.Rows, verb)
}
