package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testdata is the path of a fixture in the repository's testdata/import.
func testdata(name string) string { return filepath.Join("..", "..", "testdata", "import", name) }

func TestImportPrintsTheFirstTwentyProblems(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "bad.csv")
	var b strings.Builder
	b.WriteString("event_id_cnty,event_date,latitude,longitude,location\n")
	for i := range 25 {
		fmt.Fprintf(&b, "XYZ%d,2020-01-01,35.1,4239,Somewhere\n", i)
	}
	os.WriteFile(file, []byte(b.String()), 0o644)
	db := filepath.Join(dir, "out.db")
	code, stdout, stderr := strikedb(t, "import", "-o", db, file)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, stderr)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !strings.Contains(l, ": warning: ") { // that the file lacks ACLED's other columns
			lines = append(lines, l)
		}
	}
	if len(lines) != 21 || lines[0] != file+":2: longitude 4239 is outside -180..180" || lines[20] != "… and 5 more invalid rows" {
		t.Errorf("stdout:\n%s", stdout)
	}
	if stderr != "strikedb: import: 25 of 25 rows are invalid; nothing was imported; the first: "+file+":2: longitude 4239 is outside -180..180 (--skip-invalid imports the valid ones)\n" {
		t.Errorf("stderr %q", stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a rejected import created the database")
	}
}

func TestImportSkipInvalidAndIdempotence(t *testing.T) {
	db := filepath.Join(t.TempDir(), "out.db")
	args := []string{"import", "--skip-invalid", "-o", db, testdata("acled_dirty.csv"), testdata("ucdp_dirty.csv")}
	code, stdout, stderr := strikedb(t, args...)
	// Latakia, given without coordinates, is placed by the gazetteer.
	if code != 0 || !strings.HasSuffix(stdout, "imported 4 events into "+db+"; 6 invalid rows left out\n") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, testdata("acled_dirty.csv")+":4: event_date is empty\n") {
		t.Errorf("the empty date is not reported with its line:\n%s", stdout)
	}
	first := stdout
	code, stdout, _ = strikedb(t, args...)
	if code != 0 || !strings.Contains(stdout, "imported 0 events into "+db+"; 4 were there already") {
		t.Errorf("second import: exit %d, %s", code, stdout)
	}
	// The same rows and warnings, and none of events stored with other values: the
	// geocoded row among them reads back as the file gives it.
	if lines := func(s string) string { return s[:strings.LastIndex(s, "imported ")] }; lines(stdout) != lines(first) {
		t.Errorf("the second import reported\n%s\nthe first\n%s", stdout, first)
	}
	if code, out, errOut := strikedb(t, "check", db); code != 0 {
		t.Errorf("check: %s%s", out, errOut)
	}
}

// Flags may follow the files, as they do in most tools.
func TestImportFlagsAfterFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "out.db")
	code, stdout, stderr := strikedb(t, "import", testdata("ucdp.csv"), "--format", "ucdp", "-o", db)
	if code != 0 || !strings.Contains(stdout, "imported 3 events") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
}

func TestImportUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"no -o":        {"import", testdata("acled.csv")},
		"no file":      {"import", "-o", "x.db"},
		"bad format":   {"import", "--format", "xlsx", "-o", "x.db", testdata("acled.csv")},
		"unknown flag": {"import", "--bogus", "-o", "x.db", testdata("acled.csv")},
	} {
		t.Run(name, func(t *testing.T) {
			if code, _, stderr := strikedb(t, args...); code != 2 || !strings.HasPrefix(stderr, "strikedb: import: ") {
				t.Errorf("exit %d, stderr %q; want 2 with a usage message", code, stderr)
			}
		})
	}
}

func TestImportBadFilesExitOne(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("name,age\nx,1\n"), 0o644)
	db, lost := filepath.Join(dir, "x.db"), filepath.Join(dir, "nope", "x.db")
	for name, tc := range map[string]struct {
		file, db, want string
	}{
		"missing file":   {filepath.Join(dir, "nope.csv"), db, "strikedb: import: " + filepath.Join(dir, "nope.csv") + ": no such file\n"},
		"a folder":       {dir, db, "strikedb: import: " + dir + " is a folder, not a file\n"},
		"missing folder": {notes, lost, "strikedb: import: " + lost + ": the folder " + filepath.Dir(lost) + " does not exist\n"},
		"unknown format": {notes, db, notes + ":1: cannot tell the format"},
		"/dev/null":      {os.DevNull, db, "strikedb: import: " + os.DevNull + ":1: the file is empty\n"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := strikedb(t, "import", "-o", tc.db, tc.file)
			if code != 1 || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, tc.want)
			}
		})
	}
}
