package ui

import (
	"time"

	"github.com/strikemap/strikemap/data"
)

// axisTick is a labelled day on the timeline's axis.
type axisTick struct {
	day   data.Date
	label string
	major bool // the start of a year, drawn stronger
}

// tickStep is one spacing the axis may use: every n days, weeks, months or years.
type tickStep struct {
	unit string // unitDay, unitWeek, unitMonth or "year"
	n    int
	days float32 // about how many days apart
}

var tickSteps = []tickStep{
	{unitDay, 1, 1}, {unitDay, 2, 2}, {unitWeek, 1, 7}, {unitWeek, 2, 14},
	{unitMonth, 1, 30.4}, {unitMonth, 2, 61}, {unitMonth, 3, 91}, {unitMonth, 6, 183},
	{"year", 1, 365}, {"year", 2, 730}, {"year", 5, 1826}, {"year", 10, 3652},
	{"year", 20, 7305}, {"year", 50, 18262}, {"year", 100, 36524},
}

// axisTicks returns the ticks between first and end (exclusive), the finest spacing
// that keeps them gap units apart when a day is perDay units wide. The first names its
// year unless it starts one, so the axis always says which year it begins in.
func axisTicks(first, end data.Date, perDay, gap float32) []axisTick {
	if end <= first || perDay <= 0 {
		return nil
	}
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if s.days*perDay >= gap {
			step = s
			break
		}
	}
	var out []axisTick
	add := func(d data.Date) {
		t := d.Time()
		tk := axisTick{day: d, label: t.Format("Jan 2")}
		switch {
		case t.YearDay() == 1:
			tk.label, tk.major = t.Format("2006"), true
		case step.unit == unitMonth:
			tk.label = t.Format("Jan")
		}
		out = append(out, tk)
	}
	ft := first.Time()
	switch step.unit {
	case unitDay, unitWeek:
		every := data.Date(step.n)
		if step.unit == unitWeek {
			every *= 7
		}
		d := first
		if step.unit == unitWeek { // Mondays; day 1, 0001-01-01, was one
			d += (every - (first-1)%every) % every
		}
		for ; d < end; d += every {
			add(d)
		}
	case unitMonth:
		m := (int(ft.Month()) - 1) / step.n * step.n // 0-based, a multiple of n
		for d := data.DateOf(ft.Year(), time.Month(m+1), 1); d < end; d = data.DateOf(ft.Year(), time.Month(m+1), 1) {
			if d >= first {
				add(d)
			}
			m += step.n
		}
	default:
		for y := ft.Year() / step.n * step.n; data.DateOf(y, 1, 1) < end; y += step.n {
			if d := data.DateOf(y, 1, 1); d >= first {
				add(d)
			}
		}
	}
	if len(out) > 0 && !out[0].major {
		layout := "Jan 2, 2006"
		if step.unit == unitMonth {
			layout = "Jan 2006"
		}
		out[0].label = out[0].day.Time().Format(layout)
	}
	return out
}
