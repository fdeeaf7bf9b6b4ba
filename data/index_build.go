package data

import (
	"cmp"
	"slices"

	"github.com/strikemap/strikemap/geo/overlay"
)

// mergeInterned gathers the distinct values the parts' interners saw into names, most
// frequent first and those that last says so at the end, and returns for each part the
// table from its own codes to the codes into names.
func mergeInterned[C uint16 | uint32](parts []*part, in func(*part) *interner[C], last func(string) bool, names *[]string) ([][]C, error) {
	counts := map[string]int{}
	for _, p := range parts {
		for c, name := range in(p).names {
			counts[name] += in(p).counts[c]
		}
	}
	if uint64(len(counts)) > uint64(^C(0))+1 {
		return nil, errTooMany
	}
	*names = make([]string, 0, len(counts))
	for name := range counts {
		*names = append(*names, name)
	}
	slices.SortFunc(*names, func(a, b string) int {
		return cmp.Or(boolOrder(last(a), last(b)), cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	global := make(map[string]C, len(*names))
	for c, name := range *names {
		global[name] = C(c)
	}
	tables := make([][]C, len(parts))
	for k, p := range parts {
		tables[k] = make([]C, len(in(p).names))
		for c, name := range in(p).names {
			tables[k][c] = global[name]
		}
	}
	return tables, nil
}

// boolOrder puts false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// finish sets what follows from the sorted columns: the dates' span, the target types'
// shapes and the table from ids to rows.
func (ix *Index) finish() {
	n := ix.Len()
	for r := range n {
		if ix.MinDate == 0 || ix.Start[r] < ix.MinDate {
			ix.MinDate = ix.Start[r]
		}
		ix.MaxDate = max(ix.MaxDate, ix.End[r])
	}
	ix.targetShapes = make([]overlay.Shape, len(ix.Targets))
	for i, t := range ix.Targets {
		ix.targetShapes[i] = overlay.ShapeFor(t)
	}
	if n == 0 {
		return
	}
	first, last := slices.Min(ix.ID), slices.Max(ix.ID)
	// A table indexed by id is the quickest lookup, and the smallest while few ids are
	// missing, as in a database where events are added and seldom deleted.
	if d := uint64(last - first); d < uint64(2*n+1024) {
		ix.firstID = first
		ix.rowOf = make([]int32, d+1)
		for i := range ix.rowOf {
			ix.rowOf[i] = -1
		}
		for r, id := range ix.ID {
			ix.rowOf[id-first] = int32(r)
		}
		return
	}
	ix.idRows = make([]int32, n)
	for r := range ix.idRows {
		ix.idRows[r] = int32(r)
	}
	slices.SortFunc(ix.idRows, func(a, b int32) int { return cmp.Compare(ix.ID[a], ix.ID[b]) })
	ix.sortedIDs = make([]int64, n)
	for i, r := range ix.idRows {
		ix.sortedIDs[i] = ix.ID[r]
	}
}
