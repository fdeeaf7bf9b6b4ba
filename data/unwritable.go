package data

import (
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrUnwritable means the database's file, or the folder SQLite puts its journal in, cannot be written.
var ErrUnwritable = errors.New("the database cannot be written")

// unwritableError is SQLite's refusal to write a database, worded for a person; it
// matches ErrUnwritable and the SQLite error.
type unwritableError struct {
	msg string
	err error
}

func (e *unwritableError) Error() string   { return e.msg }
func (e *unwritableError) Unwrap() []error { return []error{ErrUnwritable, e.err} }

// unwritable words err when it is SQLite's refusal to write the database, and returns
// any other error as it is. SQLite opens a file it may not write read-only without a
// word and refuses at the first write, so an import meets it at its first row. It is for
// the errors of writes only: on a write, the file SQLite cannot open is the journal
// beside the database, which is open already.
func unwritable(err error) error {
	var se *sqlite.Error
	if errors.Is(err, ErrUnwritable) || !errors.As(err, &se) {
		return err
	}
	var msg string
	switch code := se.Code(); {
	case code == sqlite3.SQLITE_READONLY_DIRECTORY: // a user's folder without write permission
		msg = "the database cannot be written: its folder is read-only, and SQLite needs to create a journal file there"
	case code == sqlite3.SQLITE_READONLY_DBMOVED: // a file removed or moved while open: not this
		return err
	case code&0xff == sqlite3.SQLITE_READONLY:
		msg = "the database file is read-only"
	case code&0xff == sqlite3.SQLITE_CANTOPEN: // the journal: in a folder even root may not write, say
		msg = "the database cannot be written: SQLite cannot create its journal file in the database's folder"
	default:
		return err
	}
	return &unwritableError{msg, err}
}

// databaseFault reports whether err, worded by classify and unwritable, is the
// database's or its disk's fault rather than a row's: the file is damaged, cannot be
// written, or its disk is full.
func databaseFault(err error) bool {
	return errors.Is(err, ErrCorrupt) || errors.Is(err, ErrUnwritable) || errors.Is(err, errDiskFull)
}
