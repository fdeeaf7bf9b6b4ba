package ui

import (
	"net/url"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// urlRecorder is an app whose OpenURL only records what it is asked to open: the
// system's URL handler, as the window reaches it.
type urlRecorder struct {
	fyne.App
	opened []*url.URL
}

// OpenURL records u.
func (a *urlRecorder) OpenURL(u *url.URL) error {
	a.opened = append(a.opened, u)
	return nil
}

// TestOnlyWebLinksReachTheBrowser shows a claim with each source link in the window's
// details panel: only http and https links with a host get an Open source button, and
// only they reach the app's OpenURL when it is tapped.
func TestOnlyWebLinksReachTheBrowser(t *testing.T) {
	for name, tc := range map[string]struct {
		link string
		want string // what reaches OpenURL; "" for no button
	}{
		"https":              {"https://example.org/a?b=c#d", "https://example.org/a?b=c#d"},
		"http with port":     {"http://example.org:8080/", "http://example.org:8080/"},
		"spaces around":      {"  https://example.org/x \n", "https://example.org/x"},
		"upper-case scheme":  {"HTTPS://example.org/", "https://example.org/"},
		"javascript":         {"javascript:alert(document.cookie)", ""},
		"javascript spaced":  {" JavaScript:alert(1)", ""},
		"javascript escaped": {"java%73cript:alert(1)", ""},
		"javascript tab":     {"java\tscript:alert(1)", ""},
		"vbscript":           {"vbscript:msgbox(1)", ""},
		"file":               {"file:///etc/passwd", ""},
		"file host":          {"file://server/share/x", ""},
		"data":               {"data:text/html;base64,PHNjcmlwdD4=", ""},
		"ftp":                {"ftp://example.org/file", ""},
		"mailto":             {"mailto:a@example.org", ""},
		"custom scheme":      {"zoommtg://join?x=1", ""},
		"relative path":      {"briefing/1115", ""},
		"absolute path":      {"/etc/passwd", ""},
		"protocol-relative":  {"//example.org/x", ""},
		"no host":            {"https:///path", ""},
		"opaque https":       {"https:example.org", ""},
		"malformed host":     {"http://[::1", ""},
		"bad escape":         {"https://example.org/%zz", ""},
		"NUL":                {"https://example.org/\x00", ""},
		"only a scheme":      {"https:", ""},
		"empty":              {"", ""},
	} {
		t.Run(name, func(t *testing.T) {
			app := &urlRecorder{App: test.NewTempApp(t)}
			w := NewWindow(app)
			e := &data.Event{Place: "Somewhere", Claims: []data.Claim{{Claimant: "A",
				Source: data.Source{Publisher: "P", URL: tc.link}}}}
			w.details.SetEvent(e)
			w.win.Resize(fyne.NewSize(1440, 900))
			var open []*widget.Button
			eachObject(t, w.details, func(o fyne.CanvasObject) {
				if b, ok := o.(*widget.Button); ok && b.Text == "Open source" && b.Visible() {
					open = append(open, b)
				}
			})
			if got := len(open) > 0; got != (tc.want != "") || len(open) > 1 {
				t.Fatalf("%d Open source buttons for %q", len(open), tc.link)
			}
			if len(open) == 1 {
				test.Tap(open[0])
			}
			switch {
			case tc.want == "" && len(app.opened) > 0:
				t.Errorf("%q reached OpenURL as %v", tc.link, app.opened)
			case tc.want != "" && (len(app.opened) != 1 || app.opened[0].String() != tc.want):
				t.Errorf("tapping Open for %q opened %v, want %s", tc.link, app.opened, tc.want)
			}
		})
	}
}

// TestOpenURLRefusesOtherSchemes calls the window's opener directly, as any future
// caller would, with links that did not come through the details panel's check.
func TestOpenURLRefusesOtherSchemes(t *testing.T) {
	app := &urlRecorder{App: test.NewTempApp(t)}
	w := NewWindow(app)
	for _, u := range []*url.URL{nil,
		{Scheme: "javascript", Opaque: "alert(1)"},
		{Scheme: "file", Path: "/etc/passwd"},
		{Scheme: "data", Opaque: "text/html,x"},
		{Scheme: "ftp", Host: "example.org"},
		{Path: "relative"},
		{Scheme: "https", Path: "/no/host"},
	} {
		if err := w.openURL(u); err == nil {
			t.Errorf("openURL(%v) succeeded", u)
		}
	}
	if len(app.opened) > 0 {
		t.Errorf("OpenURL was called with %v", app.opened)
	}
	if err := w.openURL(&url.URL{Scheme: "https", Host: "example.org"}); err != nil || len(app.opened) != 1 {
		t.Errorf("an https link was not opened: %v, %v", err, app.opened)
	}
}

// eachObject visits o and everything drawn inside it, through the renderers.
func eachObject(t *testing.T, o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.TempWidgetRenderer(t, c).Objects() {
			eachObject(t, child, visit)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			eachObject(t, child, visit)
		}
	}
}
