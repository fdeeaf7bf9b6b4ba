package tiles

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/paulmach/orb/maptile"
)

// statusError is a tile server's answer other than a tile.
type statusError struct {
	code    int
	status  string
	url     string
	retryAt time.Time // from Retry-After, zero if none
}

func (e *statusError) Error() string {
	msg := fmt.Sprintf("%s answered %s", e.url, e.status)
	if !e.retryAt.IsZero() {
		msg += fmt.Sprintf(" (Retry-After until %s)", e.retryAt.Format(time.TimeOnly))
	}
	return msg
}

// redirectError is a redirect the client does not follow: one too many, or one to
// scheme, which is not https (or http from http).
type redirectError struct{ scheme string }

func (e *redirectError) Error() string {
	if e.scheme == "" {
		return "too many redirects"
	}
	return fmt.Sprintf("redirect to %s refused", e.scheme)
}

// newClient returns an HTTP client that opens at most conns connections
// to one host and refuses redirects that leave http(s) or drop from https
// to http.
func newClient(conns int) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxConnsPerHost = conns
	tr.MaxIdleConnsPerHost = conns
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 3 {
				return &redirectError{}
			}
			if req.URL.Scheme != "https" && (req.URL.Scheme != "http" || via[0].URL.Scheme == "https") {
				return &redirectError{req.URL.Scheme}
			}
			return nil
		},
	}
}

// download asks the server for t, conditionally when a stale copy is
// cached. A 304 gives the cached copy with a renewed lifetime.
func (s *XYZ) download(ctx context.Context, t maptile.Tile, u, host string, cached *entry) (*entry, error) {
	release, err := s.acquire(ctx, host)
	if err != nil {
		return nil, fmt.Errorf("tile %s: %w", Name(t), err)
	}
	defer release()
	// Another request may have been told to slow down while this one
	// waited for its slot.
	if err := s.held(t, host); err != nil {
		return nil, err
	}
	// The timeout starts once a connection slot is ours: waiting for a
	// slot is not the server being slow.
	ctx, cancel := context.WithTimeout(ctx, s.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("tile %s: %w", Name(t), err)
	}
	req.Header.Set("User-Agent", s.opt.UserAgent)
	req.Header.Set("Accept", "image/png,image/jpeg;q=0.9,image/*;q=0.5")
	if cached != nil {
		if cached.ETag != "" {
			req.Header.Set("If-None-Match", cached.ETag)
		}
		if cached.LastModified != "" {
			req.Header.Set("If-Modified-Since", cached.LastModified)
		}
	}
	resp, err := s.client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("tile %s: no answer from %s within %s: %w", Name(t), redact(u), s.opt.Timeout, context.DeadlineExceeded)
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			ue.URL = redact(ue.URL)
		}
		return nil, fmt.Errorf("tile %s: %w", Name(t), err)
	}
	defer resp.Body.Close()
	now := s.opt.Now()
	switch {
	case resp.StatusCode == http.StatusNotModified && cached != nil:
		e := *cached
		e.Expires = expiry(resp.Header, now)
		if tag := resp.Header.Get("ETag"); tag != "" {
			e.ETag = tag
		}
		return &e, nil
	case resp.StatusCode == http.StatusOK:
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
		if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			// A server that starts a tile and stalls is as good as one that never answers.
			return nil, fmt.Errorf("tile %s: %s did not finish sending it within %s: %w", Name(t), redact(u), s.opt.Timeout, context.DeadlineExceeded)
		}
		if err != nil {
			return nil, fmt.Errorf("tile %s from %s: reading: %w", Name(t), redact(u), err)
		}
		if len(body) > maxBody {
			return nil, fmt.Errorf("tile %s from %s: %w: more than %d bytes", Name(t), redact(u), ErrNotImage, maxBody)
		}
		return &entry{
			Expires:      expiry(resp.Header, now),
			ETag:         resp.Header.Get("ETag"),
			LastModified: resp.Header.Get("Last-Modified"),
			body:         body,
		}, nil
	}
	// Drain a little so the connection can be reused, not the whole of a
	// possibly endless error page.
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	se := &statusError{code: resp.StatusCode, status: resp.Status, url: redact(u)}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		se.retryAt, _ = retryAfter(resp.Header, now)
	}
	if se.code == http.StatusTooManyRequests || !se.retryAt.IsZero() {
		// Held before the connection slot is given back, so that no request
		// waiting for the slot slips out before the hold; fail may lengthen it.
		until := now.Add(backoffBase)
		if se.retryAt.After(until) {
			until = se.retryAt
		}
		s.holdHost(host, until)
	}
	return nil, fmt.Errorf("tile %s: %w", Name(t), se)
}

// holdHost makes host wait until at least until.
func (s *XYZ) holdHost(host string, until time.Time) {
	s.mu.Lock()
	if until.After(s.hold[host]) {
		s.hold[host] = until
	}
	s.mu.Unlock()
}

// acquire takes one of host's connection slots, or fails when ctx ends.
func (s *XYZ) acquire(ctx context.Context, host string) (release func(), err error) {
	s.mu.Lock()
	sem := s.sems[host]
	if sem == nil {
		sem = make(chan struct{}, s.opt.MaxConns)
		s.sems[host] = sem
	}
	s.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// hostOf returns the host a tile URL goes to, the unit of the connection limit.
func hostOf(u string) string {
	if p, err := url.Parse(u); err == nil {
		return p.Host
	}
	return u
}

// redact drops the query from a URL for messages and logs: templates
// often carry an API key there.
func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "tile server"
	}
	p.RawQuery, p.User, p.Fragment = "", nil, ""
	return p.String()
}
