package data

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The strings of jsonScanner: most need no unescaping and are read where they lie in
// the buffer; the others are built in tmp.

// str reads a string.
func (s *jsonScanner) str() (string, error) {
	b, err := s.bytes()
	return string(b), err
}

// bytes reads a string and returns its bytes, valid until the next read.
func (s *jsonScanner) bytes() ([]byte, error) {
	if err := s.expect('"', "a string"); err != nil {
		return nil, err
	}
	start, ascii := s.pos, true
	for {
		for s.pos < len(s.buf) {
			c := s.buf[s.pos]
			switch {
			case c == '"':
				b := s.buf[start:s.pos]
				s.pos++
				if !ascii && !utf8.Valid(b) {
					s.notUTF8 = true
					return []byte(strings.ToValidUTF8(string(b), "\uFFFD")), nil
				}
				return b, nil
			case c == '\\':
				return s.escaped(start)
			case c < 0x20:
				return nil, s.syntax("a control character in a string (line breaks must be written \\n)")
			case c >= utf8.RuneSelf:
				ascii = false
			}
			s.pos++
		}
		shift, ok := s.more(start)
		if !ok {
			return nil, s.syntax("the file ends inside a string")
		}
		start -= shift
	}
}

// escaped finishes a string that started at buf[start] and holds escapes.
func (s *jsonScanner) escaped(start int) ([]byte, error) {
	out := append(s.tmp[:0], s.buf[start:s.pos]...)
	defer func() { s.tmp = out[:0] }()
	for {
		s.ensure(12) // room for an escaped surrogate pair
		if s.pos >= len(s.buf) {
			return nil, s.syntax("the file ends inside a string")
		}
		c := s.buf[s.pos]
		switch {
		case c == '"':
			s.pos++
			if !utf8.Valid(out) {
				s.notUTF8 = true
				out = []byte(strings.ToValidUTF8(string(out), "\uFFFD"))
			}
			return out, nil
		case c < 0x20:
			return nil, s.syntax("a control character in a string (line breaks must be written \\n)")
		case c != '\\':
			out = append(out, c)
			s.pos++
			continue
		}
		if s.pos+1 >= len(s.buf) {
			return nil, s.syntax("the file ends inside a string")
		}
		e := s.buf[s.pos+1]
		s.pos += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := s.hex4(s.pos)
			if !ok {
				return nil, s.syntax(`a \u escape without four hex digits`)
			}
			s.pos += 4
			if utf16.IsSurrogate(r) { // half of a pair, or alone, which is no character
				pair := utf8.RuneError
				if s.pos+1 < len(s.buf) && s.buf[s.pos] == '\\' && s.buf[s.pos+1] == 'u' {
					if r2, ok := s.hex4(s.pos + 2); ok {
						if pair = utf16.DecodeRune(r, r2); pair != utf8.RuneError {
							s.pos += 6
						}
					}
				}
				r = pair
			}
			out = utf8.AppendRune(out, r)
		default:
			return nil, s.syntax(`an unknown escape \%c in a string`, e)
		}
	}
}

// hex4 reads the four hex digits at buf[at:].
func (s *jsonScanner) hex4(at int) (rune, bool) {
	if at+4 > len(s.buf) {
		return 0, false
	}
	var r rune
	for _, c := range s.buf[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
