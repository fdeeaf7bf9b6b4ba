package ui

import (
	"math"
	"sort"
	"time"

	"github.com/strikemap/strikemap/data"
)

// Units of the timeline's bins.
const (
	unitDay   = "day"
	unitWeek  = "week"
	unitMonth = "month"
	unitYear  = "year"
)

// binEdges returns the first day of each of n bins of unit from start, and the day
// after the last: n+1 increasing dates. An unknown unit counts as days.
func binEdges(start data.Date, unit string, n int) []data.Date {
	edges := make([]data.Date, n+1)
	t := start.Time()
	for i := range edges {
		switch unit {
		case unitWeek:
			edges[i] = start + data.Date(7*i)
		case unitMonth:
			edges[i] = data.DateOf(t.Year(), t.Month()+time.Month(i), t.Day())
		case unitYear:
			edges[i] = data.DateOf(t.Year()+i, t.Month(), t.Day())
		default:
			edges[i] = start + data.Date(i)
		}
	}
	return edges
}

// binPos places day d on the bin scale: bin i covers [i, i+1), and a day inside it a
// share of that step by its offset in days; days outside the bins clamp to 0 or n.
func binPos(edges []data.Date, d data.Date) float64 {
	n := len(edges) - 1
	if n < 1 || d <= edges[0] {
		return 0
	}
	if d >= edges[n] {
		return float64(n)
	}
	i := sort.Search(n, func(i int) bool { return edges[i+1] > d })
	return float64(i) + float64(d-edges[i])/float64(edges[i+1]-edges[i])
}

// dayAt is the day that starts nearest bin position p, the inverse of binPos.
func dayAt(edges []data.Date, p float64) data.Date {
	n := len(edges) - 1
	if n < 1 {
		return 0
	}
	p = min(max(p, 0), float64(n))
	i := min(int(p), n-1)
	return edges[i] + data.Date(math.Round((p-float64(i))*float64(edges[i+1]-edges[i])))
}

// binLabel names bin i for the hover text: "2024-03-05", "week of 2024-03-04", "March 2024".
func binLabel(edges []data.Date, unit string, i int) string {
	switch unit {
	case unitWeek:
		return "week of " + edges[i].String()
	case unitMonth:
		return edges[i].Time().Format("January 2006")
	case unitYear:
		return edges[i].Time().Format("2006")
	}
	return edges[i].Time().Format("2006-01-02 (Mon)")
}

// rangeLabel names the days from..to (inclusive; zero ends are open) for the timeline.
func rangeLabel(from, to data.Date) string {
	switch {
	case from == 0 && to == 0:
		return "All dates"
	case from == 0:
		return "until " + to.String()
	case to == 0:
		return "from " + from.String()
	case from == to:
		return from.String()
	}
	return from.String() + " – " + to.String()
}

// perUnit is the peak label's tail: "per day", "per week", "per month".
func perUnit(unit string) string {
	switch unit {
	case unitWeek, unitMonth, unitYear:
		return "per " + unit
	}
	return "per day"
}
