package data

import (
	"fmt"
	"io"
)

// jsonScanner reads JSON values from a stream, a token at a time, into the caller's
// types without reflection: encoding/json decodes the export format at about 50 MB/s,
// which for a million events is half a minute. It knows the line it is on, since a
// line break can only stand between tokens.
type jsonScanner struct {
	r     io.Reader
	buf   []byte
	pos   int // next byte to read in buf
	line  int // line of buf[pos], from 1
	eof   bool
	err   error // the first error of r other than io.EOF
	depth int
	tmp   []byte // for strings with escapes
	key   []byte // the last key read
	// notUTF8 is set when a string read held bytes that are not UTF-8, which the string
	// returned has as U+FFFD; the reader of a value clears it and looks.
	notUTF8 bool
}

// jsonSyntaxError is JSON that is not JSON, at a line.
type jsonSyntaxError struct {
	line int
	msg  string
}

// Error returns what is wrong, without the line, which the decoder adds.
func (e *jsonSyntaxError) Error() string { return e.msg }

// maxJSONDepth bounds nesting, so that a hostile file cannot exhaust the stack.
const maxJSONDepth = 256

func newJSONScanner(r io.Reader) *jsonScanner {
	return &jsonScanner{r: r, buf: make([]byte, 0, 1<<16), line: 1}
}

func (s *jsonScanner) syntax(format string, args ...any) error {
	if s.err != nil {
		return s.err
	}
	return &jsonSyntaxError{line: s.line, msg: fmt.Sprintf(format, args...)}
}

// more reads more input, keeping buf[keep:] and moving it to the front; it returns how
// far the kept bytes moved, and false when no more input comes.
func (s *jsonScanner) more(keep int) (int, bool) {
	if s.eof {
		return 0, false
	}
	n := copy(s.buf[:cap(s.buf)], s.buf[keep:])
	s.buf = s.buf[:n]
	s.pos -= keep
	if n == cap(s.buf) { // one token fills the buffer: make room
		s.buf = append(s.buf, make([]byte, cap(s.buf))...)[:n]
	}
	for {
		m, err := s.r.Read(s.buf[n:cap(s.buf)])
		s.buf = s.buf[:n+m]
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.err = err
			}
			return keep, m > 0
		}
		if m > 0 {
			return keep, true
		}
	}
}

// ensure reads until n bytes are there to read, or the input ends.
func (s *jsonScanner) ensure(n int) {
	for len(s.buf)-s.pos < n {
		if _, ok := s.more(s.pos); !ok {
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end of the input.
func (s *jsonScanner) peek() byte {
	for {
		for s.pos < len(s.buf) {
			switch c := s.buf[s.pos]; c {
			case '\n':
				s.line++
				fallthrough
			case ' ', '\t', '\r':
				s.pos++
			default:
				return c
			}
		}
		if _, ok := s.more(s.pos); !ok {
			return 0
		}
	}
}

// expect reads the byte c after white space.
func (s *jsonScanner) expect(c byte, what string) error {
	if got := s.peek(); got != c {
		return s.syntax("want %s, found %s", what, s.describe(got))
	}
	s.pos++
	return nil
}

// describe names the token that starts with c, for a message.
func (s *jsonScanner) describe(c byte) string {
	switch {
	case c == 0 && s.err != nil:
		return "a read error: " + s.err.Error()
	case c == 0:
		return "the end of the file"
	case c == '"':
		return "a string"
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == 'n':
		return "null"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	}
	return fmt.Sprintf("%q", rune(c))
}

// object reads an object, calling fn with each key; fn reads the key's value. The key's
// bytes are valid until fn reads on.
func (s *jsonScanner) object(fn func(key []byte) error) error {
	if err := s.expect('{', "an object"); err != nil {
		return err
	}
	if s.depth++; s.depth > maxJSONDepth {
		return s.syntax("nested too deeply")
	}
	defer func() { s.depth-- }()
	if s.peek() == '}' {
		s.pos++
		return nil
	}
	for {
		if c := s.peek(); c != '"' {
			return s.syntax("want a key in quotes, found %s", s.describe(c))
		}
		b, err := s.bytes()
		if err != nil {
			return err
		}
		s.key = append(s.key[:0], b...) // reading on may move the buffer under b
		if err := s.expect(':', `":" after a key`); err != nil {
			return err
		}
		if err := fn(s.key); err != nil {
			return err
		}
		switch c := s.peek(); c {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return s.syntax(`want "," or "}" in an object, found %s`, s.describe(c))
		}
	}
}

// array reads an array, calling fn for each element, which fn reads.
func (s *jsonScanner) array(fn func(i int) error) error {
	if err := s.expect('[', "an array"); err != nil {
		return err
	}
	if s.depth++; s.depth > maxJSONDepth {
		return s.syntax("nested too deeply")
	}
	defer func() { s.depth-- }()
	if s.peek() == ']' {
		s.pos++
		return nil
	}
	for i := 0; ; i++ {
		if err := fn(i); err != nil {
			return err
		}
		switch c := s.peek(); c {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return nil
		default:
			return s.syntax(`want "," or "]" in an array, found %s`, s.describe(c))
		}
	}
}

// number reads a number's text as JSON writes it, valid until the next read.
func (s *jsonScanner) number() ([]byte, error) {
	s.peek()
	start := s.pos
	for {
		for s.pos < len(s.buf) {
			switch c := s.buf[s.pos]; {
			case c >= '0' && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E':
				s.pos++
				continue
			}
			return s.checkNumber(s.buf[start:s.pos])
		}
		shift, ok := s.more(start)
		start -= shift
		if !ok {
			return s.checkNumber(s.buf[start:s.pos])
		}
	}
}

// checkNumber returns b if it is a number as JSON has it: -?int(.digits)?([eE][+-]?digits)?
func (s *jsonScanner) checkNumber(b []byte) ([]byte, error) {
	i := 0
	digits := func() bool {
		j := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	ok := false
	if i < len(b) && b[i] == '0' {
		i, ok = i+1, true
	} else {
		ok = digits()
	}
	if ok && i < len(b) && b[i] == '.' {
		i++
		ok = digits()
	}
	if ok && i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		ok = digits()
	}
	if !ok || i != len(b) {
		return nil, s.syntax("%s is not a number", quoteValue(string(b)))
	}
	return b, nil
}

// literal reads true, false or null.
func (s *jsonScanner) literal() (string, error) {
	c := s.peek()
	for _, word := range []string{"null", "true", "false"} {
		if c != word[0] {
			continue
		}
		s.ensure(len(word))
		if s.pos+len(word) <= len(s.buf) && string(s.buf[s.pos:s.pos+len(word)]) == word {
			s.pos += len(word)
			return word, nil
		}
	}
	return "", s.syntax("want a value, found %s", s.describe(c))
}

// skip reads a value of any kind and forgets it.
func (s *jsonScanner) skip() error {
	switch c := s.peek(); {
	case c == '{':
		return s.object(func([]byte) error { return s.skip() })
	case c == '[':
		return s.array(func(int) error { return s.skip() })
	case c == '"':
		_, err := s.bytes()
		return err
	case c == '-' || c >= '0' && c <= '9':
		_, err := s.number()
		return err
	default:
		_, err := s.literal()
		return err
	}
}

// end reports an error unless only white space is left.
func (s *jsonScanner) end() error {
	if c := s.peek(); c != 0 {
		return s.syntax("more data after the end, starting with %s", s.describe(c))
	}
	return s.err
}
