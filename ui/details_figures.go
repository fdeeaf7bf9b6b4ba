package ui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/strikemap/strikemap/data"
)

// figure is one of the casualty figures a claim may give.
type figure int

const (
	figKilled figure = iota
	figCivilians
	figCombatants
	figInjured
)

// allFigures lists every figure in the order the panel shows them.
var allFigures = []figure{figKilled, figCivilians, figCombatants, figInjured}

// String names the figure as a heading: "Killed".
func (f figure) String() string {
	return [...]string{"Killed", "Civilians", "Combatants", "Injured"}[f]
}

// of returns the figure c gives, unknown when it gives none.
func (f figure) of(c *data.Claim) data.Count {
	switch f {
	case figKilled:
		return c.Killed
	case figCivilians:
		return c.Civilians
	case figCombatants:
		return c.Combatants
	}
	return c.Injured
}

// saying is one figure and the claimants who give it.
type saying struct {
	n  int64
	by []string
}

// tally is what the claims about one event say about one figure: each distinct
// known figure, lowest first, with who gives it. Claims are never averaged.
type tally []saying

// tallyOf gathers figure f over claims.
func tallyOf(claims []data.Claim, f figure) tally {
	var t tally
	for i := range claims {
		n, ok := f.of(&claims[i]).Get()
		if !ok {
			continue
		}
		who := claimantName(claims[i].Claimant)
		j, found := slices.BinarySearchFunc(t, n, func(s saying, n int64) int {
			return cmp.Compare(s.n, n)
		})
		if !found {
			t = slices.Insert(t, j, saying{n: n})
		}
		if !slices.Contains(t[j].by, who) {
			t[j].by = append(t[j].by, who)
		}
	}
	return t
}

// known reports whether any claim gives the figure.
func (t tally) known() bool { return len(t) > 0 }

// conflicting reports whether the claims give different figures.
func (t tally) conflicting() bool { return len(t) > 1 }

// others returns the figures that differ from n, lowest first.
func (t tally) others(n int64) []saying {
	var out []saying
	for _, s := range t {
		if s.n != n {
			out = append(out, s)
		}
	}
	return out
}

// rangeLine shows the span of a tally: "0–42" or "12".
func (t tally) rangeLine() string {
	if !t.known() {
		return unknownText
	}
	lo, hi := t[0], t[len(t)-1]
	if lo.n == hi.n {
		return figureText(lo.n)
	}
	return figureText(lo.n) + "–" + figureText(hi.n)
}

// whoLine names who gives the low and who the high figure:
// "low 0: Ministry of Defence · high 12: Syrian Observatory".
func (t tally) whoLine() string {
	switch len(t) {
	case 0:
		return "no claim gives a figure"
	case 1:
		if len(t[0].by) == 1 {
			return "given by " + t[0].by[0]
		}
		return strings.Join(t[0].by, ", ") + " agree"
	}
	lo, hi := t[0], t[len(t)-1]
	return "low " + figureText(lo.n) + ": " + strings.Join(lo.by, ", ") +
		" · high " + figureText(hi.n) + ": " + strings.Join(hi.by, ", ")
}

// conflictLine says how figure f of n conflicts with the others:
// "Civilians 0 conflicts with 12 (Syrian Observatory)".
func conflictLine(f figure, n int64, others []saying) string {
	parts := make([]string, len(others))
	for i, s := range others {
		parts[i] = figureText(s.n) + " (" + strings.Join(s.by, ", ") + ")"
	}
	return f.String() + " " + figureText(n) + " conflicts with " + strings.Join(parts, ", ")
}

// claimantName is the claimant on one line, or a stand-in when the claim names none.
func claimantName(s string) string {
	if s = oneLine(s); s == "" {
		return "unnamed claimant"
	}
	return s
}
