package data

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day counted from 0001-01-01 (= 1); the zero Date means "no date".
//
// A plain day number keeps the in-memory index small and makes range tests integer
// comparisons; calendars come in only at the edges (parsing and printing).
type Date int32

// epoch is the day before 0001-01-01, so that Date(1) is 0001-01-01.
var epoch = time.Date(0, time.December, 31, 0, 0, 0, 0, time.UTC)

// DateOf returns the Date of a civil year, month and day.
func DateOf(year int, month time.Month, day int) Date {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	// Unix seconds, not a Duration: a Duration overflows after 292 years.
	return Date((t.Unix() - epoch.Unix()) / 86400)
}

// ParseDate reads YYYY-MM-DD; it rejects impossible days such as 0000-00-00 or 2015-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil || t.Year() < 1 {
		return 0, fmt.Errorf("date %q: want a real day as YYYY-MM-DD", s)
	}
	return DateOf(t.Year(), t.Month(), t.Day()), nil
}

// IsZero reports whether d is the absent date.
func (d Date) IsZero() bool { return d == 0 }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return epoch.AddDate(0, 0, int(d)) }

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// Value stores a Date as YYYY-MM-DD text and the zero Date as NULL.
func (d Date) Value() (driver.Value, error) {
	if d == 0 {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads YYYY-MM-DD text, or NULL as the zero Date.
func (d *Date) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*d = 0
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("date: cannot read %T", src)
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// MarshalJSON writes a Date as "YYYY-MM-DD" and the zero Date as null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d == 0 {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = 0
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date %s: want \"YYYY-MM-DD\" or null", b)
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}
