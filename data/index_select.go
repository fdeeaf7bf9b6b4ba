package data

import (
	"math"
	"math/bits"
)

// The conditions of a Filter, in the order Select tries them: the cheapest and most
// selective first.
const (
	condText = iota
	condDate
	condActor
	condTarget
	condStatus
	condPrec
	condBBox
	numConds
)

// conditions is a Filter compiled for one Index: lists of values become tables by code.
type conditions struct {
	from, to        Date
	actors, targets []uint8 // 1 for the codes asked for; nil for any
	statuses, precs []uint8 // by index into Statuses and GeoPrecisions; nil for any
	bbox            bool
	west, south     float64
	east, north     float64
	text            []uint64 // rows found by Search; nil for no text condition
	active          []int    // the conditions f sets, in condition order
}

// compile turns f and the ids found by Search into conditions over ix's rows.
func (ix *Index) compile(f *Filter, text []int64) *conditions {
	c := &conditions{from: f.From, to: f.To}
	if c.to == 0 {
		c.to = math.MaxInt32
	}
	c.actors = codeSet(f.Actors, ix.Actors)
	c.targets = codeSet(f.Targets, ix.Targets)
	c.statuses = codeSet(f.Statuses, Statuses)
	c.precs = codeSet(f.Precisions, GeoPrecisions)
	if b := f.BBox; b != nil {
		c.bbox = true
		c.west, c.south, c.east, c.north = b.Min.Lon(), b.Min.Lat(), b.Max.Lon(), b.Max.Lat()
	}
	if text != nil {
		c.text = make([]uint64, (ix.Len()+63)/64)
		for _, id := range text {
			if r, ok := ix.Row(id); ok {
				c.text[r/64] |= 1 << (r % 64)
			}
		}
	}
	for k, set := range [numConds]bool{c.text != nil, f.From != 0 || f.To != 0, c.actors != nil,
		c.targets != nil, c.statuses != nil, c.precs != nil, c.bbox} {
		if set {
			c.active = append(c.active, k)
		}
	}
	return c
}

// codeSet sets to 1 the values of all that want lists; nil when want is empty, meaning
// any. Numbers rather than bools let the masks below be made without branching.
func codeSet[T comparable](want, all []T) []uint8 {
	if len(want) == 0 {
		return nil
	}
	set := make([]uint8, len(all))
	for i, v := range all {
		for _, w := range want {
			if v == w {
				set[i] = 1
			}
		}
	}
	return set
}

// rows returns the first row of word w and the mask of its rows that exist.
func (ix *Index) rows(w int) (lo int, all uint64) {
	lo = w * 64
	if n := ix.Len() - lo; n < 64 {
		return lo, 1<<n - 1
	}
	return lo, ^uint64(0)
}

// mask returns the rows of word w that pass condition k: bit i is row 64w+i.
func (c *conditions) mask(ix *Index, k, w int) uint64 {
	lo, all := ix.rows(w)
	hi := lo + bits.Len64(all)
	var m uint64
	switch k {
	case condText:
		return c.text[w]
	case condDate:
		end, start := ix.End[lo:hi], ix.Start[lo:hi]
		for i := range start {
			m |= (bit(end[i] >= c.from) & bit(start[i] <= c.to)) << i
		}
	case condActor:
		m = codeMask(ix.Actor[lo:hi], c.actors)
	case condTarget:
		m = codeMask(ix.Target[lo:hi], c.targets)
	case condStatus:
		m = codeMask(ix.Status[lo:hi], c.statuses)
	case condPrec:
		m = codeMask(ix.Prec[lo:hi], c.precs)
	case condBBox:
		lon, lat := ix.Lon[lo:hi], ix.Lat[lo:hi]
		for i := range lon { // outside as orb.Bound.Contains has it, which lets NaN in
			out := bit(lon[i] < c.west) | bit(c.east < lon[i]) | bit(lat[i] < c.south) | bit(c.north < lat[i])
			m |= (out ^ 1) << i
		}
	}
	return m
}

// codeMask marks the codes that set holds.
func codeMask[T uint8 | uint16](codes []T, set []uint8) uint64 {
	var m uint64
	for i, v := range codes {
		m |= uint64(set[v]) << i
	}
	return m
}

// bit is 1 for true: the compiler makes it without a branch, which a test that passes
// rows at random would mispredict half the time.
func bit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// Select returns the rows that pass f and whose ids are in text, the ids Search found
// for f.Query (nil: no text condition; f.Query itself is not read), as a bitset: bit r%64
// of word r/64 is row r. It reuses sel's memory when it is large enough.
func (ix *Index) Select(f *Filter, text []int64, sel []uint64) []uint64 {
	c := ix.compile(f, text)
	words := (ix.Len() + 63) / 64
	if cap(sel) < words {
		sel = make([]uint64, words)
	}
	sel = sel[:words]
	for w := range sel {
		_, m := ix.rows(w)
		for _, k := range c.active {
			if m == 0 {
				break
			}
			m &= c.mask(ix, k, w)
		}
		sel[w] = m
	}
	return sel
}
