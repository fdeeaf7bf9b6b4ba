package ui_test

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/ui"
)

// shownCells returns the texts of the list's cells that are on screen.
func shownCells(t *testing.T, l *ui.EventList) []string {
	var out []string
	walk(t, l, func(o fyne.CanvasObject) {
		if lb, ok := o.(*widget.Label); ok && lb.Visible() && lb.Text != "" {
			out = append(out, lb.Text)
		}
	})
	return out
}

// A list scrolled far down and then given fewer rows (a filter that matches less)
// shows its first rows, not an empty stretch below them.
func TestEventListShowsFewerRowsAfterScrolling(t *testing.T) {
	test.NewTempApp(t)
	l := ui.NewEventList([]ui.ListColumn{{Title: "Row", Width: 120}}, func(row int32, col int) string {
		return fmt.Sprintf("row %d", row)
	})
	test.NewTempWindow(t, l).Resize(fyne.NewSize(200, 300))
	all := make([]int32, 500)
	for i := range all {
		all[i] = int32(i)
	}
	l.SetRows(all)
	l.Reveal(450)
	if cells := shownCells(t, l); !slices.Contains(cells, "row 450") {
		t.Fatalf("after Reveal(450) the list shows %q", cells)
	}
	l.SetRows([]int32{7, 8, 9})
	if cells := shownCells(t, l); !slices.Contains(cells, "row 7") || !slices.Contains(cells, "row 9") {
		t.Errorf("with three rows left the list shows %q", cells)
	}
}
