package main

import (
	"strings"
	"unicode/utf8"
)

// oneLine folds a multi-line error into one line, as the contract wants errors on stderr.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

// maxQuoted bounds what an error line quotes of a problem reported in full elsewhere.
const maxQuoted = 300

// maxFlag bounds what an error line quotes of a flag's or argument's value: enough to
// recognise it, not a pasted megabyte.
const maxFlag = 60

// clip cuts s to at most n bytes, at a character's start, marking the cut with "…".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// clipMiddle cuts s to about n bytes by leaving out its middle, marked with "…": a
// flag error quotes the value first and names the flag and the cause last.
func clipMiddle(s string, n int) string {
	if len(s) <= n {
		return s
	}
	tail := len(s) - n/2
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return clip(s, n/2) + s[tail:]
}
