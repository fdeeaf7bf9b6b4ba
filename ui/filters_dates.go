package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// errDatesReversed flags both date entries when To is before From.
var errDatesReversed = errors.New("To is before From")

// newDateEntries builds the From and To entries: YYYY-MM-DD, empty for an open end,
// each with a calendar button.
func (p *FilterPanel) newDateEntries() {
	p.dateError = widget.NewLabel("")
	p.dateError.Importance = widget.DangerImportance
	p.dateError.Wrapping = fyne.TextWrapWord
	p.dateError.SizeName = theme.SizeNameCaptionText
	p.dateError.Hide()
	p.fromEntry = p.newDateEntry(func(errFrom, _ error) error { return errFrom })
	p.toEntry = p.newDateEntry(func(_, errTo error) error { return errTo })
}

func (p *FilterPanel) newDateEntry(pick func(errFrom, errTo error) error) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("YYYY-MM-DD")
	e.Validator = func(string) error {
		_, _, errFrom, errTo := p.readDates()
		return pick(errFrom, errTo)
	}
	e.OnChanged = func(string) {
		if !p.quiet {
			p.datesEdited()
		}
	}
	cal := widget.NewButtonWithIcon("", theme.CalendarIcon(), func() { p.showCalendar(e) })
	cal.Importance = widget.LowImportance
	e.ActionItem = cal
	return e
}

// readDates reads both entries; a reversed range is an error on both.
func (p *FilterPanel) readDates() (from, to data.Date, errFrom, errTo error) {
	from, errFrom = readDay(p.fromEntry.Text)
	to, errTo = readDay(p.toEntry.Text)
	if errFrom == nil && errTo == nil && from != 0 && to != 0 && to < from {
		errFrom, errTo = errDatesReversed, errDatesReversed
	}
	return from, to, errFrom, errTo
}

// readDay reads YYYY-MM-DD; blank text is the zero Date, an open end.
func readDay(s string) (data.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	d, err := data.ParseDate(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a day as YYYY-MM-DD", s)
	}
	return d, nil
}

// datesEdited applies each entry whose text is a valid date; an invalid one keeps the
// date last applied and says why.
func (p *FilterPanel) datesEdited() {
	from, to, errFrom, errTo := p.readDates()
	p.fromEntry.SetValidationError(errFrom)
	p.toEntry.SetValidationError(errTo)
	p.showDateError(errFrom, errTo)
	changed := false
	if errFrom == nil && from != p.from {
		p.from, changed = from, true
	}
	if errTo == nil && to != p.to {
		p.to, changed = to, true
	}
	if changed {
		p.changed()
	}
}

// showDateError explains what is wrong with the dates under them; a date still being
// typed is not wrong yet.
func (p *FilterPanel) showDateError(errFrom, errTo error) {
	var msgs []string
	switch {
	case errors.Is(errFrom, errDatesReversed):
		msgs = append(msgs, errDatesReversed.Error())
	default:
		if errFrom != nil && !partialDay(p.fromEntry.Text) {
			msgs = append(msgs, "From: "+errFrom.Error())
		}
		if errTo != nil && !partialDay(p.toEntry.Text) {
			msgs = append(msgs, "To: "+errTo.Error())
		}
	}
	msg := strings.Join(msgs, "\n")
	p.dateError.SetText(msg)
	if msg == "" {
		p.dateError.Hide()
	} else {
		p.dateError.Show()
	}
}

// partialDay reports whether s is the start of a YYYY-MM-DD date still being typed.
func partialDay(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) >= len("YYYY-MM-DD") {
		return false
	}
	for i, c := range s {
		if (i == 4 || i == 7) != (c == '-') || (c != '-' && (c < '0' || c > '9')) {
			return false
		}
	}
	return true
}

// SetDates shows from and to (zero: open) in the date entries and applies them, without
// calling onChange: the timeline calls it while dragging, and the caller applies
// Filter itself.
func (p *FilterPanel) SetDates(from, to data.Date) {
	p.quiet = true
	p.fromEntry.SetText(from.String())
	p.toEntry.SetText(to.String())
	p.quiet = false
	p.from, p.to = from, to
	p.fromEntry.SetValidationError(nil)
	p.toEntry.SetValidationError(nil)
	p.showDateError(nil, nil)
	p.updateReset()
}

// showCalendar opens a month calendar under e; picking a day writes it into e.
func (p *FilterPanel) showCalendar(e *widget.Entry) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	start := time.Now()
	if d, err := readDay(e.Text); err == nil && d != 0 {
		start = d.Time()
	} else if p.from != 0 {
		start = p.from.Time()
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		pop.Hide()
		e.SetText(data.DateOf(t.Year(), t.Month(), t.Day()).String())
	})
	pop = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
}
