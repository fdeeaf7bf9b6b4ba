package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// Details shows one event and every claim about it, each claim kept apart.
type Details struct {
	widget.RichText
}

// NewDetails returns an empty details panel.
func NewDetails() *Details {
	d := &Details{}
	d.Wrapping = fyne.TextWrapWord
	d.ExtendBaseWidget(d)
	d.SetEvent(nil)
	return d
}

// SetEvent shows e, or a hint when e is nil.
func (d *Details) SetEvent(e *data.Event) {
	if e == nil {
		d.ParseMarkdown("*Select an event to read every claim about it.*")
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", mdEscape(e.Place))
	when := e.DateStart.String()
	if !e.DateEnd.IsZero() && e.DateEnd != e.DateStart {
		when += " to " + e.DateEnd.String()
	}
	fmt.Fprintf(&b, "**When** %s (%s) · **Where** %s (%s)\n\n", when, e.DatePrecision, mdEscape(e.Country), e.GeoPrecision)
	fmt.Fprintf(&b, "**Actor** %s · **Target** %s · **Weapon** %s · **Status** %s\n\n",
		mdEscape(e.Actor), mdEscape(e.TargetType), mdEscape(e.Weapon), e.Status)
	if e.Origin != nil {
		fmt.Fprintf(&b, "**Launched from** %s (%.2f, %.2f)\n\n", mdEscape(e.Origin.Name), e.Origin.Point.Lat(), e.Origin.Point.Lon())
	}
	fmt.Fprintf(&b, "**Killed** %s · **Civilians** %s\n\n%s\n\n", rangeText(e.Killed), rangeText(e.Civilians), mdEscape(e.Summary))
	for _, c := range e.Claims {
		fmt.Fprintf(&b, "---\n\n**%s** %s%s\n\n", mdEscape(c.Claimant), c.Stance, figures(c))
		fmt.Fprintf(&b, "%s\n\n*%s, “%s”", mdEscape(c.Text), mdEscape(c.Source.Publisher), mdEscape(c.Source.Title))
		if !c.Source.Published.IsZero() {
			fmt.Fprintf(&b, ", %s", c.Source.Published)
		}
		b.WriteString("*\n\n")
	}
	d.ParseMarkdown(b.String())
}

// mdEscape keeps text from the database from being read as Markdown.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "#", `\#`, "[", `\[`, "]", `\]`, "`", "\\`", "<", `\<`)
	return r.Replace(s)
}

// figures lists the figures a claim gives, leaving out the ones it does not.
func figures(c data.Claim) string {
	var parts []string
	for _, f := range []struct {
		name string
		n    data.Count
	}{{"killed", c.Killed}, {"civilians", c.Civilians}, {"combatants", c.Combatants}, {"injured", c.Injured}} {
		if f.n.IsKnown() {
			parts = append(parts, f.name+" "+f.n.String())
		}
	}
	if len(parts) == 0 {
		return " · no figures"
	}
	return " · " + strings.Join(parts, " · ")
}
