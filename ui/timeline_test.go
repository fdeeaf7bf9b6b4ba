package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/strikemap/strikemap/data"
)

// rangeCall is one call of a timeline's onRange.
type rangeCall struct{ from, to data.Date }

// newTestTimeline returns a 600×100 timeline in a window with n bins of unit from
// start, and the calls its onRange received.
func newTestTimeline(t *testing.T, start data.Date, unit string, n int) (*Timeline, *[]rangeCall) {
	t.Helper()
	test.NewTempApp(t)
	var calls []rangeCall
	tl := NewTimeline(func(from, to data.Date) { calls = append(calls, rangeCall{from, to}) })
	tl.interval = time.Hour // Play's ticks stay out of the tests; Step stands in for them
	counts := make([]int, n)
	for i := range counts {
		counts[i] = i%5 + 1
	}
	tl.SetData(start, unit, counts)
	w := test.NewTempWindow(t, tl)
	w.Resize(fyne.NewSize(600, 100))
	return tl, &calls
}

// drag drags across tl from bin position a to b in two pointer motions, as a user does.
func drag(tl *Timeline, a, b float64) {
	x0, x1 := tl.xAt(a), tl.xAt(b)
	y := tl.plot().y + tl.plot().h/2
	mid := x0 + (x1-x0)/2
	tl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(mid, y)}, Dragged: fyne.NewDelta(mid-x0, 0)})
	tl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x1, y)}, Dragged: fyne.NewDelta(x1-mid, 0)})
	tl.DragEnd()
}

func TestTimelineDrag(t *testing.T) {
	mar := func(day int) data.Date { return data.DateOf(2024, time.March, day) }
	for name, tc := range map[string]struct {
		unit     string
		from, to data.Date // the window before the drag
		a, b     float64   // drag from, to (bin positions)
		want     rangeCall
	}{
		"draw a window":             {a: 2.2, b: 5.4, want: rangeCall{mar(3), mar(6)}},
		"draw a window backwards":   {a: 5.4, b: 2.2, want: rangeCall{mar(3), mar(6)}},
		"draw past the end":         {a: 8.5, b: 14, want: rangeCall{mar(9), mar(10)}},
		"a click-sized drag":        {a: 4.1, b: 4.3, want: rangeCall{mar(5), mar(5)}},
		"draw over a window":        {from: mar(2), to: mar(3), a: 6.5, b: 8.6, want: rangeCall{mar(7), mar(9)}},
		"move":                      {from: mar(3), to: mar(5), a: 3.5, b: 5.6, want: rangeCall{mar(5), mar(7)}},
		"move stops at the end":     {from: mar(3), to: mar(5), a: 3.5, b: 30, want: rangeCall{mar(8), mar(10)}},
		"move stops at the start":   {from: mar(3), to: mar(5), a: 3.5, b: -9, want: rangeCall{mar(1), mar(3)}},
		"resize the right edge":     {from: mar(3), to: mar(5), a: 5, b: 8.3, want: rangeCall{mar(3), mar(8)}},
		"resize the left edge":      {from: mar(3), to: mar(5), a: 2, b: 0.4, want: rangeCall{mar(1), mar(5)}},
		"left edge past the right":  {from: mar(3), to: mar(5), a: 2, b: 7, want: rangeCall{mar(6), mar(7)}},
		"open window's right edge":  {from: mar(3), a: 10, b: 6, want: rangeCall{mar(3), mar(6)}},
		"months: draw a window":     {unit: unitMonth, a: 1.2, b: 2.5, want: rangeCall{data.DateOf(2024, 4, 1), data.DateOf(2024, 5, 31)}},
		"months: move keeps months": {unit: unitMonth, from: data.DateOf(2024, 4, 1), to: data.DateOf(2024, 4, 30), a: 1.5, b: 2.5, want: rangeCall{data.DateOf(2024, 5, 1), data.DateOf(2024, 5, 31)}},
	} {
		t.Run(name, func(t *testing.T) {
			unit := tc.unit
			if unit == "" {
				unit = unitDay
			}
			tl, calls := newTestTimeline(t, mar(1), unit, 10)
			tl.SetRange(tc.from, tc.to)
			drag(tl, tc.a, tc.b)
			if len(*calls) == 0 {
				t.Fatal("onRange was not called")
			}
			if got := (*calls)[len(*calls)-1]; got != tc.want {
				t.Errorf("onRange(%s, %s), want (%s, %s)", got.from, got.to, tc.want.from, tc.want.to)
			}
			if from, to := tl.Range(); from != tc.want.from || to != tc.want.to {
				t.Errorf("Range() = %s, %s", from, to)
			}
		})
	}
}

func TestTimelineDragCallsOncePerChange(t *testing.T) {
	tl, calls := newTestTimeline(t, data.DateOf(2024, 1, 1), unitDay, 10)
	y := tl.plot().y + 5
	x := tl.xAt(2.3)
	for i := range 5 { // motions within one bin change nothing after the first
		tl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x+float32(i), y)}, Dragged: fyne.NewDelta(1, 0)})
	}
	tl.DragEnd()
	if len(*calls) != 1 {
		t.Errorf("onRange called %d times, want 1", len(*calls))
	}
}

func TestTimelineTapAndHover(t *testing.T) {
	start := data.DateOf(2024, 1, 1)
	tl, calls := newTestTimeline(t, start, unitWeek, 8)
	pos := fyne.NewPos(tl.xAt(2.5), tl.plot().y+10)
	test.TapAt(tl, pos)
	want := rangeCall{start + 14, start + 20}
	if len(*calls) != 1 || (*calls)[0] != want {
		t.Errorf("tap: onRange calls %v, want [%v]", *calls, want)
	}
	tl.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	if got := tl.hoverText(); got != "week of 2024-01-15 · 3 events" {
		t.Errorf("hover text %q", got)
	}
	tl.MouseOut()
	if got := tl.hoverText(); got != "2024-01-15 – 2024-01-21" {
		t.Errorf("text after hover %q", got)
	}
}

func TestTimelineFewBins(t *testing.T) {
	for name, n := range map[string]int{"no data": 0, "one bin": 1} {
		t.Run(name, func(t *testing.T) {
			tl, _ := newTestTimeline(t, data.DateOf(2024, 1, 1), unitMonth, n)
			tl.SetRange(data.DateOf(2024, 1, 5), 0)
			drag(tl, 0.2, 0.8)
			test.TapAt(tl, fyne.NewPos(tl.xAt(0.5), tl.plot().y+5))
			tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(300, 50)}})
			tl.Step()
			tl.Play()
			tl.Pause()
			_ = tl.Cursor()
			tl.Resize(fyne.NewSize(0, 0)) // no room to draw
			tl.Refresh()
			test.WidgetRenderer(tl).Objects()
		})
	}
}

func TestTimelineStep(t *testing.T) {
	day := func(i int) data.Date { return data.DateOf(2024, 3, 1) + data.Date(i) }
	tl, calls := newTestTimeline(t, day(0), unitDay, 10)
	tl.SetRange(day(0), day(2)) // bins [0, 3)
	for _, want := range []rangeCall{{day(3), day(5)}, {day(6), day(8)}, {day(7), day(9)}} {
		if !tl.Step() {
			t.Fatalf("Step stopped before %v", want)
		}
		if got := (*calls)[len(*calls)-1]; got != want {
			t.Errorf("step to %s..%s, want %s..%s", got.from, got.to, want.from, want.to)
		}
	}
	if tl.Step() {
		t.Error("Step went past the end")
	}

	tl.Play() // at the end: back to the start, same width
	if got := (*calls)[len(*calls)-1]; got != (rangeCall{day(0), day(2)}) || !tl.Playing() {
		t.Errorf("Play at the end went to %v, playing %v", got, tl.Playing())
	}
	tl.Pause()
	tl.SetRange(0, 0)
	tl.Play() // no window: the first bar
	if got := (*calls)[len(*calls)-1]; got != (rangeCall{day(0), day(0)}) {
		t.Errorf("Play without a window went to %v", got)
	}
	test.Tap(tl.play)
	if tl.Playing() {
		t.Error("the button did not pause")
	}
}

func TestBinScale(t *testing.T) {
	start := data.DateOf(2024, 1, 1)
	edges := binEdges(start, unitMonth, 3)
	want := []data.Date{start, data.DateOf(2024, 2, 1), data.DateOf(2024, 3, 1), data.DateOf(2024, 4, 1)}
	for i := range want {
		if edges[i] != want[i] {
			t.Fatalf("binEdges = %v, want %v", edges, want)
		}
	}
	for _, tc := range []struct {
		d   data.Date
		pos float64
	}{
		{start - 5, 0}, {start, 0}, {data.DateOf(2024, 1, 16), 15.0 / 31}, {data.DateOf(2024, 2, 1), 1}, {data.DateOf(2024, 4, 1), 3}, {data.DateOf(2025, 1, 1), 3},
	} {
		if got := binPos(edges, tc.d); got != tc.pos {
			t.Errorf("binPos(%s) = %v, want %v", tc.d, got, tc.pos)
		}
		if tc.d >= start && tc.d <= edges[3] {
			if got := dayAt(edges, tc.pos); got != tc.d {
				t.Errorf("dayAt(%v) = %s, want %s", tc.pos, got, tc.d)
			}
		}
	}
	if binPos(nil, start) != 0 || dayAt(nil, 1) != 0 {
		t.Error("an empty scale should give zeros")
	}
}

func TestAxisTicks(t *testing.T) {
	d := data.DateOf
	for name, tc := range map[string]struct {
		first, end data.Date
		perDay     float32
		want       []string
	}{
		"years":  {d(2019, 1, 1), d(2025, 1, 1), 0.1, []string{"2020", "2022", "2024"}},
		"months": {d(2023, 11, 1), d(2024, 5, 1), 2.2, []string{"Nov 2023", "Dec", "2024", "Feb", "Mar", "Apr"}},
		"weeks":  {d(2024, 2, 20), d(2024, 3, 10), 10, []string{"Feb 26, 2024", "Mar 4"}},
		"empty":  {d(2024, 1, 1), d(2024, 1, 1), 10, nil},
	} {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, tk := range axisTicks(tc.first, tc.end, tc.perDay, 64) {
				got = append(got, tk.label)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("labels %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("labels %q, want %q", got, tc.want)
				}
			}
		})
	}
}
