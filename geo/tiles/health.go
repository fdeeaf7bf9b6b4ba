package tiles

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"time"
)

// Reporter is a Source that can say what is wrong with it as a whole — a server that
// does not answer, a cache folder that cannot be written — rather than tile by tile.
type Reporter interface {
	// Problem says, in words for a person, what keeps tiles from loading or being
	// kept now, or nil when nothing does.
	Problem() error
}

// problemError is a Problem: a sentence for a person that wraps its cause.
type problemError struct {
	msg string
	err error
}

func (e *problemError) Error() string { return e.msg }
func (e *problemError) Unwrap() error { return e.err }

// trouble is a host's last failure, kept until the host answers again.
type trouble struct {
	err  error
	at   time.Time
	said string // what was logged about it
}

// Problem says what keeps tiles from loading: the host that failed last, until it
// answers again; else a disk cache that refuses tiles; else nil.
func (s *XYZ) Problem() error {
	now := s.opt.Now()
	s.mu.Lock()
	var (
		host  string
		worst *trouble
	)
	for h, tr := range s.trouble {
		if worst == nil || tr.at.After(worst.at) {
			host, worst = h, tr
		}
	}
	var p *problemError
	if worst != nil {
		p = &problemError{describe(host, worst.err, s.hold[host], now), worst.err}
	}
	s.mu.Unlock()
	if p != nil {
		return p
	}
	return s.store.problem()
}

// noteFailure remembers why host failed, logging it when it is news: the first
// failure of a spell, or one of another kind, not one line per tile. Waiting out a
// backoff tells nothing new.
func (s *XYZ) noteFailure(host string, err error) {
	if errors.Is(err, ErrBackoff) {
		return
	}
	now := s.opt.Now()
	s.mu.Lock()
	tr := s.trouble[host]
	if tr == nil {
		tr = &trouble{}
		s.trouble[host] = tr
	}
	tr.err, tr.at = err, now
	msg := describe(host, err, s.hold[host], now)
	news := msg != tr.said
	tr.said = msg
	s.mu.Unlock()
	if news && strings.Contains(msg, err.Error()) {
		s.opt.Logf("tiles: %s", msg)
	} else if news {
		s.opt.Logf("tiles: %s (%v)", msg, err)
	}
}

// noteAnswer records that host answered with a tile, which ends its trouble.
func (s *XYZ) noteAnswer(host string) {
	s.mu.Lock()
	_, had := s.trouble[host]
	delete(s.trouble, host)
	s.mu.Unlock()
	if had {
		s.opt.Logf("tiles: %s answers again", host)
	}
}

// describe words a host's failure for a person. holdUntil is when the host allows the
// next request, if it asked to wait; the sentence names that time rather than a
// countdown, so it stays true while shown.
func describe(host string, err error, holdUntil, now time.Time) string {
	var (
		se  *statusError
		dns *net.DNSError
		re  *redirectError
	)
	switch {
	case errors.As(err, &re) && re.scheme == "":
		return host + " redirects too many times"
	case errors.As(err, &re):
		return fmt.Sprintf("%s redirects tiles to %s: addresses, which are refused", host, re.scheme)
	case errors.As(err, &se) && now.Before(holdUntil):
		return fmt.Sprintf("%s asked to wait (%s); trying again at %s", host, se.status, holdUntil.Format(time.TimeOnly))
	case errors.As(err, &se):
		return fmt.Sprintf("%s answered %s", host, se.status)
	case errors.Is(err, context.DeadlineExceeded):
		return host + " is not answering"
	case errors.Is(err, ErrNotImage):
		return host + " sends tiles that are not images"
	case errors.As(err, &dns):
		return "cannot find " + host + " (no network?)"
	case errors.Is(err, syscall.ECONNREFUSED):
		return host + " refuses connections"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, syscall.ECONNRESET):
		return host + " dropped the connection"
	}
	return fmt.Sprintf("%s: %v", host, err)
}
