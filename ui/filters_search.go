package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newSearch builds the search box. Typing applies the text once the keys have rested
// for p.debounce, so a fast typist over a million events starts one search, not ten;
// Enter applies at once. p.after makes the timer (tests replace it).
func (p *FilterPanel) newSearch() {
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Search summaries, places, claims")
	p.search.Icon = theme.SearchIcon()
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() {
		p.search.SetText("")
		p.applySearch()
	})
	clear.Importance = widget.LowImportance
	clear.Hide()
	p.search.ActionItem = clear
	p.search.OnChanged = func(s string) {
		if s == "" {
			clear.Hide()
		} else {
			clear.Show()
		}
		if !p.quiet {
			p.searchLater()
		}
	}
	p.search.OnSubmitted = func(string) { p.applySearch() }
}

// searchLater applies the search box's text after p.debounce unless another key, Enter
// or Reset comes first: each cancels the wait before it.
func (p *FilterPanel) searchLater() {
	p.cancelSearch()
	cancel := make(chan struct{})
	p.searchCancel = cancel
	go func(rested <-chan time.Time) {
		select {
		case <-cancel:
			return
		case <-rested:
		}
		select {
		case <-cancel: // the key came with the timer
		default:
			fyne.Do(func() {
				if p.searchCancel == cancel { // nothing since, while this waited its turn
					p.applySearch()
				}
			})
		}
	}(p.after(p.debounce))
}

// cancelSearch drops the search waiting to run, if any.
func (p *FilterPanel) cancelSearch() {
	if p.searchCancel != nil {
		close(p.searchCancel)
		p.searchCancel = nil
	}
}

// applySearch applies the search box's words, if they differ from those applied.
func (p *FilterPanel) applySearch() {
	p.cancelSearch()
	q := strings.Join(strings.Fields(p.search.Text), " ")
	if q == p.query {
		return
	}
	p.query = q
	p.changed()
}
