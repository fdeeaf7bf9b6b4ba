package tiles

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/paulmach/orb/maptile"
)

// template is a validated tile URL template: {z} {x} {y} are the tile,
// {-y} the row counted from the south as TMS servers do, {s} one of the
// subdomains.
type template struct {
	raw        string
	subdomains []string
}

// placeholders lists what a template may hold between braces.
var placeholders = map[string]bool{"z": true, "x": true, "y": true, "-y": true, "s": true}

// parseTemplate checks a user's template before anything is fetched: the
// template comes from the user or a settings file, and only http and
// https may leave the machine.
func parseTemplate(raw string, subdomains []string) (template, error) {
	tp := template{raw: strings.TrimSpace(raw), subdomains: subdomains}
	bad := func(why string, args ...any) error {
		return fmt.Errorf("%w %q: %s", ErrTemplate, raw, fmt.Sprintf(why, args...))
	}
	if l := strings.ToLower(tp.raw); !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return template{}, bad("only http and https URLs are allowed")
	}
	seen := map[string]bool{}
	for rest := tp.raw; ; {
		i := strings.IndexAny(rest, "{}")
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if rest[i] == '}' || j < 0 {
			return template{}, bad("unbalanced brace")
		}
		name := rest[i+1 : i+j]
		if !placeholders[name] {
			return template{}, bad("unknown placeholder {%s}; use {z} {x} {y} {-y} {s}", name)
		}
		seen[name] = true
		rest = rest[i+j+1:]
	}
	for _, need := range []string{"z", "x"} {
		if !seen[need] {
			return template{}, bad("missing {%s}", need)
		}
	}
	if !seen["y"] && !seen["-y"] {
		return template{}, bad("missing {y}")
	}
	if seen["s"] && len(subdomains) == 0 {
		return template{}, bad("{s} needs subdomains")
	}
	for _, s := range subdomains {
		if s == "" || strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != "" {
			return template{}, bad("subdomain %q is not a host name label", s)
		}
	}
	u, err := url.Parse(tp.url(maptile.New(0, 0, 0)))
	if err != nil {
		return template{}, bad("%v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return template{}, bad("only http and https URLs are allowed")
	}
	if u.Host == "" {
		return template{}, bad("no host")
	}
	return tp, nil
}

// url is the address of tile t.
func (tp template) url(t maptile.Tile) string {
	pairs := []string{
		"{z}", strconv.Itoa(int(t.Z)),
		"{x}", strconv.FormatUint(uint64(t.X), 10),
		"{y}", strconv.FormatUint(uint64(t.Y), 10),
		"{-y}", strconv.FormatUint((uint64(1)<<t.Z)-1-uint64(t.Y), 10),
	}
	if len(tp.subdomains) > 0 {
		// The same tile always from the same subdomain, so HTTP caches on
		// the way (and the server's) see one address per tile.
		pairs = append(pairs, "{s}", tp.subdomains[(uint64(t.X)+uint64(t.Y))%uint64(len(tp.subdomains))])
	}
	return strings.NewReplacer(pairs...).Replace(tp.raw)
}
