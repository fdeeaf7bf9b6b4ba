package ui

import (
	"strconv"

	"github.com/strikemap/strikemap/data"
)

// rangeText shows a casualty range as "42", "42–50" or "?".
func rangeText(r data.Range) string {
	lo, ok1 := r.Min.Get()
	hi, ok2 := r.Max.Get()
	switch {
	case !ok1 || !ok2:
		return "?"
	case lo == hi:
		return r.Min.String()
	}
	return r.Min.String() + "–" + r.Max.String()
}

// thousands writes n with thousands separators: 40000 → "40,000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
