package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// Choice is one value a filter list offers, with the number of events that have it.
type Choice struct {
	Name  string
	Count int
}

// FilterPanel is the filter column: text search, a date range, checklists of actors,
// target types, statuses and geo precisions, the "312 of 40,000 events" line and a
// reset button. It scrolls by itself, so give it a column of any height.
//
// Only the user's edits (and Reset) call onChange; the setters never do, so the
// window can feed results back (SetCounts, SetTotals, SetDates) without a loop.
type FilterPanel struct {
	widget.BaseWidget

	onChange func(data.Filter)
	from, to data.Date // the dates applied: each entry's last valid text
	query    string    // the search text applied

	fromEntry, toEntry *widget.Entry
	dateError          *widget.Label
	quiet              bool // the panel is writing its own entries

	search       *widget.Entry
	searchCancel chan struct{} // closed to drop the search waiting to run
	debounce     time.Duration
	after        func(time.Duration) <-chan time.Time

	actors, targets, statuses, precisions *checklist

	totals  *widget.Label
	reset   *widget.Button
	content fyne.CanvasObject
}

// NewFilterPanel returns a panel that lets everything through and calls onChange with
// the new filter after each change the user makes.
func NewFilterPanel(onChange func(data.Filter)) *FilterPanel {
	p := &FilterPanel{onChange: onChange, debounce: 250 * time.Millisecond, after: time.After}
	p.ExtendBaseWidget(p)
	changed := p.changed
	p.actors = newChecklist("Actors", 8, changed)
	p.targets = newChecklist("Target types", 8, changed)
	p.actors.label, p.targets.label = blankLabel, blankLabel
	p.statuses = newChecklist("Status", 8, changed)
	p.statuses.label = vocabLabel
	p.statuses.setValues(vocabNames(data.Statuses), nil)
	p.precisions = newChecklist("Location precision", 8, changed)
	p.precisions.label = vocabLabel
	p.precisions.setValues(vocabNames(data.GeoPrecisions), nil)
	p.newDateEntries()
	p.newSearch()

	p.totals = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.totals.Truncation = fyne.TextTruncateEllipsis
	p.reset = widget.NewButtonWithIcon("Reset", theme.ContentUndoIcon(), p.Reset)
	p.reset.Importance = widget.LowImportance
	p.reset.Disable()

	dates := container.NewVBox(
		widget.NewLabelWithStyle("Dates", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.New(layout.NewFormLayout(), widget.NewLabel("From"), p.fromEntry, widget.NewLabel("To"), p.toEntry),
		p.dateError)
	body := container.NewVBox(dates)
	for _, c := range []*checklist{p.actors, p.targets, p.statuses, p.precisions} {
		body.Add(widget.NewSeparator())
		body.Add(c.content)
	}
	head := container.NewVBox(p.search,
		container.NewBorder(nil, nil, nil, p.reset, p.totals),
		widget.NewSeparator())
	// The right inset keeps the counts clear of the scroll bar, which floats over content.
	inset := theme.Padding() + theme.Size(theme.SizeNameScrollBarSmall)
	scroll := container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, inset), body))
	p.content = container.NewBorder(head, nil, nil, nil, scroll)
	return p
}

// CreateRenderer lays the panel out as built by NewFilterPanel.
func (p *FilterPanel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.content)
}

// Filter returns the filter the panel shows.
func (p *FilterPanel) Filter() data.Filter {
	return data.Filter{
		From:       p.from,
		To:         p.to,
		Actors:     p.actors.values(),
		Targets:    p.targets.values(),
		Statuses:   vocabValues[data.Status](p.statuses.values()),
		Precisions: vocabValues[data.GeoPrecision](p.precisions.values()),
		Query:      p.query,
	}
}

// SetChoices replaces the actors and target types offered (most frequent first), all
// ticked; call it when a database opens, then read Filter.
func (p *FilterPanel) SetChoices(actors, targets []Choice) {
	for _, l := range []struct {
		c  *checklist
		cs []Choice
	}{{p.actors, actors}, {p.targets, targets}} {
		names, counts := make([]string, len(l.cs)), make([]int, len(l.cs))
		for i, c := range l.cs {
			names[i], counts[i] = c.Name, c.Count
		}
		l.c.setValues(names, counts)
	}
	p.updateReset()
}

// SetCounts shows, next to each value, the events the filter would match with that
// value ticked: actors and targets in SetChoices' order, statuses in data.Statuses'
// order and precisions in data.GeoPrecisions'. A missing count shows none.
func (p *FilterPanel) SetCounts(actors, targets, statuses, precisions []int) {
	p.actors.setCounts(actors)
	p.targets.setCounts(targets)
	p.statuses.setCounts(statuses)
	p.precisions.setCounts(precisions)
}

// SetTotals shows how many events pass the filter, as "312 of 40,000 events".
func (p *FilterPanel) SetTotals(matched, total int) {
	unit := " events"
	if total == 1 {
		unit = " event"
	}
	p.totals.SetText(thousands(matched) + " of " + thousands(total) + unit)
}

// FocusSearch puts the keyboard in the search box of the panel shown on c (for Ctrl+F).
func (p *FilterPanel) FocusSearch(c fyne.Canvas) {
	if c != nil {
		c.Focus(p.search)
	}
}

// Reset clears every condition and calls onChange once if that changed the filter.
func (p *FilterPanel) Reset() {
	before := p.filtered()
	p.cancelSearch()
	p.quiet = true
	p.search.SetText("")
	p.fromEntry.SetText("")
	p.toEntry.SetText("")
	p.quiet = false
	p.from, p.to, p.query = 0, 0, ""
	p.fromEntry.SetValidationError(nil)
	p.toEntry.SetValidationError(nil)
	p.showDateError(nil, nil)
	for _, c := range []*checklist{p.actors, p.targets, p.statuses, p.precisions} {
		c.reset(true)
	}
	if before {
		p.changed()
	}
}

// filtered reports whether any condition is set.
func (p *FilterPanel) filtered() bool {
	return p.from != 0 || p.to != 0 || p.query != "" || p.actors.filtered() ||
		p.targets.filtered() || p.statuses.filtered() || p.precisions.filtered()
}

// changed tells the window about a change the user made.
func (p *FilterPanel) changed() {
	p.updateReset()
	if p.onChange != nil {
		p.onChange(p.Filter())
	}
}

func (p *FilterPanel) updateReset() { setEnabled(p.reset, p.filtered()) }

// blankLabel names the empty value, which the database allows for actor and target.
func blankLabel(s string) string {
	if s == "" {
		return "(not recorded)"
	}
	return s
}

// vocabLabel shows a vocabulary word with a capital: "single-source" → "Single-source".
func vocabLabel(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func vocabNames[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func vocabValues[T ~string](names []string) []T {
	if names == nil {
		return nil
	}
	out := make([]T, len(names))
	for i, n := range names {
		out[i] = T(n)
	}
	return out
}
