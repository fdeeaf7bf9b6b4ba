package tiles

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// OpenStreetMap's tile policy asks clients to keep tiles at least a week
// whatever the headers say; a year caps absurd lifetimes.
const (
	minFresh = 7 * 24 * time.Hour
	maxFresh = 365 * 24 * time.Hour
)

// expiry returns until when a response received at now stays fresh:
// Cache-Control max-age (less Age), else Expires, but never less than
// minFresh nor more than maxFresh.
func expiry(h http.Header, now time.Time) time.Time {
	var life time.Duration
	if age, ok := maxAge(h.Get("Cache-Control")); ok {
		life = age
		if a, err := strconv.ParseInt(strings.TrimSpace(h.Get("Age")), 10, 64); err == nil && a > 0 {
			life -= time.Duration(min(a, 1<<32)) * time.Second
		}
	} else if exp, err := http.ParseTime(h.Get("Expires")); err == nil {
		// Measured against the server's own clock where it sends one, so a
		// skewed local clock does not shorten or stretch the lifetime.
		base := now
		if d, err := http.ParseTime(h.Get("Date")); err == nil {
			base = d
		}
		life = exp.Sub(base)
	}
	return now.Add(max(minFresh, min(maxFresh, life)))
}

// maxAge reads max-age from a Cache-Control header.
func maxAge(cc string) (time.Duration, bool) {
	for _, d := range strings.Split(cc, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(d), "=")
		if !ok || !strings.EqualFold(k, "max-age") {
			continue
		}
		n, err := strconv.ParseInt(strings.Trim(v, `"`), 10, 64)
		if err != nil || n < 0 {
			return 0, false
		}
		return time.Duration(min(n, int64(maxFresh/time.Second))) * time.Second, true
	}
	return 0, false
}

// retryAfter reads a Retry-After header, seconds or an HTTP date, capped
// at a day so a hostile value cannot silence a server for ever.
func retryAfter(h http.Header, now time.Time) (time.Time, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return time.Time{}, false
	}
	const limit = 24 * time.Hour
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
		return now.Add(min(time.Duration(min(n, int64(limit/time.Second)))*time.Second, limit)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return now.Add(max(0, min(t.Sub(now), limit))), true
	}
	return time.Time{}, false
}
