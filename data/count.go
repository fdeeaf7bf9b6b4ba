package data

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strconv"
)

// Count is a casualty figure that may be unknown; the zero Count is unknown, never 0.
type Count struct {
	n     int64
	known bool
}

// Known returns the known figure n.
func Known(n int64) Count { return Count{n: n, known: true} }

// Get returns the figure and whether it is known.
func (c Count) Get() (int64, bool) { return c.n, c.known }

// IsKnown reports whether the figure is known.
func (c Count) IsKnown() bool { return c.known }

// String prints the figure, or "?" when unknown.
func (c Count) String() string {
	if !c.known {
		return "?"
	}
	return strconv.FormatInt(c.n, 10)
}

// Value stores an unknown Count as NULL.
func (c Count) Value() (driver.Value, error) {
	if !c.known {
		return nil, nil
	}
	return c.n, nil
}

// Scan reads NULL as unknown and an integer as known.
func (c *Count) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c = Count{}
	case int64:
		*c = Known(v)
	case float64:
		if v != float64(int64(v)) {
			return fmt.Errorf("count %v is not a whole number", v)
		}
		*c = Known(int64(v))
	default:
		return fmt.Errorf("count: cannot read %T", src)
	}
	return nil
}

// MarshalJSON writes an unknown Count as null.
func (c Count) MarshalJSON() ([]byte, error) {
	if !c.known {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, c.n, 10), nil
}

// UnmarshalJSON reads null as unknown and a whole number as known.
func (c *Count) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*c = Count{}
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("count %s: want a whole number or null", b)
	}
	v, err := n.Int64()
	if err != nil {
		return fmt.Errorf("count %s: want a whole number or null", b)
	}
	*c = Known(v)
	return nil
}
