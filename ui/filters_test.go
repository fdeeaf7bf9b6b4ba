package ui

import (
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/strikemap/strikemap/data"
)

var (
	testActors  = []Choice{{"Russia", 900}, {"Israel", 500}, {"United States", 300}, {"Houthis", 20}}
	testTargets = []Choice{{"Residential", 700}, {"Military", 600}, {"Market", 40}}
)

// newTestPanel returns a panel in a window with the test choices, and the filters its
// onChange received.
func newTestPanel(t *testing.T) (*FilterPanel, *[]data.Filter) {
	t.Helper()
	test.NewTempApp(t)
	var got []data.Filter
	p := NewFilterPanel(func(f data.Filter) { got = append(got, f) })
	p.SetChoices(testActors, testTargets)
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(320, 900))
	return p, &got
}

// tapValue taps the row of c that shows value.
func tapValue(t *testing.T, c *checklist, value string) {
	t.Helper()
	for k, i := range c.view {
		if c.names[i] == value {
			test.Tap(c.rows[k])
			return
		}
	}
	t.Fatalf("no row shows %q", value)
}

func TestFilterPanelEdits(t *testing.T) {
	d := func(s string) data.Date {
		v, err := data.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for name, tc := range map[string]struct {
		do    func(t *testing.T, p *FilterPanel)
		want  data.Filter
		calls int // onChange calls expected
	}{
		"nothing": {do: func(*testing.T, *FilterPanel) {}},
		"untick one actor": {
			do:    func(t *testing.T, p *FilterPanel) { tapValue(t, p.actors, "Israel") },
			want:  data.Filter{Actors: []string{"Russia", "United States", "Houthis"}},
			calls: 1,
		},
		"untick and tick again": {
			do: func(t *testing.T, p *FilterPanel) {
				tapValue(t, p.actors, "Israel")
				tapValue(t, p.actors, "Israel")
			},
			calls: 2,
		},
		"none actors matches nothing": {
			do:    func(t *testing.T, p *FilterPanel) { test.Tap(p.actors.none) },
			want:  data.Filter{Actors: []string{NoneSelected}},
			calls: 1,
		},
		"none then one target": {
			do: func(t *testing.T, p *FilterPanel) {
				test.Tap(p.targets.none)
				tapValue(t, p.targets, "Market")
			},
			want:  data.Filter{Targets: []string{"Market"}},
			calls: 2,
		},
		"none then all": {
			do: func(t *testing.T, p *FilterPanel) {
				test.Tap(p.targets.none)
				test.Tap(p.targets.all)
			},
			calls: 2,
		},
		"all when all are ticked changes nothing": {
			do: func(t *testing.T, p *FilterPanel) { test.Tap(p.targets.all) },
		},
		"statuses": {
			do: func(t *testing.T, p *FilterPanel) {
				tapValue(t, p.statuses, string(data.StatusAlleged))
				tapValue(t, p.statuses, string(data.StatusSingleSource))
			},
			want:  data.Filter{Statuses: []data.Status{data.StatusDeclared, data.StatusLikely, data.StatusContested}},
			calls: 2,
		},
		"geo precisions": {
			do: func(t *testing.T, p *FilterPanel) {
				test.Tap(p.precisions.none)
				tapValue(t, p.precisions, string(data.GeoExact))
				tapValue(t, p.precisions, string(data.GeoTown))
			},
			want:  data.Filter{Precisions: []data.GeoPrecision{data.GeoExact, data.GeoTown}},
			calls: 3,
		},
		"no geo precision": {
			do:    func(t *testing.T, p *FilterPanel) { test.Tap(p.precisions.none) },
			want:  data.Filter{Precisions: []data.GeoPrecision{NoneSelected}},
			calls: 1,
		},
		"from date": {
			do:    func(t *testing.T, p *FilterPanel) { test.Type(p.fromEntry, "2024-03-01") },
			want:  data.Filter{From: d("2024-03-01")},
			calls: 1,
		},
		"both dates": {
			do: func(t *testing.T, p *FilterPanel) {
				test.Type(p.fromEntry, "2024-03-01")
				test.Type(p.toEntry, "2024-03-31")
			},
			want:  data.Filter{From: d("2024-03-01"), To: d("2024-03-31")},
			calls: 2,
		},
		"impossible day keeps the filter": {
			do:   func(t *testing.T, p *FilterPanel) { test.Type(p.toEntry, "2015-02-30") },
			want: data.Filter{},
		},
		"to before from keeps the old to": {
			do: func(t *testing.T, p *FilterPanel) {
				test.Type(p.toEntry, "2024-03-31")
				test.Type(p.fromEntry, "2024-04-15")
			},
			want:  data.Filter{To: d("2024-03-31")},
			calls: 1,
		},
		"clearing a date opens that end": {
			do: func(t *testing.T, p *FilterPanel) {
				test.Type(p.fromEntry, "2024-03-01")
				p.fromEntry.SetText("")
			},
			calls: 2,
		},
		"search on enter": {
			do: func(t *testing.T, p *FilterPanel) {
				p.after = func(time.Duration) <-chan time.Time { return nil }
				test.Type(p.search, "  market   strike ")
				p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			},
			want:  data.Filter{Query: "market strike"},
			calls: 1,
		},
		"typing waits for the keys to rest": {
			do: func(t *testing.T, p *FilterPanel) {
				p.after = func(time.Duration) <-chan time.Time { return nil }
				test.Type(p.search, "market")
			},
		},
		"reset": {
			do: func(t *testing.T, p *FilterPanel) {
				tapValue(t, p.actors, "Russia")
				test.Type(p.fromEntry, "2024-03-01")
				test.Tap(p.reset)
			},
			calls: 3,
		},
	} {
		t.Run(name, func(t *testing.T) {
			p, got := newTestPanel(t)
			tc.do(t, p)
			if f := p.Filter(); !reflect.DeepEqual(f, tc.want) {
				t.Errorf("Filter() = %+v, want %+v", f, tc.want)
			}
			if len(*got) != tc.calls {
				t.Fatalf("onChange called %d times, want %d", len(*got), tc.calls)
			}
			if tc.calls > 0 && !reflect.DeepEqual((*got)[len(*got)-1], tc.want) {
				t.Errorf("last onChange got %+v, want %+v", (*got)[len(*got)-1], tc.want)
			}
		})
	}
}

func TestFilterPanelDateErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		from, to  string
		wantShown bool
	}{
		"valid":          {from: "2024-01-01", to: "2024-02-01"},
		"open ends":      {},
		"not a date":     {from: "yesterday", wantShown: true},
		"no such day":    {to: "2023-02-29", wantShown: true},
		"reversed range": {from: "2024-02-01", to: "2024-01-01", wantShown: true},
		"still typing":   {from: "2024-0"},
	} {
		t.Run(name, func(t *testing.T) {
			p, _ := newTestPanel(t)
			test.Type(p.fromEntry, tc.from)
			test.Type(p.toEntry, tc.to)
			if p.dateError.Visible() != tc.wantShown {
				t.Errorf("error shown = %v (%q), want %v", p.dateError.Visible(), p.dateError.Text, tc.wantShown)
			}
		})
	}
}

func TestFilterPanelSetDatesDoesNotEcho(t *testing.T) {
	p, got := newTestPanel(t)
	from, to := data.DateOf(2023, 5, 1), data.DateOf(2023, 5, 31)
	p.SetDates(from, to)
	if len(*got) != 0 {
		t.Fatalf("SetDates called onChange %d times", len(*got))
	}
	if f := p.Filter(); f.From != from || f.To != to {
		t.Errorf("Filter() dates = %s..%s, want %s..%s", f.From, f.To, from, to)
	}
	if p.fromEntry.Text != "2023-05-01" || p.toEntry.Text != "2023-05-31" {
		t.Errorf("entries show %q, %q", p.fromEntry.Text, p.toEntry.Text)
	}
	p.SetDates(0, 0)
	if f := p.Filter(); f.From != 0 || f.To != 0 || p.fromEntry.Text != "" {
		t.Errorf("SetDates(0, 0) left %s..%s, %q", f.From, f.To, p.fromEntry.Text)
	}
}

func TestFilterPanelSearchDebounced(t *testing.T) {
	test.NewTempApp(t)
	done := make(chan data.Filter, 4)
	p := NewFilterPanel(func(f data.Filter) { done <- f })
	test.NewTempWindow(t, p)
	rested := make(chan time.Time)
	p.after = func(time.Duration) <-chan time.Time { return rested }
	test.Type(p.search, "hospital") // eight waits, each key cancelling the one before
	if len(done) != 0 {
		t.Fatal("the search ran before the keys rested")
	}
	close(rested) // every wait ends now; only the last may search
	select {
	case f := <-done:
		if f.Query != "hospital" {
			t.Errorf("Query = %q, want %q", f.Query, "hospital")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the search was never applied")
	}
}

func TestFilterPanelFocusSearch(t *testing.T) {
	test.NewTempApp(t)
	p := NewFilterPanel(nil)
	w := test.NewTempWindow(t, p)
	p.FocusSearch(w.Canvas())
	if w.Canvas().Focused() != p.search {
		t.Errorf("focused %T, want the search box", w.Canvas().Focused())
	}
	p.FocusSearch(nil) // no canvas yet: nothing to do
}

func TestFilterPanelTotals(t *testing.T) {
	p, _ := newTestPanel(t)
	for _, tc := range []struct {
		matched, total int
		want           string
	}{
		{312, 40000, "312 of 40,000 events"},
		{0, 1, "0 of 1 event"},
		{1234567, 1234567, "1,234,567 of 1,234,567 events"},
	} {
		p.SetTotals(tc.matched, tc.total)
		if p.totals.Text != tc.want {
			t.Errorf("SetTotals(%d, %d) shows %q, want %q", tc.matched, tc.total, p.totals.Text, tc.want)
		}
	}
}

func TestChecklistLongList(t *testing.T) {
	test.NewTempApp(t)
	c := newChecklist("Actors", 3, nil)
	names := make([]string, 250)
	for i := range names {
		names[i] = "actor " + thousands(i)
	}
	c.setValues(names, nil)
	if len(c.view) != 3 || !c.more.Visible() || c.find.Visible() {
		t.Fatalf("collapsed: %d rows, more %v, find %v", len(c.view), c.more.Visible(), c.find.Visible())
	}
	test.Tap(c.more)
	if len(c.view) != maxRows || !c.hidden.Visible() || !c.find.Visible() {
		t.Fatalf("expanded: %d rows, hidden note %v, find %v", len(c.view), c.hidden.Visible(), c.find.Visible())
	}
	test.Type(c.find, "actor 24")
	if len(c.view) != 11 || c.hidden.Visible() { // 24 and 240..249
		t.Errorf("find: %d rows, hidden note %v", len(c.view), c.hidden.Visible())
	}
	c.setCounts([]int{5}) // shorter than the list: the rest show no count
	if c.counts[0] != 5 || c.counts[1] != -1 {
		t.Errorf("counts = %v…", c.counts[:2])
	}
}
