package ui

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// stripeWidth is the width of the stance-coloured bar down a card's leading edge.
const stripeWidth = 4

// claimCard shows one claim apart from the others: who, what kind of statement,
// the figures (conflicting ones marked), the words, the source and its actions.
type claimCard struct {
	widget.BaseWidget
	stance  fyne.ThemeColorName
	content *fyne.Container
}

// newClaimCard builds the card of c; tallies holds, per figure, what all the event's
// claims say, to mark where c disagrees. A nil open or copyText leaves out its button.
func newClaimCard(c *data.Claim, tallies []tally, open func(*url.URL) error, copyText func(string)) *claimCard {
	word, color, icon := stanceLook(c.Stance)
	card := &claimCard{stance: color}
	// In a VBox the badge keeps its own height, level with the claimant's first line.
	stance := container.NewVBox(container.NewHBox(widget.NewIcon(theme.NewColoredResource(icon, color)),
		widget.NewRichText(lineSeg(word, textStyle{color, theme.SizeNameText, fyne.TextStyle{Bold: true}}))))
	who := richText(lineSeg(claimantName(c.Claimant), styleStrong))
	if !c.ClaimedOn.IsZero() {
		who.Segments = append(who.Segments, lineSeg("stated "+c.ClaimedOn.String(), styleNote))
	}
	rows := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, stance, who), figureStrip(c, tallies)}
	if note := conflictNote(c, tallies); note != nil {
		rows = append(rows, note)
	}
	if s := strings.TrimSpace(c.Text); s != "" {
		rows = append(rows, richText(lineSeg(s, styleBody)))
	}
	rows = append(rows, sourceText(&c.Source))
	if actions := claimActions(c, open, copyText); actions != nil {
		rows = append(rows, actions)
	}
	card.content = container.NewVBox(rows...)
	card.ExtendBaseWidget(card)
	return card
}

// stanceLook gives a stance its readable word, colour and icon: statements for the
// record (claims, reports) in calm colours, denials in the error colour, doubts muted.
func stanceLook(s data.Stance) (string, fyne.ThemeColorName, fyne.Resource) {
	switch s {
	case data.StanceClaims:
		return "Claims", theme.ColorNamePrimary, theme.MailSendIcon()
	case data.StanceReports:
		return "Reports", theme.ColorNameSuccess, theme.VisibilityIcon()
	case data.StanceDenies:
		return "Denies", theme.ColorNameError, theme.CancelIcon()
	case data.StanceDoubts:
		return "Doubts", theme.ColorNamePlaceHolder, theme.QuestionIcon()
	case "":
		return "No stance", theme.ColorNamePlaceHolder, theme.InfoIcon()
	}
	return oneLine(string(s)), theme.ColorNamePlaceHolder, theme.InfoIcon()
}

// figureStrip shows the four figures two by two, unknown as a dash and any figure
// another claim contradicts in the warning colour.
func figureStrip(c *data.Claim, tallies []tally) fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, len(allFigures))
	for i, f := range allFigures {
		n := f.of(c)
		st := styleStrong
		switch v, ok := n.Get(); {
		case !ok:
			st = styleKey
		case len(tallies[f].others(v)) > 0:
			st.color = theme.ColorNameWarning
		}
		cells[i] = widget.NewRichText(spanSeg(f.String()+" ", styleKey), spanSeg(countText(n), st))
	}
	return container.NewGridWithColumns(2, cells...)
}

// conflictNote says, beside a warning icon, which of c's figures other claims
// contradict and what they say instead; nil when none is.
func conflictNote(c *data.Claim, tallies []tally) fyne.CanvasObject {
	var lines []widget.RichTextSegment
	for _, f := range allFigures {
		n, ok := f.of(c).Get()
		if !ok {
			continue
		}
		if others := tallies[f].others(n); len(others) > 0 {
			lines = append(lines, lineSeg(conflictLine(f, n, others), styleSmall))
		}
	}
	if lines == nil {
		return nil
	}
	return container.NewBorder(nil, nil, container.NewVBox(warningIcon()), nil, richText(lines...))
}

// sourceText shows where the claim was published: publisher, title, date and host.
func sourceText(s *data.Source) *widget.RichText {
	pub := oneLine(s.Publisher)
	if pub == "" {
		pub = "Unknown publisher"
	}
	rt := richText(spanSeg(pub, styleNoteKey))
	if t := oneLine(s.Title); t != "" {
		rt.Segments = append(rt.Segments, spanSeg(", “"+t+"”", styleNote))
	}
	if !s.Published.IsZero() {
		rt.Segments = append(rt.Segments, spanSeg(", "+s.Published.String(), styleNote))
	}
	if u, ok := webURL(s.URL); ok {
		rt.Segments = append(rt.Segments, spanSeg(" · "+u.Host, styleNote))
	}
	return rt
}

// claimActions returns the card's buttons: Open for web links only, and Copy citation.
func claimActions(c *data.Claim, open func(*url.URL) error, copyText func(string)) fyne.CanvasObject {
	var buttons []fyne.CanvasObject
	failed := richText()
	failed.Hide()
	if u, ok := webURL(c.Source.URL); ok && open != nil {
		b := widget.NewButtonWithIcon("Open source", theme.ComputerIcon(), func() {
			if err := open(u); err != nil {
				failed.Segments = []widget.RichTextSegment{lineSeg(fmt.Sprintf("Could not open %s: %v", u.Host, err),
					textStyle{theme.ColorNameError, theme.SizeNameCaptionText, fyne.TextStyle{}})}
				failed.Show()
				failed.Refresh()
			}
		})
		b.Importance = widget.LowImportance
		buttons = append(buttons, b)
	}
	if copyText != nil {
		cite := citation(c)
		var b *widget.Button
		b = widget.NewButtonWithIcon("Copy citation", theme.ContentCopyIcon(), func() {
			copyText(cite)
			b.SetText("Citation copied")
			b.SetIcon(theme.ConfirmIcon())
		})
		b.Importance = widget.LowImportance
		buttons = append(buttons, b)
	}
	if len(buttons) == 0 {
		return nil
	}
	return container.NewVBox(container.NewHBox(buttons...), failed)
}

// warningIcon is the mark of a figure that conflicts.
func warningIcon() *widget.Icon {
	return widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
}

// CreateRenderer draws the card's background and stance stripe behind its content.
func (c *claimCard) CreateRenderer() fyne.WidgetRenderer {
	r := &claimCardRenderer{card: c, bg: canvas.NewRectangle(nil), stripe: canvas.NewRectangle(nil)}
	r.Refresh()
	return r
}

type claimCardRenderer struct {
	card       *claimCard
	bg, stripe *canvas.Rectangle
}

// Layout puts the stripe down the leading edge and the content inside the padding.
func (r *claimCardRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.bg.Resize(size)
	r.stripe.Resize(fyne.NewSize(stripeWidth, size.Height))
	r.card.content.Move(fyne.NewPos(stripeWidth+pad, pad))
	r.card.content.Resize(fyne.NewSize(size.Width-stripeWidth-2*pad, size.Height-2*pad))
}

// MinSize is the content's plus the stripe and padding.
func (r *claimCardRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	return r.card.content.MinSize().Add(fyne.NewSize(stripeWidth+2*pad, 2*pad))
}

// Refresh takes the colours from the current theme, so a theme switch repaints the card.
func (r *claimCardRenderer) Refresh() {
	th := r.card.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameInputRadius)
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.CornerRadius = radius
	r.stripe.FillColor = th.Color(r.card.stance, v)
	r.stripe.CornerRadius = fyne.Min(radius, stripeWidth/2)
	r.bg.Refresh()
	r.stripe.Refresh()
	r.card.content.Refresh()
}

// Objects are drawn back to front: background, stripe, content.
func (r *claimCardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.stripe, r.card.content}
}

// Destroy has nothing to free.
func (r *claimCardRenderer) Destroy() {}
