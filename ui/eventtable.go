package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// eventColumns are the table's headings, with each column's width and cell text.
var eventColumns = []struct {
	title string
	width float32
	text  func(*data.Event) string
}{
	{"Date", 100, func(e *data.Event) string { return e.DateStart.String() }},
	{"Place", 200, func(e *data.Event) string { return e.Place }},
	{"Actor", 110, func(e *data.Event) string { return e.Actor }},
	{"Target", 130, func(e *data.Event) string { return e.TargetType }},
	{"Killed", 80, func(e *data.Event) string { return rangeText(e.Killed) }},
	{"Status", 100, func(e *data.Event) string { return string(e.Status) }},
}

// EventTable lists events, one row each, and reports the row the user selects.
type EventTable struct {
	widget.Table
	events   []*data.Event
	onSelect func(*data.Event)
}

// NewEventTable returns an empty table that calls onSelect with the event of a chosen row.
func NewEventTable(onSelect func(*data.Event)) *EventTable {
	t := &EventTable{onSelect: onSelect}
	t.Length = func() (int, int) { return len(t.events), len(eventColumns) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(eventColumns[id.Col].text(t.events[id.Row]))
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(eventColumns[id.Col].title)
		}
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.events) && t.onSelect != nil {
			t.onSelect(t.events[id.Row])
		}
	}
	t.ExtendBaseWidget(t)
	for i, c := range eventColumns {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// SetEvents replaces the listed events.
func (t *EventTable) SetEvents(events []*data.Event) {
	t.events = events
	t.UnselectAll()
	t.Refresh()
}

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
