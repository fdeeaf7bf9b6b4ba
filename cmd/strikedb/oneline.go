package main

import "strings"

// oneLine folds a multi-line error into one line, as the contract wants errors on stderr.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}
