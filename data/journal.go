package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrUnfinished means a program stopped while it was changing the database (it was
// killed, or the machine lost power) and left its rollback journal beside it. SQLite
// undoes the half-done change from that journal the next time the file is opened for
// writing; until then it cannot be read without writing, so ReadOnly refuses it.
var ErrUnfinished = errors.New("a change to it was left unfinished")

// journalPath is where SQLite keeps the rollback journal of the database at path.
func journalPath(path string) string { return path + "-journal" }

// hotJournal reports whether a non-empty rollback journal lies beside the database at
// path: SQLite empties or removes it when a change is committed or rolled back.
func hotJournal(path string) bool {
	st, err := os.Stat(journalPath(path))
	return err == nil && st.Mode().IsRegular() && st.Size() > 0
}

// unfinished turns SQLite's refusal to read a database whose journal it may not roll
// back (SQLITE_READONLY_ROLLBACK, 776) into ErrUnfinished, worded for a person.
func unfinished(path string, err error) error {
	if err == nil || !hotJournal(path) || !strings.Contains(err.Error(), "readonly database") {
		return err
	}
	return fmt.Errorf("%w by a program that stopped (%s); `strikedb recover %s` undoes it",
		ErrUnfinished, filepath.Base(journalPath(path)), path)
}

// Recover undoes the half-done change that a program which stopped while writing left in
// the database at path, by opening it for writing, as SQLite then rolls the journal back;
// it reports whether there was one. A database without one is left untouched. Nothing
// else is changed: an older schema is not upgraded.
func Recover(ctx context.Context, path string) (bool, error) {
	if !hotJournal(path) {
		if err := sniff(path); err != nil {
			return false, fmt.Errorf("%s: %w", path, err)
		}
		return false, nil
	}
	db, err := openToWrite(ctx, path) // identifying the file reads it, which rolls back
	if err != nil {
		return false, err
	}
	if err := db.Close(); err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	if hotJournal(path) {
		return false, fmt.Errorf("%s: SQLite left %s in place; is another program writing to it?", path, journalPath(path))
	}
	return true, nil
}
