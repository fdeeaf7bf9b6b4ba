package ui

import (
	"cmp"
	"slices"
	"sync"

	"github.com/strikemap/strikemap/data"
)

// The event list's columns, in order.
const (
	colDate = iota
	colActor
	colTarget
	colPlace
	colKilled
	colStatus
)

// listColumns are the event list's headings.
var listColumns = []ListColumn{
	colDate:   {Title: "Date", Width: 104, Sortable: true},
	colActor:  {Title: "Actor", Width: 150, Sortable: true},
	colTarget: {Title: "Target", Width: 130, Sortable: true},
	colPlace:  {Title: "Place", Width: 190},
	colKilled: {Title: "Killed", Width: 80, Sortable: true},
	colStatus: {Title: "Status", Width: 110},
}

// listOrder is the order of the event list: a sortable column and its direction.
type listOrder struct {
	col  int
	desc bool
}

// orders keeps, per sortable column, every row of the index in ascending order of
// that column, computed the first time the list is sorted by it. Filtering then walks
// the permutation and keeps the selected rows: no sort per filter change.
type orders struct {
	once [colStatus + 1]sync.Once
	perm [colStatus + 1][]int32
}

// rows returns the selected rows in the list's order.
func (o listOrder) rows(s *session, sel []uint64) []int32 {
	perm := s.order(o.col)
	out := make([]int32, 0, min(len(perm), 1<<16))
	kept := data.Subset{Index: s.ix, Sel: sel}
	keep := func(r int32) {
		if kept.Has(int(r)) {
			out = append(out, r)
		}
	}
	if o.desc {
		for i := len(perm) - 1; i >= 0; i-- {
			keep(perm[i])
		}
	} else {
		for _, r := range perm {
			keep(r)
		}
	}
	return out
}

// order returns every row sorted by column col ascending, ties by date then id.
func (s *session) order(col int) []int32 {
	if col < 0 || col >= len(s.orders.perm) || !listColumns[col].Sortable {
		col = colDate
	}
	s.orders.once[col].Do(func() {
		ix := s.ix
		perm := make([]int32, ix.Len())
		for i := range perm {
			perm[i] = int32(i)
		}
		byDate := func(a, b int32) int {
			return cmp.Or(cmp.Compare(ix.Start[a], ix.Start[b]), cmp.Compare(ix.ID[a], ix.ID[b]))
		}
		var key func(a, b int32) int
		switch col {
		case colActor:
			key = func(a, b int32) int { return cmp.Compare(ix.Actors[ix.Actor[a]], ix.Actors[ix.Actor[b]]) }
		case colTarget:
			key = func(a, b int32) int { return cmp.Compare(ix.Targets[ix.Target[a]], ix.Targets[ix.Target[b]]) }
		case colKilled:
			key = func(a, b int32) int { return cmp.Compare(ix.Killed[a], ix.Killed[b]) }
		default:
			key = func(a, b int32) int { return 0 }
		}
		slices.SortFunc(perm, func(a, b int32) int { return cmp.Or(key(a, b), byDate(a, b)) })
		s.orders.perm[col] = perm
	})
	return s.orders.perm[col]
}
