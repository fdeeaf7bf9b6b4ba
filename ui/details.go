package ui

import (
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// hintText is what the panel says when no event is selected.
const hintText = "Select an event on the map or in the list"

// Details shows the selected event and every claim about it, each claim kept apart
// and every figure the claims disagree on marked. Its text wraps, so it belongs in a
// vertical scroll.
type Details struct {
	widget.BaseWidget
	open     func(*url.URL) error
	copyText func(string)
	event    *data.Event
	message  string // shown instead of an event, e.g. why it could not be read
	warning  bool   // message is a problem, not a wait
	version  int    // counts changes, so the renderer rebuilds even for the same *Event
}

// NewDetails returns an empty panel. open is called with a source's link, only ever
// http or https; copyText with a one-line citation. Either may be nil to leave its
// button out.
func NewDetails(open func(*url.URL) error, copyText func(string)) *Details {
	d := &Details{open: open, copyText: copyText}
	d.ExtendBaseWidget(d)
	return d
}

// SetEvent shows e, or a hint to select one when e is nil.
func (d *Details) SetEvent(e *data.Event) {
	d.event, d.message = e, ""
	d.version++
	d.Refresh()
}

// SetMessage shows text instead of an event: a wait for one, or, with warning, why
// it could not be shown.
func (d *Details) SetMessage(text string, warning bool) {
	d.event, d.message, d.warning = nil, text, warning
	d.version++
	d.Refresh()
}

// Message is the text shown instead of an event, "" when none.
func (d *Details) Message() string { return d.message }

// CreateRenderer builds the panel's content from the event shown.
func (d *Details) CreateRenderer() fyne.WidgetRenderer {
	box := container.NewVBox()
	r := &detailsRenderer{d: d, box: box, themed: container.NewThemeOverride(box, compactTheme{}), version: -1}
	r.Refresh()
	return r
}

type detailsRenderer struct {
	d       *Details
	box     *fyne.Container
	themed  *container.ThemeOverride // box under compactTheme
	version int
}

// Layout gives the content the panel's whole size.
func (r *detailsRenderer) Layout(size fyne.Size) { r.themed.Resize(size) }

// MinSize is the content's: its height grows with the event's claims.
func (r *detailsRenderer) MinSize() fyne.Size { return r.themed.MinSize() }

// Objects is the themed content.
func (r *detailsRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.themed} }

// Destroy has nothing to free.
func (r *detailsRenderer) Destroy() {}

// Refresh rebuilds the content when the event changed, and otherwise repaints it.
func (r *detailsRenderer) Refresh() {
	if r.version != r.d.version {
		r.version = r.d.version
		if r.d.message != "" {
			r.box.Objects = messageObjects(r.d.message, r.d.warning)
		} else {
			r.box.Objects = eventObjects(r.d.event, r.d.open, r.d.copyText)
		}
	}
	r.themed.Refresh() // also hands the theme down to new objects
}

// eventObjects lays e out top to bottom: heading, summary, facts, casualties, claims.
func eventObjects(e *data.Event, open func(*url.URL) error, copyText func(string)) []fyne.CanvasObject {
	if e == nil {
		hint := lineSeg(hintText, styleKey)
		hint.Style.Alignment = fyne.TextAlignCenter
		return []fyne.CanvasObject{richText(hint)}
	}
	tallies := make([]tally, len(allFigures))
	for _, f := range allFigures {
		tallies[f] = tallyOf(e.Claims, f)
	}
	title := oneLine(e.Place)
	if title == "" {
		title = "Unnamed place"
	}
	head := richText(lineSeg(title, styleTitle))
	if uid := oneLine(e.UID); uid != "" {
		head.Segments = append(head.Segments, lineSeg("Event "+uid, styleNote))
	}
	objs := []fyne.CanvasObject{head}
	if s := strings.TrimSpace(e.Summary); s != "" {
		objs = append(objs, richText(lineSeg(s, styleBody)))
	}
	objs = append(objs, detailSection("Event"), eventFields(e))
	objs = append(objs, detailSection("Casualties"), casualtyFields(e, tallies))
	objs = append(objs, detailSection("Claims · "+strconv.Itoa(len(e.Claims))))
	if len(e.Claims) == 0 {
		objs = append(objs, richText(lineSeg("No claims recorded for this event.", styleKey)))
	}
	for i := range e.Claims {
		objs = append(objs, newClaimCard(&e.Claims[i], tallies, open, copyText))
	}
	return objs
}

// messageObjects is a message in the panel's place of an event.
func messageObjects(text string, warning bool) []fyne.CanvasObject {
	st := styleKey
	if warning {
		st = textStyle{theme.ColorNameWarning, theme.SizeNameText, fyne.TextStyle{}}
	}
	return []fyne.CanvasObject{richText(lineSeg(text, st))}
}

// detailSection is a heading that opens a group of the panel, under a rule.
func detailSection(name string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), richText(lineSeg(strings.ToUpper(name), styleSection)))
}

// detailField returns a key and its value for a fieldsLayout; note, if any, goes under the value.
func detailField(key, value, note string, st textStyle) []fyne.CanvasObject {
	v := richText(lineSeg(value, st))
	if note != "" {
		v.Segments = append(v.Segments, lineSeg(note, styleNote))
	}
	return []fyne.CanvasObject{widget.NewRichText(lineSeg(key, styleKey)), v}
}

// eventFields lists what is known of the event itself, each with its precision.
func eventFields(e *data.Event) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	add := func(key, value, note string) {
		st := styleBody
		if value == unknownText {
			st = styleKey
		}
		objs = append(objs, detailField(key, value, note, st)...)
	}
	add("Date", dateText(e), "")
	add("Place", placeText(e), coordText(e.Location))
	add("Actor", orUnknown(e.Actor), "")
	add("Target", orUnknown(e.TargetType), "")
	add("Weapon", orUnknown(e.Weapon), "")
	add("Status", orUnknown(string(e.Status)), statusMeaning(e.Status))
	if e.Origin != nil {
		add("Origin", orUnknown(e.Origin.Name), coordText(e.Origin.Point))
	} else {
		add("Origin", unknownText, "")
	}
	return container.New(fieldsLayout{widest: "Combatants"}, objs...)
}

// casualtyFields gives, per figure, the range over the claims and who gives its ends;
// combatants and injured only when some claim gives them.
func casualtyFields(e *data.Event, tallies []tally) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, f := range allFigures {
		t := tallies[f]
		if !t.known() && (f == figCombatants || f == figInjured) {
			continue
		}
		value, note, st := t.rangeLine(), t.whoLine(), styleStrong
		switch {
		case t.conflicting():
			st.color = theme.ColorNameWarning
			value += " · claims conflict"
		case !t.known():
			st = styleKey
			if r := eventRange(e, f); r != "" {
				value, note, st = r, "recorded on the event; no claim gives it", styleStrong
			}
		}
		objs = append(objs, detailField(f.String(), value, note, st)...)
	}
	return container.New(fieldsLayout{widest: "Combatants"}, objs...)
}

// eventRange is the event's own range of figure f when its claims give none, which
// happens only in databases whose ranges drifted from their claims; "" when unknown.
func eventRange(e *data.Event, f figure) string {
	var r data.Range
	switch f {
	case figKilled:
		r = e.Killed
	case figCivilians:
		r = e.Civilians
	default:
		return ""
	}
	if s := rangeText(r); s != "?" {
		return s
	}
	return ""
}
