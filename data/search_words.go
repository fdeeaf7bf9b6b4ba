package data

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The search index (migration 003) splits text into words with SQLite's unicode61
// tokenizer and folds them with remove_diacritics 2. This file does the same in Go, so
// that a query is cut into the words SQLite will see, and so that Filter.Match finds in
// an event in memory what DB.Search finds in the index. The two agree on Latin, Greek,
// Cyrillic, Arabic and Hebrew text; they may differ on characters newer than SQLite's
// Unicode tables, which no event of ours is known to use.

// Limits that keep any query cheap; Search and Match apply the same ones.
const (
	maxQueryWords = 32 // words of a query beyond these are ignored
	maxWordTokens = 16 // tokens of one word beyond these are ignored
	maxTokenRunes = 64 // a longer token is cut to this many characters
)

// accents are the combining marks remove_diacritics drops: those that, after a Latin
// letter, make the letters with diacritics. Other combining marks separate words, as
// they do in SQLite.
const accents = "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030a\u030b\u030c" +
	"\u030f\u0311\u031b\u0323\u0324\u0325\u0326\u0327\u0328\u032d\u032e\u0330\u0331"

func isAccent(r rune) bool { return r >= 0x300 && r <= 0x331 && strings.ContainsRune(accents, r) }

// isWordRune reports whether r belongs to a word: a letter, a digit, a private-use
// character or an accent, as unicode61 has it.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || isAccent(r)
}

// foldRune appends r as words are compared: case-folded and, for a Latin letter with
// diacritics, the bare letter; an accent on its own appends nothing.
func foldRune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	if isAccent(r) {
		return dst
	}
	if r != 'ı' { // dotless i has no case fold of its own; the round trip would make it i
		r = unicode.ToLower(unicode.ToUpper(r)) // simple case folding: ſ is s, ς is σ
	}
	if isLatinLetter(r) {
		var in, out [16]byte
		d := norm.NFD.Append(out[:0], utf8.AppendRune(in[:0], r)...)
		if base, size := utf8.DecodeRune(d); base < utf8.RuneSelf && size < len(d) && allAccents(d[size:]) {
			return append(dst, byte(base))
		}
	}
	return utf8.AppendRune(dst, r)
}

// isLatinLetter reports whether r lies in the blocks of Latin letters with diacritics,
// the only letters that decompose into a bare letter of ASCII and accents.
func isLatinLetter(r rune) bool {
	return r >= 0xc0 && r < 0x250 || r >= 0x1e00 && r < 0x1f00 || r == 0x212b // Å, angstrom sign
}

func allAccents(b []byte) bool {
	for _, r := range string(b) {
		if !isAccent(r) {
			return false
		}
	}
	return true
}

// eachToken calls fn with each word of s as SQLite's tokenizer cuts it, as written and
// folded; words that fold to nothing (a lone accent) are skipped.
func eachToken(s string, fn func(raw string, folded []byte)) {
	var b []byte
	start := -1
	end := func(i int) {
		b = b[:0]
		for _, r := range s[start:i] {
			b = foldRune(b, r)
		}
		if len(b) > 0 {
			fn(s[start:i], b)
		}
		start = -1
	}
	for i, r := range s {
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			end(i)
		}
	}
	if start >= 0 {
		end(len(s))
	}
}

// foldedTokens appends the folded words of s to dst, all of them cut from one string.
func foldedTokens(dst []string, s string) []string {
	buf, ends := make([]byte, 0, len(s)), make([]int, 0, len(s)/4)
	eachToken(s, func(_ string, folded []byte) {
		buf = append(buf, folded...)
		ends = append(ends, len(buf))
	})
	all, start := string(buf), 0
	for _, e := range ends {
		dst, start = append(dst, all[start:e]), e
	}
	return dst
}

// phrase is one word of a query: the tokens it is made of, as written and folded. All
// but the last must be found as whole words, the last may begin a longer word.
type phrase struct{ raw, folded []string }

// parseQuery cuts a user's query into phrases, one per space-separated word, all of
// which must be found. Words without a letter or digit are left out, as are the words
// and tokens past the limits above.
func parseQuery(q string) []phrase {
	var out []phrase
	for _, w := range strings.Fields(q) {
		if len(out) == maxQueryWords {
			break
		}
		var p phrase
		eachToken(w, func(raw string, folded []byte) {
			if len(p.raw) == maxWordTokens {
				return
			}
			if cut := cutRunes(raw, maxTokenRunes); len(cut) < len(raw) {
				// SQLite folds the cut text, whose accents fold to nothing: cutting the
				// folded token instead would keep more letters than SQLite sees.
				raw, folded = cut, nil
				for _, r := range cut {
					folded = foldRune(folded, r)
				}
				if len(folded) == 0 {
					return
				}
			}
			p.raw = append(p.raw, raw)
			p.folded = append(p.folded, string(folded))
		})
		if len(p.raw) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// cutRunes returns s cut to at most n characters.
func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// hasPhrase reports whether words holds phrase as consecutive words, the last of them
// as the beginning of a word.
func hasPhrase(words, phrase []string) bool {
	n := len(phrase)
	for i := 0; i+n <= len(words); i++ {
		ok := strings.HasPrefix(words[i+n-1], phrase[n-1])
		for j := 0; ok && j < n-1; j++ {
			ok = words[i+j] == phrase[j]
		}
		if ok {
			return true
		}
	}
	return false
}
