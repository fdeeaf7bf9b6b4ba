package data_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/data"
)

// goodEvent is a valid event the cases below break one rule at a time.
func goodEvent() data.Event {
	d, _ := data.ParseDate("2015-11-03")
	e := data.Event{UID: "t-1", DateStart: d, DatePrecision: data.DateDay, Location: orb.Point{39.01, 35.95},
		GeoPrecision: data.GeoTown, Status: data.StatusSingleSource,
		Claims: []data.Claim{{Claimant: "SOHR", Stance: data.StanceReports, Killed: data.Known(42), Civilians: data.Known(27)}}}
	e.Derive()
	return e
}

func TestValidate(t *testing.T) {
	for name, tc := range map[string]struct {
		change func(*data.Event)
		says   string // "" for valid
	}{
		"valid":             {func(*data.Event) {}, ""},
		"latitude 4239":     {func(e *data.Event) { e.Location[1] = 4239 }, "lat 4239 is outside -90..90"},
		"longitude -181":    {func(e *data.Event) { e.Location[0] = -181 }, "lon -181 is outside -180..180"},
		"latitude NaN":      {func(e *data.Event) { e.Location[1] = math.NaN() }, "lat NaN"},
		"no uid":            {func(e *data.Event) { e.UID = " " }, "uid is empty"},
		"no date":           {func(e *data.Event) { e.DateStart = 0 }, "date_start is missing"},
		"end before start":  {func(e *data.Event) { e.DateEnd = e.DateStart - 1 }, "is before date_start"},
		"range without end": {func(e *data.Event) { e.DatePrecision = data.DateRange }, "date_end is missing"},
		"unknown precision": {func(e *data.Event) { e.DatePrecision = "fortnight" }, `date_precision "fortnight" is not one of`},
		"unknown geo":       {func(e *data.Event) { e.GeoPrecision = "street" }, `geo_precision "street"`},
		"unknown status":    {func(e *data.Event) { e.Status = "confirmed" }, `status "confirmed"`},
		"bad origin":        {func(e *data.Event) { e.Origin = &data.Origin{Point: orb.Point{200, 0}} }, "origin_lon 200"},
		"unknown stance":    {func(e *data.Event) { e.Claims[0].Stance = "says" }, `claim 1: stance "says"`},
		"no claimant":       {func(e *data.Event) { e.Claims[0].Claimant = "" }, "claim 1: claimant is empty"},
		"negative figure":   {func(e *data.Event) { e.Claims[0].Injured = data.Known(-3) }, "claim 1: injured -3 is negative"},
		"javascript url":    {func(e *data.Event) { e.Claims[0].Source.URL = "javascript:alert(1)" }, "not http or https"},
		"range out of step": {func(e *data.Event) { e.Killed.Max = data.Known(50) }, "killed range 42..50 does not match its claims (42..42)"},
		"unknown is not 0":  {func(e *data.Event) { e.Civilians = data.Range{} }, "civilians range ?..? does not match"},
	} {
		t.Run(name, func(t *testing.T) {
			e := goodEvent()
			tc.change(&e)
			err := e.Validate()
			switch {
			case tc.says == "" && err != nil:
				t.Errorf("valid event rejected: %v", err)
			case tc.says != "" && err == nil:
				t.Errorf("accepted; want %q", tc.says)
			case tc.says != "" && (!errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), tc.says)):
				t.Errorf("error %q, want ErrInvalid saying %q", err, tc.says)
			}
		})
	}
}

func TestDeriveKeepsUnknownApartFromZero(t *testing.T) {
	e := goodEvent()
	e.Claims = append(e.Claims,
		data.Claim{Claimant: "residents", Stance: data.StanceReports, Civilians: data.Known(0)},
		data.Claim{Claimant: "LWJ", Stance: data.StanceDoubts})
	e.Derive()
	if lo, _ := e.Civilians.Min.Get(); lo != 0 || !e.Civilians.Min.IsKnown() {
		t.Errorf("civilians min = %v, want a known 0", e.Civilians.Min)
	}
	if hi, _ := e.Killed.Max.Get(); hi != 42 {
		t.Errorf("killed max = %v, want 42 (the doubt gives no figure)", e.Killed.Max)
	}
}
