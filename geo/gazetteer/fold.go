package gazetteer

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// keys are the folded forms of one spelling that the index holds and a query
// is compared by. full is the spelling folded: lower case, no diacritics, no
// spaces, hyphens or apostrophes ("Deir ez-Zor" and "Deir Ezzor" both give
// "deirezzor"). bare is full without the Arabic article wherever it stands
// ("Sharm al Sheikh" → "sharmsheikh", "Albu Kamal" → "bukamal"), "" when that
// changes nothing. skel is the skeleton of bare, its first letter and then
// its consonants, which transliterations of one Arabic name share ("Deir
// ez-Zur", "Dayr az Zawr" → "drzr"), "" for non-Latin script or when too
// short to tell places apart.
type keys struct{ full, bare, skel string }

// minBare is the shortest name left once the article is dropped that is
// still worth a key.
const minBare = 3

// minSkel is the shortest skeleton worth matching: three letters fit far
// too many unrelated towns ("Latakia" and "Lutece").
const minSkel = 4

// fold returns the keys of s.
func fold(s string) keys {
	var f folder
	full, bare, skel := f.fold(s)
	return keys{string(full), string(bare), string(skel)}
}

// Fold returns the form of s that lookups compare: lower case, without
// diacritics, spaces, hyphens or apostrophes.
func Fold(s string) string { return fold(s).full }

// folder computes keys into buffers it reuses, so that indexing a million
// spellings allocates little. The slices fold returns are valid until the
// next call.
type folder struct {
	nfd, full, bare, skel []byte
	ends                  []int // where each word of full ends
}

// fold returns the keys of s. Words are split at spaces, hyphens and other
// punctuation; apostrophes and the ʿayn and hamza signs of transliterated
// Arabic are dropped inside a word ("Dar‘ā" → "dara").
func (f *folder) fold(s string) (full, bare, skel []byte) {
	f.full, f.ends = f.full[:0], f.ends[:0]
	b := []byte(s)
	if !isASCII(s) {
		f.nfd = norm.NFD.AppendString(f.nfd[:0], s)
		b = f.nfd
	}
	split := func() {
		if n := len(f.full); n > 0 && (len(f.ends) == 0 || f.ends[len(f.ends)-1] < n) {
			f.ends = append(f.ends, n)
		}
	}
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		i += size
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			f.full = append(f.full, byte(r))
		case r >= 'A' && r <= 'Z':
			f.full = append(f.full, byte(r+'a'-'A'))
		case r == '\'' || r == '`' || r >= utf8.RuneSelf && isMark(r):
			// marks and apostrophes vanish without splitting the word
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if m, ok := letterFolds[r]; ok {
				f.full = append(f.full, m...)
			} else {
				f.full = utf8.AppendRune(f.full, unicode.ToLower(r))
			}
		default:
			split()
		}
	}
	split()
	f.bare, f.skel = f.bare[:0], f.skel[:0]
	start, latin := 0, true
	for _, end := range f.ends {
		w := dropArticle(f.full[start:end])
		start = end
		f.bare = append(f.bare, w...)
		if latin = latin && isASCII(string(w)); latin {
			f.skel = appendSkeleton(f.skel, w)
		}
	}
	if !latin {
		f.skel = f.skel[:0]
	}
	full, bare, skel = f.full, f.bare, f.skel
	if string(bare) == string(full) || utf8.RuneCount(bare) < minBare {
		bare = nil
	}
	if len(skel) < minSkel {
		skel = nil
	}
	return full, bare, skel
}

// isMark reports whether r is a combining mark (diacritics, Arabic vowel
// signs), a modifier letter (ʿ, ʾ) or an apostrophe-like sign, which folding
// drops.
func isMark(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Lm, unicode.Sk) || strings.ContainsRune("‘’ʻʼʽ´′", r)
}

// letterFolds maps letters that Unicode does not decompose into a base letter
// and a mark, and Arabic letters that spellings use interchangeably.
var letterFolds = map[rune]string{
	'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'ł': "l", 'Ł': "l",
	'ı': "i", 'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'þ': "th",
	'Þ': "th", 'ħ': "h", 'Ħ': "h", 'ŋ': "n", 'ŧ': "t", 'ƒ': "f",
	// أ, إ, آ, ؤ and ئ need no entry: NFD splits off their hamza or madda.
	'ٱ': "ا", 'ة': "ه", 'ى': "ي",
}

// articles are the spellings of the Arabic article as a word of its own:
// al- and el-, and the forms assimilated to the next consonant.
var articles = map[string]bool{
	"al": true, "el": true, "ul": true, "ar": true, "er": true, "as": true,
	"es": true, "ash": true, "esh": true, "ad": true, "ed": true, "adh": true,
	"an": true, "en": true, "at": true, "et": true, "ath": true, "az": true,
	"ez": true,
}

// dropArticle returns word t without the Arabic article: nothing for the
// article alone, "bu…" for the joined "Albu…" ("family of"), "zor" for
// "ezzor" where the article's consonant doubles the next, and the
// Arabic-script ال prefix. It is only ever an extra key, so an unlucky hit
// on a European word ("Essen" also answers to "sen") costs nothing: exact
// matches rank first.
func dropArticle(t []byte) []byte {
	switch {
	case articles[string(t)]:
		return nil
	case len(t) >= 4 && (bytes.HasPrefix(t, []byte("albu")) || bytes.HasPrefix(t, []byte("elbu"))):
		return t[2:]
	case len(t) >= 5 && (t[0] == 'a' || t[0] == 'e') && t[1] == t[2] && bytes.IndexByte([]byte("tdrzsn"), t[1]) >= 0:
		return t[2:]
	case bytes.HasPrefix(t, []byte("ال")) && utf8.RuneCount(t) > 4:
		return t[len("ال"):]
	}
	return t
}

// appendSkeleton appends the skeleton of word w to skel: the first letter
// of the name, even a vowel, so that "Idlib" is not "Dalby", then the
// consonants, the way transliterations of one Arabic name agree: vowels and
// the semivowels y and w dropped, q and c written k, a final h after a vowel
// (tāʾ marbūṭa: "Raqqah", "Raqqa") dropped, doubled letters single. Only
// Latin script has a skeleton: w must be ASCII.
func appendSkeleton(skel, w []byte) []byte {
	if n := len(w); n > 2 && w[n-1] == 'h' && isVowel(w[n-2]) {
		w = w[:n-1]
	}
	for _, c := range w {
		if (isVowel(c) || c == 'y' || c == 'w') && len(skel) > 0 {
			continue
		}
		if c == 'q' || c == 'c' {
			c = 'k'
		}
		if len(skel) > 0 && skel[len(skel)-1] == c {
			continue
		}
		skel = append(skel, c)
	}
	return skel
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
