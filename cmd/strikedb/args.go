package main

import (
	"flag"
	"fmt"
	"io"
)

// newFlags returns a flag set that reports its errors through run, not by exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args, whose flags may come before, between or after the file arguments,
// wants exactly positional files, and leaves them as fs.Args. A flag error becomes a
// usage error naming the problem.
func parse(fs *flag.FlagSet, args []string, positional int) error {
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != positional {
		return &exitError{2, fmt.Sprintf("%s: want %d file argument(s), got %d (usage: strikedb %s)", fs.Name(), positional, len(files), commands[fs.Name()].usage)}
	}
	// A flag set keeps what came after "--" as its arguments, so the files become
	// fs.Args without a flag being set twice.
	return fs.Parse(append([]string{"--"}, files...))
}

// parseInterspersed parses flags that may come before, between or after the file
// arguments, and returns the files.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, &exitError{2, fmt.Sprintf("%s: %s (usage: strikedb %s)", fs.Name(), clipMiddle(err.Error(), 4*maxFlag), commands[fs.Name()].usage)}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return files, nil
		}
		if rest[0] == "--" {
			return append(files, rest[1:]...), nil
		}
		files, args = append(files, rest[0]), rest[1:]
	}
}
