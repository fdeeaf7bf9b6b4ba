package data

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Sentinel errors callers test with errors.Is; messages for people are added at the edges.
var (
	// ErrNotOurs means the file is not a Strikemap database (not SQLite, empty, or other tables).
	ErrNotOurs = errors.New("not a Strikemap database")
	// ErrSchema means the file is a Strikemap database of a schema version this build cannot use as asked.
	ErrSchema = errors.New("unsupported schema version")
	// ErrCorrupt means SQLite reports the file as damaged.
	ErrCorrupt = errors.New("database file is damaged")
	// ErrInvalid means an event, claim or source breaks the model's rules.
	ErrInvalid = errors.New("invalid")
)

// invalidError is one broken rule, worded for a person; it matches ErrInvalid.
type invalidError struct{ msg string }

func (e *invalidError) Error() string        { return e.msg }
func (e *invalidError) Is(target error) bool { return target == ErrInvalid }

// invalidf returns an error matching ErrInvalid with a message for a person.
func invalidf(format string, args ...any) error {
	return &invalidError{msg: fmt.Sprintf(format, args...)}
}

// Problems splits an error made with errors.Join into its single problems, one per line.
func Problems(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Problems(e)...)
		}
		return out
	}
	return []error{err}
}

// maxShownValue is how much of a value from a file a message quotes: enough to find it,
// while a megabyte cell still gives a message of one short line.
const maxShownValue = 60

// cutValue cuts a value from a file to maxShownValue bytes for a message, at a
// character's start, marking the cut with "…".
func cutValue(s string) string {
	if len(s) <= maxShownValue {
		return s
	}
	n := maxShownValue
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// quoteValue quotes a value from a file for a message, cut as cutValue cuts it.
func quoteValue(s string) string { return strconv.Quote(cutValue(s)) }
