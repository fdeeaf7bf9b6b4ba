package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NoneSelected is the one value a filter's list holds when the user unticked every
// value of it. No event has it, so the list matches nothing, while an empty list keeps
// meaning "any": data.Filter.Match needs no change, and data.Index.Select must treat a
// name it does not know as matching no row (not drop it and fall back to "any").
const NoneSelected = "\x00none"

// Long lists: past findRows values an expanded list gets a box to narrow it by name,
// and it shows at most maxRows rows (a list inside the scrolling panel would take the
// mouse wheel from it, so the rows are plain widgets and their number is capped).
const (
	findRows = 12
	maxRows  = 100
)

// checklist is one dimension of the filter: its values, each with a tick and a count,
// All and None, and for long lists the most frequent few with a "Show all" toggle.
// Every value ticked means "any"; setValues fixes the order.
type checklist struct {
	names    []string
	label    func(string) string // how a value is shown
	counts   []int               // per value; -1 not known
	checked  []bool
	nChecked int
	top      int  // rows shown while collapsed
	expanded bool // every row (up to maxRows), with the find box
	view     []int
	onChange func()

	rows      []*checkRow // pooled; the first len(view) are shown
	box       *fyne.Container
	all, none *widget.Button
	more      *widget.Button
	find      *widget.Entry
	hidden    *widget.Label // "57 more: type to narrow"
	content   *fyne.Container
}

// newChecklist builds a titled checklist showing top rows until expanded.
func newChecklist(title string, top int, onChange func()) *checklist {
	c := &checklist{top: top, onChange: onChange, label: func(s string) string { return s }}
	c.box = container.New(layout.NewCustomPaddedVBoxLayout(0))
	c.all = widget.NewButton("All", func() { c.setAll(true) })
	c.none = widget.NewButton("None", func() { c.setAll(false) })
	c.more = widget.NewButton("", c.toggleExpanded)
	for _, b := range []*widget.Button{c.all, c.none, c.more} {
		b.Importance = widget.LowImportance
	}
	c.more.Alignment = widget.ButtonAlignLeading
	c.find = widget.NewEntry()
	c.find.SetPlaceHolder("Find " + strings.ToLower(title) + "…")
	c.find.Icon = theme.SearchIcon()
	c.find.OnChanged = func(string) { c.updateView() }
	c.hidden = widget.NewLabel("")
	c.hidden.Importance = widget.LowImportance
	c.hidden.SizeName = theme.SizeNameCaptionText
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.content = container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(c.all, c.none), heading),
		c.find, c.box, c.hidden, c.more)
	c.updateView()
	return c
}

// setValues replaces the values, every one ticked, with their counts (nil: unknown).
func (c *checklist) setValues(names []string, counts []int) {
	c.names = names
	c.checked = make([]bool, len(names))
	c.counts = make([]int, len(names))
	c.reset(true)
	c.setCounts(counts)
}

// setCounts shows counts[i] next to value i; values without one show none.
func (c *checklist) setCounts(counts []int) {
	for i := range c.counts {
		c.counts[i] = -1
		if i < len(counts) {
			c.counts[i] = counts[i]
		}
	}
	c.updateRows()
}

// values returns the ticked values: nil when all are (any value), [NoneSelected] when
// none are.
func (c *checklist) values() []string {
	if c.nChecked == len(c.names) {
		return nil
	}
	if c.nChecked == 0 {
		return []string{NoneSelected}
	}
	out := make([]string, 0, c.nChecked)
	for i, on := range c.checked {
		if on {
			out = append(out, c.names[i])
		}
	}
	return out
}

// filtered reports whether some value is unticked.
func (c *checklist) filtered() bool { return c.nChecked < len(c.names) }

// toggle flips value i, as a tap on its row does.
func (c *checklist) toggle(i int) {
	c.checked[i] = !c.checked[i]
	if c.checked[i] {
		c.nChecked++
	} else {
		c.nChecked--
	}
	c.updateRows()
	c.changed()
}

// setAll ticks (on) or unticks every value, calling onChange if that changed anything.
func (c *checklist) setAll(on bool) {
	if (on && c.nChecked == len(c.names)) || (!on && c.nChecked == 0) {
		return
	}
	c.reset(on)
	c.changed()
}

// reset ticks or unticks every value without calling onChange.
func (c *checklist) reset(on bool) {
	for i := range c.checked {
		c.checked[i] = on
	}
	c.nChecked = 0
	if on {
		c.nChecked = len(c.names)
	}
	c.updateView()
}

func (c *checklist) changed() {
	c.updateButtons()
	if c.onChange != nil {
		c.onChange()
	}
}

func (c *checklist) toggleExpanded() {
	c.expanded = !c.expanded
	c.find.SetText("") // calls updateView
	c.updateView()
}

// updateView picks the rows to show: the top few, or every value whose name holds the
// find box's text.
func (c *checklist) updateView() {
	c.view = c.view[:0]
	n := len(c.names)
	if !c.expanded && n > c.top+2 { // two more rows are cheaper than a button
		n = c.top
	}
	q := strings.ToLower(strings.TrimSpace(c.find.Text))
	matched := 0
	for i := range c.names[:n] {
		if q == "" || strings.Contains(strings.ToLower(c.label(c.names[i])), q) {
			if matched++; len(c.view) < maxRows {
				c.view = append(c.view, i)
			}
		}
	}
	c.hidden.SetText(thousands(matched-len(c.view)) + " more: type to narrow the list")
	c.hidden.Hidden = matched == len(c.view)
	c.find.Hidden = !c.expanded || len(c.names) <= findRows
	c.updateRows()
	c.updateButtons()
	c.content.Refresh()
}

// updateRows shows the values of view in the pooled rows.
func (c *checklist) updateRows() {
	for len(c.rows) < len(c.view) {
		k := len(c.rows)
		c.rows = append(c.rows, newCheckRow(func() {
			if k < len(c.view) {
				c.toggle(c.view[k])
			}
		}))
	}
	top := maxCount(c.counts)
	objs := make([]fyne.CanvasObject, len(c.view))
	for k, i := range c.view {
		var share float32
		if top > 0 && c.counts[i] > 0 {
			share = float32(c.counts[i]) / float32(top)
		}
		c.rows[k].set(c.label(c.names[i]), c.counts[i], share, c.checked[i])
		objs[k] = c.rows[k]
	}
	if !slices.Equal(c.box.Objects, objs) {
		c.box.Objects = objs
		c.box.Refresh()
	}
}

func (c *checklist) updateButtons() {
	setEnabled(c.all, c.nChecked < len(c.names))
	setEnabled(c.none, c.nChecked > 0)
	switch {
	case c.expanded:
		c.more.SetText("Show fewer")
		c.more.SetIcon(theme.MenuDropUpIcon())
		c.more.Show()
	case len(c.names) > c.top+2:
		c.more.SetText("Show all " + thousands(len(c.names)))
		c.more.SetIcon(theme.MenuDropDownIcon())
		c.more.Show()
	default:
		c.more.Hide()
	}
}

func maxCount(counts []int) int {
	m := 0
	for _, n := range counts {
		m = max(m, n)
	}
	return m
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
