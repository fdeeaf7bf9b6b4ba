package data

import (
	"fmt"
	"math"
	"strings"
)

// claimCounts weighs how many claims an event gets, 1 to 5.
var claimCounts = []float64{0.32, 0.3, 0.2, 0.11, 0.07}

// civilianShare is the rough share of civilians among the dead, by target type.
var civilianShare = map[string]float64{"residential area": 0.8, "market": 0.85, "infrastructure": 0.5,
	"bridge": 0.3, "oil facility": 0.3, "unknown": 0.4}

// claims draws 1–5 claims by the striker, monitors, the struck side and the press, each
// with figures bent the way that party bends them, then the status they add up to.
func (g *generator) claims(t *genTheatre, a genActor, e *Event) {
	r := g.rng
	n := 1
	for x := r.Float64(); n < len(claimCounts) && x >= claimCounts[n-1]; n++ {
		x -= claimCounts[n-1]
	}
	known := r.Float64() < 0.7
	killed := int64(math.Exp(1 + r.NormFloat64()*1.1))
	share, ok := civilianShare[e.TargetType]
	if !ok {
		share = 0.15
	}
	declared := false
	for k := 0; k < n; k++ {
		c := Claim{ClaimedOn: e.DateStart + Date(r.IntN(3))}
		switch {
		case k == 0 && a.speaker != "" && r.Float64() < 0.55:
			declared = true
			c.Claimant, c.Stance = a.speaker, StanceClaims
			c.Text = fmt.Sprintf("Says its forces struck a %s %s %s.", e.TargetType, nearWord(e.GeoPrecision), e.Place)
			if known {
				c.Combatants = Known(int64(float64(killed) * (0.8 + 1.7*r.Float64())))
				c.Killed, c.Civilians = c.Combatants, Known(0)
				c.Text += fmt.Sprintf(" Claims %d militants killed and no civilians.", c.Killed.n)
			}
		case r.Float64() < 0.5 && len(t.monitors) > 0:
			c.Claimant, c.Stance = t.monitors[r.IntN(len(t.monitors))], StanceReports
			c.Text = fmt.Sprintf("Reports a %s on a %s %s %s.", e.Weapon, e.TargetType, nearWord(e.GeoPrecision), e.Place)
			if known {
				k := max(0, killed+int64(r.NormFloat64()*float64(killed)*0.2))
				c.Killed = Known(k)
				c.Civilians = Known(int64(math.Round(float64(k) * share * (0.7 + 0.6*r.Float64()))))
				c.Civilians = Known(min(c.Civilians.n, k))
				c.Text += fmt.Sprintf(" Counts %d dead, %d of them civilians.", k, c.Civilians.n)
			}
		case r.Float64() < 0.6 && len(t.opponents) > 0:
			c.Claimant = t.opponents[r.IntN(len(t.opponents))]
			if r.Float64() < 0.3 {
				c.Stance, c.Text = StanceDenies, "Denies that any of its positions were hit."
				break
			}
			c.Stance, c.Text = StanceClaims, "Says the strike hit civilians."
			if known {
				c.Civilians = Known(int64(float64(killed) * (1 + r.Float64())))
				c.Killed = c.Civilians
				c.Text = fmt.Sprintf("Says the strike killed %d civilians.", c.Killed.n)
			}
		default:
			c.Claimant, c.Stance = genPublishers[r.IntN(len(genPublishers))], StanceDoubts
			c.Text = "Cannot independently verify the figures or who carried out the strike."
		}
		c.Source = g.source(e, &c, c.ClaimedOn)
		e.Claims = append(e.Claims, c)
	}
	switch {
	case a.name == "Unknown":
		e.Status = StatusContested
	case declared:
		e.Status = StatusDeclared
	case n == 1:
		e.Status = StatusSingleSource
	case n >= 3:
		e.Status = StatusLikely
	default:
		e.Status = StatusAlleged
	}
}

// source returns where a claim was published, shared as it is in life: a party's
// statements and a monitor's reports come as one briefing a day for the whole country,
// the press writes one article a day per province.
func (g *generator) source(e *Event, c *Claim, day Date) Source {
	s := Source{Publisher: c.Claimant, Published: day, Language: "en"}
	switch c.Stance {
	case StanceClaims, StanceDenies:
		s.Title = "Statement on operations in " + e.Country
	case StanceReports:
		s.Title = "Daily report: " + e.Country
	default:
		region := e.Admin1
		if region == "" {
			region = e.Country
		}
		s.Title = "Strikes reported in " + region
	}
	if len(s.Publisher)%3 != 0 {
		s.URL = fmt.Sprintf("https://example.org/%s/%s/%s", slug(s.Publisher), day, slug(s.Title))
	}
	return s
}

// slug lowercases s and joins its words with hyphens, for the fictitious URLs.
func slug(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), "-")
}
