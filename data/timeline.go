package data

import (
	"math"
	"time"
)

// BinUnit is the length of one bin of a timeline.
type BinUnit uint8

// The bin units, shortest first. Weeks start on Mondays.
const (
	Days BinUnit = iota
	Weeks
	Months
	Years
)

// Bins divides time into N consecutive bins of one Unit from Start, the first day of the
// first bin.
type Bins struct {
	Start Date
	Unit  BinUnit
	N     int
}

// BinsFor returns the bins of the shortest unit that cover from..to in at most most
// bins, each aligned on its unit: days, Monday weeks, calendar months, else years
// however many it takes.
func BinsFor(from, to Date, most int) Bins {
	if to < from {
		from, to = to, from
	}
	for _, u := range []BinUnit{Days, Weeks, Months} {
		if b := binsOf(u, from, to, most); b.N > 0 {
			return b
		}
	}
	return binsOf(Years, from, to, math.MaxInt)
}

// binsOf returns the bins of unit u that cover from..to, or no bins if that takes more
// than most.
func binsOf(u BinUnit, from, to Date, most int) Bins {
	b := Bins{Start: u.floor(from), Unit: u}
	for b.N = 1; b.binStart(b.N) <= to; b.N++ {
		if b.N >= most {
			return Bins{}
		}
	}
	return b
}

// floor returns the first day of the unit that d falls in.
func (u BinUnit) floor(d Date) Date {
	switch u {
	case Weeks:
		return d - (d-1)%7 // 0001-01-01, Date 1, was a Monday
	case Months:
		t := d.Time()
		return DateOf(t.Year(), t.Month(), 1)
	case Years:
		return DateOf(d.Time().Year(), time.January, 1)
	}
	return d
}

// binStart returns the first day of bin i; bin N's is the day after the last bin.
func (b Bins) binStart(i int) Date {
	switch b.Unit {
	case Weeks:
		return b.Start + Date(7*i)
	case Months:
		t := b.Start.Time()
		return DateOf(t.Year(), t.Month()+time.Month(i), 1)
	case Years:
		return DateOf(b.Start.Time().Year()+i, time.January, 1)
	}
	return b.Start + Date(i)
}

// Bin returns the first and the last day of bin i, for its label and for a Filter's
// From and To: the events Timeline counts in bin i are those such a filter selects.
func (b Bins) Bin(i int) (from, to Date) { return b.binStart(i), b.binStart(i+1) - 1 }

// End returns the day after the last bin.
func (b Bins) End() Date { return b.binStart(b.N) }

// Timeline counts, for each of the bins b, the rows that pass every condition of f but
// its dates, and the ids Search found (nil: no text condition), and whose date range
// overlaps the bin. An event known only to a month is thus counted in each of that
// month's day bins, as a filter on any of those days selects it.
func (ix *Index) Timeline(f *Filter, text []int64, b Bins) []int {
	if b.N <= 0 {
		return nil
	}
	c := ix.compile(f, text)
	first, end := b.Start, b.End()
	// binOf[d-first] is the bin of day d: one table lookup per event, whatever the unit.
	binOf := make([]int32, end-first)
	for i := range b.N {
		from, to := b.Bin(i)
		for d := from; d <= to; d++ {
			binOf[d-first] = int32(i)
		}
	}
	// diff[i] counts the events whose first bin is i, less those whose last was i-1: the
	// running sum is each bin's count, for one add at each end of an event's bins.
	diff := make([]int, b.N+1)
	for w := range (ix.Len() + 63) / 64 {
		lo, m := ix.rows(w)
		for _, k := range c.active {
			if k != condDate && m != 0 {
				m &= c.mask(ix, k, w)
			}
		}
		eachRow(lo, m, func(r int) {
			s, e := ix.Start[r], ix.End[r]
			if e >= first && s < end {
				diff[binOf[max(s, first)-first]]++
				diff[binOf[min(e, end-1)-first]+1]--
			}
		})
	}
	counts := make([]int, b.N)
	n := 0
	for i := range counts {
		n += diff[i]
		counts[i] = n
	}
	return counts
}
