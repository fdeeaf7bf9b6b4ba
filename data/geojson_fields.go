package data

import (
	"strconv"

	"github.com/paulmach/orb"
)

// The readers of a feature's values by the kind the export format gives them. A value
// of another kind is skipped and becomes a problem of the row.

// wrong notes that the value named name is not what was wanted, and skips it.
func (f *featureReader) wrong(name, want string) error {
	f.r.invalid("%s is %s, want %s", name, f.s.describe(f.s.peek()), want)
	return f.s.skip()
}

// null reads null, and reports whether it was there.
func (f *featureReader) null() (bool, error) {
	if f.s.peek() != 'n' {
		return false, nil
	}
	_, err := f.s.literal()
	return true, err
}

// text reads a string, or null as "".
func (f *featureReader) text(name string, dst *string) error {
	if f.s.peek() == '"' {
		f.s.notUTF8 = false
		v, err := f.s.str()
		if f.s.notUTF8 {
			f.r.invalid("%s is not UTF-8 text; save the file as UTF-8", name)
		}
		*dst = v
		return err
	}
	if null, err := f.null(); null || err != nil {
		*dst = ""
		return err
	}
	return f.wrong(name, "a string or null")
}

// date reads "YYYY-MM-DD", or null as no date.
func (f *featureReader) date(name string, dst *Date) error {
	if f.s.peek() == '"' {
		b, err := f.s.bytes()
		if err != nil {
			return err
		}
		if d, ok := parseDay(b); ok {
			*dst = d
		} else {
			f.r.invalid("%s %s is not a real day as YYYY-MM-DD", name, quoteValue(string(b)))
		}
		return nil
	}
	if null, err := f.null(); null || err != nil {
		*dst = 0
		return err
	}
	return f.wrong(name, `a date as "YYYY-MM-DD" or null`)
}

// number reads a number; ok tells whether there was one rather than null.
func (f *featureReader) number(name string, dst *float64, ok *bool) error {
	if c := f.s.peek(); c == '-' || c >= '0' && c <= '9' {
		b, err := f.s.number()
		if err != nil {
			return err
		}
		v, perr := strconv.ParseFloat(string(b), 64)
		if perr != nil {
			f.r.invalid("%s %s is out of range", name, cutValue(string(b)))
		}
		*dst, *ok = v, perr == nil
		return nil
	}
	if null, err := f.null(); null || err != nil {
		*dst, *ok = 0, false
		return err
	}
	return f.wrong(name, "a number")
}

// rowID reads the id the event had in the database it was exported from. A positive whole
// number is kept, for Writer to store the event under it in a new database; anything else
// is another tool's id, not ours to keep, and is passed over.
func (f *featureReader) rowID(dst *int64) error {
	if c := f.s.peek(); c >= '1' && c <= '9' {
		b, err := f.s.number()
		if err != nil {
			return err
		}
		if v, err := strconv.ParseInt(string(b), 10, 64); err == nil {
			*dst = v
		}
		return nil
	}
	return f.s.skip()
}

// count reads a whole number, or null as unknown.
func (f *featureReader) count(name string, dst *Count) error {
	if c := f.s.peek(); c == '-' || c >= '0' && c <= '9' {
		b, err := f.s.number()
		if err != nil {
			return err
		}
		n, ok := smallInt(b)
		if !ok {
			if v, err := strconv.ParseInt(string(b), 10, 64); err == nil {
				n, ok = v, true
			}
		}
		if ok {
			*dst = Known(n)
		} else {
			f.r.invalid("%s %s is not a whole number", name, cutValue(string(b)))
		}
		return nil
	}
	if null, err := f.null(); null || err != nil {
		*dst = Count{}
		return err
	}
	return f.wrong(name, "a whole number or null")
}

// position reads [lon, lat] (a third number, the height, may follow), or null as none.
func (f *featureReader) position(name string, dst *orb.Point, ok *bool) error {
	bad, err := f.readPosition(name, dst, ok)
	if bad {
		f.r.invalid("%s is not [lon, lat]", name)
	}
	return err
}

// readPosition reads what position reads, and reports whether the value was something
// else, for the caller to word; a number out of range is a problem of the row already.
func (f *featureReader) readPosition(name string, dst *orb.Point, ok *bool) (bad bool, err error) {
	*ok = false
	if null, err := f.null(); null || err != nil {
		return false, err
	}
	if f.s.peek() != '[' {
		return true, f.s.skip()
	}
	var v [3]float64
	n := 0
	err = f.s.array(func(i int) error {
		if c := f.s.peek(); i >= len(v) || c != '-' && (c < '0' || c > '9') {
			bad = true
			return f.s.skip()
		}
		n++
		var got bool
		return f.number(name, &v[i], &got)
	})
	if err != nil || bad || n < 2 {
		return err == nil, err
	}
	*dst, *ok = orb.Point{v[0], v[1]}, true
	return false, nil
}

// smallInt reads up to 18 decimal digits with an optional minus sign.
func smallInt(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}
