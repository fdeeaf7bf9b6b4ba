package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/strikemap/strikemap/data"
)

func runExport(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("export")
	format := fs.String("format", "", "geojson or csv (default: csv for a .csv file, else geojson)")
	filters := addFilterFlags(fs)
	out := fs.String("o", "", "file to write, - for stdout")
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	if *out == "" {
		return &exitError{2, "export: -o OUT is required (- writes to stdout)"}
	}
	f, err := filters.filter()
	if err != nil {
		return &exitError{2, "export: " + err.Error()}
	}
	fmtName := data.Format(*format)
	switch {
	case *format == "" && strings.EqualFold(filepath.Ext(*out), ".csv"):
		fmtName = data.FormatCSV
	case *format == "":
		fmtName = data.FormatGeoJSON
	case fmtName != data.FormatGeoJSON && fmtName != data.FormatCSV:
		return &exitError{2, fmt.Sprintf("export: --format %q is not geojson or csv", clip(*format, maxFlag))}
	}
	db, err := data.Open(ctx, fs.Arg(0), data.ReadOnly)
	if err != nil {
		return err
	}
	defer db.Close()
	opt := data.ExportOptions{Format: fmtName, Filter: f}
	var res data.ExportResult
	if *out == "-" {
		bw := bufio.NewWriterSize(stdout, 1<<16)
		if res, err = db.Export(ctx, bw, opt); err == nil {
			err = bw.Flush()
		}
	} else {
		res, err = db.ExportFile(ctx, *out, opt)
	}
	if err != nil {
		return err
	}
	if res.Invalid > 0 {
		fmt.Fprintf(os.Stderr, "export: left out %d events that break the model's rules (strikedb check %s names them)\n", res.Invalid, fs.Arg(0))
	}
	if *out != "-" {
		fmt.Fprintf(stdout, "wrote %d events to %s\n", res.Events, *out)
	}
	return nil
}
