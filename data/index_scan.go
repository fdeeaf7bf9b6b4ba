package data

import (
	"errors"
	"fmt"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// scanConn is a read-only connection to a database file through SQLite's C API, which
// modernc.org/sqlite's driver is built on. LoadIndex reads a million rows through it
// in about half the time database/sql takes: database/sql's driver boxes every value in
// an interface, copies every text, and takes the connection's mutex for each column,
// while here a text is read where SQLite holds it and the connection is opened without
// a mutex, since only one goroutine ever uses it.
type scanConn struct {
	tls *libc.TLS
	db  uintptr // sqlite3*
}

// scanStmt is a prepared statement of a scanConn.
type scanStmt struct {
	c  *scanConn
	st uintptr // sqlite3_stmt*
}

// openScan opens the database file at path for reading.
func openScan(path string) (*scanConn, error) {
	c := &scanConn{tls: libc.NewTLS()}
	cpath, err := libc.CString(path)
	if err != nil {
		c.tls.Close()
		return nil, err
	}
	defer libc.Xfree(c.tls, cpath)
	out := libc.Xmalloc(c.tls, 8)
	if out == 0 {
		c.tls.Close()
		return nil, errors.New("out of memory")
	}
	defer libc.Xfree(c.tls, out)
	rc := sqlite3.Xsqlite3_open_v2(c.tls, cpath, out, sqlite3.SQLITE_OPEN_READONLY|sqlite3.SQLITE_OPEN_NOMUTEX, 0)
	c.db = *(*uintptr)(cmem(out))
	if rc != sqlite3.SQLITE_OK {
		err := c.err(rc)
		c.close()
		return nil, err
	}
	sqlite3.Xsqlite3_busy_timeout(c.tls, c.db, 5000)
	return c, nil
}

// close releases the connection; a nil or half-opened one is fine.
func (c *scanConn) close() {
	if c.db != 0 {
		sqlite3.Xsqlite3_close_v2(c.tls, c.db)
		c.db = 0
	}
	c.tls.Close()
}

// err words a result code as SQLite does for the connection's last call.
func (c *scanConn) err(rc int32) error {
	msg := "out of memory"
	if c.db != 0 {
		msg = libc.GoString(sqlite3.Xsqlite3_errmsg(c.tls, c.db))
	}
	return classify(fmt.Errorf("%s (%d)", msg, rc))
}

// query prepares q and binds args, all integers, to its parameters in order.
func (c *scanConn) query(q string, args ...int64) (*scanStmt, error) {
	cq, err := libc.CString(q)
	if err != nil {
		return nil, err
	}
	defer libc.Xfree(c.tls, cq)
	out := libc.Xmalloc(c.tls, 8)
	if out == 0 {
		return nil, errors.New("out of memory")
	}
	defer libc.Xfree(c.tls, out)
	if rc := sqlite3.Xsqlite3_prepare_v2(c.tls, c.db, cq, -1, out, 0); rc != sqlite3.SQLITE_OK {
		return nil, c.err(rc)
	}
	s := &scanStmt{c: c, st: *(*uintptr)(cmem(out))}
	for i, a := range args {
		if rc := sqlite3.Xsqlite3_bind_int64(c.tls, s.st, int32(i+1), a); rc != sqlite3.SQLITE_OK {
			s.close()
			return nil, c.err(rc)
		}
	}
	return s, nil
}

// next steps to the next row: true while there is one; false with a nil error at the end.
func (s *scanStmt) next() (bool, error) {
	switch rc := sqlite3.Xsqlite3_step(s.c.tls, s.st); rc {
	case sqlite3.SQLITE_ROW:
		return true, nil
	case sqlite3.SQLITE_DONE:
		return false, nil
	default:
		return false, s.c.err(rc)
	}
}

// close finalizes the statement.
func (s *scanStmt) close() { sqlite3.Xsqlite3_finalize(s.c.tls, s.st) }

// kind returns the storage class of column i of the current row: sqlite3.SQLITE_INTEGER,
// _FLOAT, _TEXT, _BLOB or _NULL.
func (s *scanStmt) kind(i int) int32 { return sqlite3.Xsqlite3_column_type(s.c.tls, s.st, int32(i)) }

// int64 returns column i of the current row as an integer.
func (s *scanStmt) int64(i int) int64 { return sqlite3.Xsqlite3_column_int64(s.c.tls, s.st, int32(i)) }

// float returns column i of the current row as a number.
func (s *scanStmt) float(i int) float64 {
	return sqlite3.Xsqlite3_column_double(s.c.tls, s.st, int32(i))
}

// text returns column i of the current row as text: nil for NULL, never nil otherwise.
// The bytes are SQLite's: valid only until the next call on the statement, and not to
// be changed.
func (s *scanStmt) text(i int) []byte { return s.value(i).text() }

// scanValue is one column of a scanStmt's current row as SQLite holds it, valid until
// the next step. Each sqlite3_column_* call looks the column up and checks the
// statement for errors afterwards; reading a column's kind and then its text or number
// through its value makes that one call where the column methods above make two or
// three, which a scan of a million rows feels. SQLite calls the value unprotected: only
// the goroutine that owns the statement may read it, as it is here.
type scanValue struct {
	tls *libc.TLS
	v   uintptr // sqlite3_value*
}

// value returns column i of the current row.
func (s *scanStmt) value(i int) scanValue {
	return scanValue{s.c.tls, sqlite3.Xsqlite3_column_value(s.c.tls, s.st, int32(i))}
}

// kind returns the value's storage class, as scanStmt.kind does; read it before text,
// which may convert the value.
func (v scanValue) kind() int32 { return sqlite3.Xsqlite3_value_type(v.tls, v.v) }

// int64 returns the value as an integer.
func (v scanValue) int64() int64 { return sqlite3.Xsqlite3_value_int64(v.tls, v.v) }

// float returns the value as a number.
func (v scanValue) float() float64 { return sqlite3.Xsqlite3_value_double(v.tls, v.v) }

// text returns the value as text, as scanStmt.text does.
func (v scanValue) text() []byte {
	p := sqlite3.Xsqlite3_value_text(v.tls, v.v)
	if p == 0 {
		return nil
	}
	n := sqlite3.Xsqlite3_value_bytes(v.tls, v.v)
	return unsafe.Slice((*byte)(cmem(p)), max(n, 0))
}

// cmem turns an address in C memory into a pointer. C memory is allocated by
// modernc.org/libc outside the Go heap, so the garbage collector neither moves nor frees
// it, and the conversion that vet warns of for Go memory is sound here.
func cmem(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }
