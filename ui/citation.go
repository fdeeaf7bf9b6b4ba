package ui

import (
	"net/url"
	"strings"

	"github.com/strikemap/strikemap/data"
)

// citation returns a one-line reference to where claim c was published:
// `Publisher, “Title”, YYYY-MM-DD, URL (claim by CLAIMANT)`. Parts the source does
// not give are left out; the URL is kept only when it is a web link (see webURL).
func citation(c *data.Claim) string {
	var parts []string
	if p := oneLine(c.Source.Publisher); p != "" {
		parts = append(parts, p)
	}
	if t := oneLine(c.Source.Title); t != "" {
		parts = append(parts, "“"+t+"”")
	}
	if !c.Source.Published.IsZero() {
		parts = append(parts, c.Source.Published.String())
	}
	if u, ok := webURL(c.Source.URL); ok {
		parts = append(parts, u.String())
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		s = "unknown source"
	}
	return s + " (claim by " + claimantName(c.Claimant) + ")"
}

// webURL parses s and reports whether it is an http or https link with a host: the
// only links the panel offers to open, so a javascript:, file: or data: URL from an
// imported file never reaches the system's URL handler.
func webURL(s string) (*url.URL, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, false
	}
	return u, true
}
