package data

import "math/bits"

// Facets are the counts the filter panel shows beside each value it offers: for each
// value of a dimension, the events that would pass if that value were the dimension's
// whole choice. Each dimension is counted under every other condition of the filter but
// not its own, so that ticking a second actor shows how many it would add.
type Facets struct {
	Actors     []int // by index into Index.Actors
	Targets    []int // by index into Index.Targets
	Statuses   []int // by index into Statuses
	Precisions []int // by index into GeoPrecisions
}

// Facets counts the rows of every actor, target type, status and geo precision under
// f and the ids Search found (nil: no text condition), each dimension leaving out its own
// condition, in one pass over the rows.
func (ix *Index) Facets(f *Filter, text []int64) Facets {
	c := ix.compile(f, text)
	fc := Facets{
		Actors:     make([]int, len(ix.Actors)),
		Targets:    make([]int, len(ix.Targets)),
		Statuses:   make([]int, len(Statuses)),
		Precisions: make([]int, len(GeoPrecisions)),
	}
	var count [numConds]func(r int) // for the conditions that are dimensions
	count[condActor] = func(r int) { fc.Actors[ix.Actor[r]]++ }
	count[condTarget] = func(r int) { fc.Targets[ix.Target[r]]++ }
	count[condStatus] = func(r int) { fc.Statuses[ix.Status[r]]++ }
	count[condPrec] = func(r int) { fc.Precisions[ix.Prec[r]]++ }
	var masks [numConds]uint64
	for w := range (ix.Len() + 63) / 64 {
		lo, all := ix.rows(w)
		pass := all
		for _, k := range c.active {
			masks[k] = c.mask(ix, k, w)
			pass &= masks[k]
		}
		eachRow(lo, pass, func(r int) {
			fc.Actors[ix.Actor[r]]++
			fc.Targets[ix.Target[r]]++
			fc.Statuses[ix.Status[r]]++
			fc.Precisions[ix.Prec[r]]++
		})
		// The rows that miss only dimension d count for d alone.
		for _, d := range c.active {
			if count[d] == nil {
				continue
			}
			only := all
			for _, k := range c.active {
				if k != d {
					only &= masks[k]
				}
			}
			eachRow(lo, only&^pass, count[d])
		}
	}
	return fc
}

// eachRow calls fn with the rows of a word, from row lo, whose bits are set in m.
func eachRow(lo int, m uint64, fn func(r int)) {
	for ; m != 0; m &= m - 1 {
		fn(lo + bits.TrailingZeros64(m))
	}
}
