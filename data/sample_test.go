package data_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data"
)

// unk in a figures table means "the claim gives no figure": the Count must be unknown, not 0.
const unk = -1

// figures are the casualty figures a claim must give; unk for each one it leaves out.
type figures struct{ killed, civilians, combatants, injured int64 }

func loadSample(t *testing.T) []data.Event {
	t.Helper()
	events, err := data.Sample()
	if err != nil {
		t.Fatalf("Sample: %v", err)
	}
	if len(events) == 0 {
		t.Fatal("Sample returned no events")
	}
	return events
}

// byPlace returns the events whose place names contain place (case-insensitive).
func byPlace(events []data.Event, place string) []data.Event {
	var out []data.Event
	for _, e := range events {
		if contains(e.Place, place) {
			out = append(out, e)
		}
	}
	return out
}

// byActor returns the events struck by actor.
func byActor(events []data.Event, actor string) []data.Event {
	var out []data.Event
	for _, e := range events {
		if e.Actor == actor {
			out = append(out, e)
		}
	}
	return out
}

// claimsBy returns the claims of e made by a claimant whose name contains claimant.
func claimsBy(e data.Event, claimant string) []data.Claim {
	var out []data.Claim
	for _, c := range e.Claims {
		if contains(c.Claimant, claimant) {
			out = append(out, c)
		}
	}
	return out
}

// withClaimant returns the events that have at least one claim by claimant.
func withClaimant(events []data.Event, claimant string) []data.Event {
	var out []data.Event
	for _, e := range events {
		if len(claimsBy(e, claimant)) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// only returns the single event in events, failing the test when there are none or several.
func only(t *testing.T, what string, events []data.Event) data.Event {
	t.Helper()
	if len(events) != 1 {
		uids := make([]string, len(events))
		for i, e := range events {
			uids[i] = e.UID
		}
		t.Fatalf("%s: want exactly 1 event, got %d %v", what, len(events), uids)
	}
	return events[0]
}

func contains(s, sub string) bool { return strings.Contains(strings.ToLower(s), strings.ToLower(sub)) }

// fig reads a Count as the table writes it: unk when unknown.
func fig(c data.Count) int64 {
	if n, ok := c.Get(); ok {
		return n
	}
	return unk
}

func claimFigures(c data.Claim) figures {
	return figures{fig(c.Killed), fig(c.Civilians), fig(c.Combatants), fig(c.Injured)}
}

func TestSampleClaims(t *testing.T) {
	events := loadSample(t)
	tests := map[string]struct {
		place    string // substring of the event's place
		actor    string // the event's actor; "" for any
		date     string // the event's date_start; "" for any
		claimant string // substring of the claimant
		stance   data.Stance
		want     figures
	}{
		"Al Bukamal: Islamic State sources claim 50 or more killed": {
			place: "Al Bukamal", claimant: "Islamic State", stance: data.StanceClaims,
			want: figures{50, unk, unk, unk},
		},
		"Al Bukamal: Long War Journal doubts the photos": {
			place: "Al Bukamal", claimant: "Long War Journal", stance: data.StanceDoubts,
			want: figures{unk, unk, unk, unk},
		},
		"Raqqa 3 Nov: SOHR counts 42 dead, 27 civilians, 15 fighters": {
			place: "Raqqa", date: "2015-11-03", claimant: "Syrian Observatory", stance: data.StanceReports,
			want: figures{42, 27, 15, unk},
		},
		"Palmyra 2015: defence ministry's fortified location": {
			place: "Palmyra", date: "2015-11-02", claimant: "Russian Ministry of Defence", stance: data.StanceClaims,
			want: figures{unk, unk, unk, unk},
		},
		"Deir ez-Zor: defence ministry claims 600 killed by one missile": {
			place: "Deir ez-Zor", claimant: "Russian Ministry of Defence", stance: data.StanceClaims,
			want: figures{600, unk, 600, unk},
		},
		"Deir ez-Zor: not independently confirmed": {
			place: "Deir ez-Zor", stance: data.StanceDoubts,
			want: figures{unk, unk, unk, unk},
		},
		"Aleppo: Daily Beast says the area is not held by IS": {
			place: "Aleppo", claimant: "Daily Beast", stance: data.StanceDoubts,
			want: figures{unk, unk, unk, unk},
		},
		"Idlib: Daily Beast says the area is not held by IS": {
			place: "Idlib", claimant: "Daily Beast", stance: data.StanceDoubts,
			want: figures{unk, unk, unk, unk},
		},
		"Raqqa, France: residents say no civilians killed or injured on Tuesday": {
			place: "Raqqa", actor: "France", claimant: "residents", stance: data.StanceReports,
			want: figures{unk, 0, unk, 0},
		},
		"Raqqa, Russia: US got a military notification": {
			place: "Raqqa", actor: "Russia", date: "2015-11-16", claimant: "US official", stance: data.StanceReports,
			want: figures{unk, unk, unk, unk},
		},
		"Raqqa: activists report an unidentified ballistic missile": {
			place: "Raqqa", actor: "Unknown", claimant: "activists", stance: data.StanceReports,
			want: figures{unk, unk, unk, unk},
		},
		"Convoys: defence ministry claims more than 80 killed": {
			place: "Raqqa", date: "2017-05-25", claimant: "Russian Ministry of Defence", stance: data.StanceClaims,
			want: figures{80, unk, 80, unk},
		},
		"Kalibr: defence ministry says all targets hit": {
			place: "Palmyra", date: "2017-05-30", claimant: "Russian Ministry of Defence", stance: data.StanceClaims,
			want: figures{unk, unk, unk, unk},
		},
		"Kalibr: CNN on the shelters": {
			place: "Palmyra", date: "2017-05-30", claimant: "CNN", stance: data.StanceReports,
			want: figures{unk, unk, unk, unk},
		},
		"Kalibr: Reuters relays the Russian claim": {
			place: "Palmyra", date: "2017-05-30", claimant: "Reuters", stance: data.StanceReports,
			want: figures{unk, unk, unk, unk},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var candidates []data.Claim
			for _, e := range byPlace(events, tt.place) {
				if tt.actor != "" && e.Actor != tt.actor {
					continue
				}
				if tt.date != "" && e.DateStart.String() != tt.date {
					continue
				}
				for _, c := range claimsBy(e, tt.claimant) {
					if c.Stance == tt.stance {
						candidates = append(candidates, c)
					}
				}
			}
			if len(candidates) == 0 {
				t.Fatalf("no %s claim by %q on an event at %q (actor %q, date %q)",
					tt.stance, tt.claimant, tt.place, tt.actor, tt.date)
			}
			var got []figures
			for _, c := range candidates {
				if claimFigures(c) == tt.want {
					return
				}
				got = append(got, claimFigures(c))
			}
			t.Errorf("figures (killed, civilians, combatants, injured; %d = unknown): want %v, got %v",
				unk, tt.want, got)
		})
	}
}

func TestSampleEvents(t *testing.T) {
	events := loadSample(t)

	t.Run("at least a dozen events", func(t *testing.T) {
		if len(events) < 12 {
			t.Errorf("got %d events, want at least 12", len(events))
		}
	})

	t.Run("Al Bukamal marketplace", func(t *testing.T) {
		e := only(t, "Al Bukamal", byPlace(events, "Al Bukamal"))
		if e.Actor != "Russia" || e.TargetType != "market" || e.Status != data.StatusAlleged {
			t.Errorf("actor/target/status = %q/%q/%q, want Russia/market/alleged", e.Actor, e.TargetType, e.Status)
		}
		if e.GeoPrecision != data.GeoTown {
			t.Errorf("geo_precision = %q, want town", e.GeoPrecision)
		}
	})

	t.Run("Deir ez-Zor cruise missile", func(t *testing.T) {
		e := only(t, "Deir ez-Zor", withClaimant(byPlace(events, "Deir ez-Zor"), "Russian Ministry of Defence"))
		if e.GeoPrecision != data.GeoProvince {
			t.Errorf("geo_precision = %q, want province", e.GeoPrecision)
		}
		if e.Weapon != "cruise missile" {
			t.Errorf("weapon = %q, want cruise missile", e.Weapon)
		}
		if d := dist(e.Lat(), e.Lon(), 35.34, 40.14); d > 0.05 {
			t.Errorf("point %v,%v is not Deir ez-Zor city (35.34,40.14)", e.Lat(), e.Lon())
		}
		if e.Status != data.StatusDeclared {
			t.Errorf("status = %q, want declared", e.Status)
		}
	})

	t.Run("Aleppo and Idlib at province precision", func(t *testing.T) {
		for _, p := range []string{"Aleppo", "Idlib"} {
			e := only(t, p, byPlace(events, p))
			if e.GeoPrecision != data.GeoProvince || e.Actor != "Russia" {
				t.Errorf("%s: geo_precision/actor = %q/%q, want province/Russia", p, e.GeoPrecision, e.Actor)
			}
		}
	})

	t.Run("Kalibr launch from the eastern Mediterranean", func(t *testing.T) {
		var kalibr []data.Event
		for _, e := range byPlace(events, "Palmyra") {
			if e.Weapon == "cruise missile" {
				kalibr = append(kalibr, e)
			}
		}
		e := only(t, "Kalibr", kalibr)
		if e.DateStart.String() != "2017-05-30" || e.DatePrecision != data.DateDay {
			t.Errorf("date = %s (%s), want 2017-05-30 (day)", e.DateStart, e.DatePrecision)
		}
		if e.GeoPrecision != data.GeoDistrict {
			t.Errorf("geo_precision = %q, want district (near Palmyra)", e.GeoPrecision)
		}
		if e.Origin == nil {
			t.Fatal("no origin")
		}
		lat, lon := e.Origin.Point.Lat(), e.Origin.Point.Lon()
		// At sea between Cyprus (east cape 34.6 E) and the Syrian coast (35.8-35.9 E),
		// north of Lebanon (34.6 N) and south of Turkey (36 N).
		if lon <= 34.6 || lon >= 35.75 || lat <= 34.6 || lat >= 36.0 {
			t.Errorf("origin %v,%v is not at sea off the Syrian coast", lat, lon)
		}
		if !contains(e.Origin.Name, "Admiral Essen") || !contains(e.Origin.Name, "approximate") {
			t.Errorf("origin name %q should name the frigate and say it is approximate", e.Origin.Name)
		}
	})

	t.Run("France struck Raqqa", func(t *testing.T) {
		france := byActor(events, "France")
		if len(france) == 0 {
			t.Fatal("no event with actor France")
		}
		for _, e := range france {
			if !contains(e.Place, "Raqqa") {
				t.Errorf("%s: France event at %q, want Raqqa", e.UID, e.Place)
			}
			if e.Weapon != "airstrike" {
				t.Errorf("%s: weapon %q, want airstrike", e.UID, e.Weapon)
			}
		}
	})

	t.Run("Raqqa 3 November is one day", func(t *testing.T) {
		e := only(t, "Raqqa SOHR", withClaimant(byPlace(events, "Raqqa"), "Syrian Observatory"))
		if e.DateStart.String() != "2015-11-03" || e.DatePrecision != data.DateDay {
			t.Errorf("date = %s (%s), want 2015-11-03 (day)", e.DateStart, e.DatePrecision)
		}
		if lo, hi := fig(e.Civilians.Min), fig(e.Civilians.Max); lo != 27 || hi != 27 {
			t.Errorf("civilians range %d..%d, want 27..27", lo, hi)
		}
	})

	t.Run("no airliner downing", func(t *testing.T) {
		for _, e := range events {
			if e.Country != "Syria" || contains(e.Place, "Sinai") || contains(e.Place, "Sharm") {
				t.Errorf("%s: %q, %q is not a strike in Syria", e.UID, e.Place, e.Country)
			}
		}
	})
}

func TestSampleConsistency(t *testing.T) {
	events := loadSample(t)
	actors := set("Russia", "France", "United States", "Syrian government", "Unknown")
	targets := set("military position", "convoy", "infrastructure", "bridge", "market", "residential area",
		"command centre", "weapons depot", "oil facility", "training camp", "unknown")
	weapons := set("airstrike", "cruise missile", "ballistic missile", "drone strike", "artillery", "unknown", "")
	uids := map[string]bool{}
	for i, e := range events {
		if uids[e.UID] {
			t.Errorf("uid %q repeats", e.UID)
		}
		uids[e.UID] = true
		if i > 0 && e.DateStart < events[i-1].DateStart {
			t.Errorf("%s (%s) comes after %s (%s): events are not in date order",
				e.UID, e.DateStart, events[i-1].UID, events[i-1].DateStart)
		}
		if !actors[e.Actor] || !targets[e.TargetType] || !weapons[e.Weapon] {
			t.Errorf("%s: actor/target/weapon %q/%q/%q outside the vocabularies", e.UID, e.Actor, e.TargetType, e.Weapon)
		}
		if !e.DatePrecision.Valid() || !e.GeoPrecision.Valid() || !e.Status.Valid() {
			t.Errorf("%s: precision/status %q/%q/%q outside the vocabularies", e.UID, e.DatePrecision, e.GeoPrecision, e.Status)
		}
		if len(e.Claims) == 0 {
			t.Errorf("%s: no claims", e.UID)
		}
		// The event's casualty ranges are the range over its claims' known figures.
		var killed, civilians []int64
		for _, c := range e.Claims {
			if n, ok := c.Killed.Get(); ok {
				killed = append(killed, n)
			}
			if n, ok := c.Civilians.Get(); ok {
				civilians = append(civilians, n)
			}
		}
		checkRange(t, e.UID+" killed", e.Killed, killed)
		checkRange(t, e.UID+" civilians", e.Civilians, civilians)
		for _, c := range e.Claims {
			if !c.Stance.Valid() {
				t.Errorf("%s: claim by %q has stance %q", e.UID, c.Claimant, c.Stance)
			}
			if c.Source.URL != "" {
				t.Errorf("%s: claim by %q has url %q; the seeds give none", e.UID, c.Claimant, c.Source.URL)
			}
			if c.Source.Title == "" || c.Source.Language != "en" {
				t.Errorf("%s: claim by %q: source title %q, language %q", e.UID, c.Claimant, c.Source.Title, c.Source.Language)
			}
		}
	}
}

// checkRange compares an event's range with the minimum and maximum of figs (both unknown when figs is empty).
func checkRange(t *testing.T, what string, r data.Range, figs []int64) {
	t.Helper()
	wantMin, wantMax := int64(unk), int64(unk)
	for i, n := range figs {
		if i == 0 || n < wantMin {
			wantMin = n
		}
		if i == 0 || n > wantMax {
			wantMax = n
		}
	}
	if gotMin, gotMax := fig(r.Min), fig(r.Max); gotMin != wantMin || gotMax != wantMax {
		t.Errorf("%s: range %d..%d, claims give %d..%d (%d = unknown)", what, gotMin, gotMax, wantMin, wantMax, unk)
	}
}

func set(vals ...string) map[string]bool {
	m := make(map[string]bool, len(vals))
	for _, v := range vals {
		m[v] = true
	}
	return m
}

func dist(lat1, lon1, lat2, lon2 float64) float64 {
	dl, dn := lat1-lat2, lon1-lon2
	if dl < 0 {
		dl = -dl
	}
	if dn < 0 {
		dn = -dn
	}
	return max(dl, dn)
}

func TestEnsureSampleNeverOpensAnOlderSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// What a build of schema 2 left behind: its name must not be this build's.
	old := filepath.Join(dir, "sample-v2-000000000000.db")
	if err := data.CreateAtVersion(ctx, old, 2); err != nil {
		t.Fatal(err)
	}
	path, err := data.EnsureSample(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("sample-v%d-", data.SchemaVersion); !strings.HasPrefix(filepath.Base(path), want) {
		t.Errorf("sample cached as %s, want a name starting %s", filepath.Base(path), want)
	}
	db := mustOpen(t, path, data.ReadOnly)
	if n := len(allEvents(t, db)); n != 13 {
		t.Errorf("cached sample has %d events, want 13", n)
	}
	again, err := data.EnsureSample(ctx, dir)
	if err != nil || again != path {
		t.Errorf("second EnsureSample: %s, %v; want %s again", again, err, path)
	}
	if _, err := os.Stat(old); err != nil {
		t.Errorf("the older sample was touched: %v", err)
	}
}
