package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ListColumn is one column of the event list.
type ListColumn struct {
	Title    string
	Width    float32
	Sortable bool // tapping the heading sorts by this column
}

// EventList is a table of the filtered events, one row each, that can be sorted by
// tapping a heading. It holds row numbers of the index, not events, so a million rows
// cost four megabytes, and asks for each visible cell's text as it is drawn.
type EventList struct {
	widget.Table

	// OnSelect is called with the index row the user chose.
	OnSelect func(row int32)
	// OnSort is called when a heading is tapped: sort by column col, descending or not.
	OnSort func(col int, desc bool)

	cols    []ListColumn
	rows    []int32
	cell    func(row int32, col int) string
	sortCol int
	desc    bool
	quiet   bool // a selection made by Reveal, not by the user
}

// NewEventList returns an empty list with the given columns; cell gives the text of
// one index row in one column.
func NewEventList(cols []ListColumn, cell func(row int32, col int) string) *EventList {
	l := &EventList{cols: cols, cell: cell, sortCol: -1}
	l.Length = func() (int, int) { return len(l.rows), len(l.cols) }
	l.CreateCell = func() fyne.CanvasObject {
		lb := widget.NewLabel("")
		lb.Truncation = fyne.TextTruncateEllipsis
		return lb
	}
	l.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < len(l.rows) {
			o.(*widget.Label).SetText(l.cell(l.rows[id.Row], id.Col))
		}
	}
	l.ShowHeaderRow = true
	l.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		b.IconPlacement = widget.ButtonIconTrailingText
		return b
	}
	l.UpdateHeader = l.updateHeader
	l.OnSelected = func(id widget.TableCellID) {
		if l.quiet || id.Row < 0 || id.Row >= len(l.rows) {
			return
		}
		if l.OnSelect != nil {
			l.OnSelect(l.rows[id.Row])
		}
	}
	l.ExtendBaseWidget(l)
	for i, c := range cols {
		l.SetColumnWidth(i, c.Width)
	}
	return l
}

func (l *EventList) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(l.cols) {
		b.SetText("")
		return
	}
	c := l.cols[id.Col]
	b.SetText(c.Title)
	switch {
	case id.Col != l.sortCol:
		b.SetIcon(nil)
	case l.desc:
		b.SetIcon(theme.MenuDropDownIcon())
	default:
		b.SetIcon(theme.MenuDropUpIcon())
	}
	if !c.Sortable {
		b.OnTapped = nil
		return
	}
	col := id.Col
	b.OnTapped = func() { l.SortBy(col, col == l.sortCol && !l.desc) }
}

// SortBy marks column col as the sort order and asks the owner to sort.
func (l *EventList) SortBy(col int, desc bool) {
	l.sortCol, l.desc = col, desc
	l.Refresh()
	if l.OnSort != nil {
		l.OnSort(col, desc)
	}
}

// Sort returns the column sorted by, -1 for none, and whether it is descending.
func (l *EventList) Sort() (col int, desc bool) { return l.sortCol, l.desc }

// SetRows replaces the listed rows and shows the first of them. (The table keeps its
// offset otherwise, so a list scrolled far down and then filtered to fewer rows would
// show the empty stretch below them.)
func (l *EventList) SetRows(rows []int32) {
	l.rows = rows
	l.quiet = true
	l.UnselectAll()
	l.quiet = false
	l.ScrollToTop()
	l.Refresh()
}

// Rows returns the listed rows, in their order.
func (l *EventList) Rows() []int32 { return l.rows }

// Reveal selects the line of row and scrolls to it, without calling OnSelect;
// a row not listed clears the selection.
func (l *EventList) Reveal(row int32) {
	l.quiet = true
	defer func() { l.quiet = false }()
	i := slices.Index(l.rows, row)
	if i < 0 {
		l.UnselectAll()
		return
	}
	id := widget.TableCellID{Row: i, Col: 0}
	l.Select(id)
	l.ScrollTo(id)
}
