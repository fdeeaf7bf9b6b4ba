package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/strikemap/strikemap/geo/gazetteer"
	"io"
	"os"

	"github.com/strikemap/strikemap/data"
)

// maxShown is how many rejected rows, and how many warnings, import prints before it
// only counts them.
const maxShown = 20

func runImport(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("import")
	format := fs.String("format", "", "acled, ucdp, geojson or csv (default: from each file's header or name)")
	skip := fs.Bool("skip-invalid", false, "import the valid rows and list the others")
	out := fs.String("o", "", "database to add to, created when missing")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *out == "" || len(files) == 0 {
		return &exitError{2, "import: -o DB and at least one FILE are required (usage: strikedb " + commands["import"].usage + ")"}
	}
	if *format != "" && !data.Format(*format).Valid() {
		return &exitError{2, fmt.Sprintf("import: --format %q is not one of %v", clip(*format, maxFlag), data.Formats)}
	}
	var shownBad, shownWarn int
	var first string // the first rejected row, which the one line on stderr quotes
	opt := data.ImportOptions{Format: data.Format(*format), SkipInvalid: *skip,
		// Rows that name a place but give no coordinates are placed by the gazetteer.
		Geocode: gazetteer.Geocode,
		Swapped: gazetteer.Swapped,
		Report: func(p data.Problem) {
			n := &shownBad
			if p.Warning {
				n = &shownWarn
			}
			if *n++; *n <= maxShown {
				fmt.Fprintln(stdout, oneLine(p.String()))
			}
			if !p.Warning && first == "" {
				first = oneLine(p.String())
			}
		},
	}
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		opt.Progress = func(done, total int64) {
			fmt.Fprintf(os.Stderr, "\rimport: %3.0f%%", 100*float64(done)/float64(max(total, 1)))
		}
		defer fmt.Fprint(os.Stderr, "\r              \r")
	}
	res, err := data.Import(ctx, *out, files, opt)
	if res.Invalid > maxShown {
		fmt.Fprintf(stdout, "… and %d more invalid rows\n", res.Invalid-maxShown)
	}
	if res.Warnings > maxShown {
		fmt.Fprintf(stdout, "… and %d more warnings\n", res.Warnings-maxShown)
	}
	if errors.Is(err, data.ErrInvalid) && res.Invalid > 0 {
		return fmt.Errorf("import: %w; the first: %s (--skip-invalid imports the valid ones)", err, clip(first, maxQuoted))
	}
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintf(stdout, "imported %d events into %s", res.Added, *out)
	if res.Existing > 0 {
		fmt.Fprintf(stdout, "; %d were there already", res.Existing)
	}
	if res.Invalid > 0 {
		fmt.Fprintf(stdout, "; %d invalid rows left out", res.Invalid)
	}
	fmt.Fprintln(stdout)
	return nil
}
