package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// strikedb runs the command in-process and returns its exit code, stdout and stderr.
func strikedb(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// needTool finds a program the tests use; `make test` installs them, so there it must exist.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("STRIKEMAP_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is not installed; `make deps` installs it", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

func TestSampleChecksAndOpensInGDAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	if code, _, stderr := strikedb(t, "sample", "-o", path); code != 0 {
		t.Fatalf("sample: exit %d: %s", code, stderr)
	}
	if code, stdout, stderr := strikedb(t, "check", path); code != 0 {
		t.Fatalf("check: exit %d: %s%s", code, stdout, stderr)
	}
	out, err := exec.Command(needTool(t, "ogrinfo"), "-so", path, "events").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	for _, want := range []string{"Geometry: Point", "Feature Count: 13", `ID["EPSG",4326]`, "Geometry Column = geom"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("ogrinfo does not say %q:\n%s", want, out)
		}
	}
	if m := regexp.MustCompile(`(?m)^(ERROR|Warning) .*`).FindAllString(string(out), -1); len(m) > 0 {
		for _, w := range m {
			if !strings.Contains(w, "non conformant file extension") { // .db is the contract's name
				t.Errorf("ogrinfo: %s", w)
			}
		}
	}
}

func TestCheckReportsEachProblemOnItsOwnLine(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample.db")
	if code, _, stderr := strikedb(t, "sample", "-o", sample); code != 0 {
		t.Fatal(stderr)
	}
	whole, _ := os.ReadFile(sample)
	variant := func(name string, stmts ...string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, whole, 0o644); err != nil {
			t.Fatal(err)
		}
		rawExec(t, p, stmts...)
		return p
	}
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("not a database\n"), 0o644)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)

	for name, tc := range map[string]struct {
		path  string
		lines []string // each must appear on a line of its own
	}{
		"text file":  {text, []string{"strikedb: " + text + ": not a Strikemap database: not a SQLite file"}},
		"empty file": {empty, []string{"strikedb: " + empty + ": not a Strikemap database: the file is empty"}},
		"latitude 4239": {variant("lat.db", `UPDATE events SET lat = 4239 WHERE id = 1`),
			[]string{`event 1 "`, "lat 4239 is outside -90..90", "geom [40.92 34.45] does not match lon/lat"}},
		"unknown status": {variant("status.db", `UPDATE events SET status = 'confirmed' WHERE id = 2`),
			[]string{`status "confirmed" is not one of [declared likely contested alleged single-source]`}},
		"unknown stance": {variant("stance.db", `UPDATE claims SET stance = 'says' WHERE id = 3`),
			[]string{`stance "says" is not one of`}},
		"orphan claim": {variant("orphan.db", `PRAGMA foreign_keys = OFF`,
			`INSERT INTO claims (event_id, source_id, claimant, stance) VALUES (999, 1, 'x', 'claims')`),
			[]string{"points at event 999, which does not exist"}},
		"impossible date": {variant("date.db", `UPDATE events SET date_start = '0000-00-00' WHERE id = 4`),
			[]string{`date_start "0000-00-00" is not a real day`}},
		"figures out of step": {variant("range.db", `UPDATE events SET killed_max = 7 WHERE id = 1`),
			[]string{"killed range", "does not match its claims"}},
	} {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := strikedb(t, "check", tc.path)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stdout %q stderr %q", code, stdout, stderr)
			}
			all := stdout + stderr
			if strings.Contains(all, "panic") || strings.Contains(all, "goroutine") {
				t.Fatalf("panicked:\n%s", all)
			}
			for _, want := range tc.lines {
				if !strings.Contains(all, want) {
					t.Errorf("output lacks %q:\n%s", want, all)
				}
			}
			if strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr should be one line, got %q", stderr)
			}
			for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
				if line != "" && !strings.HasPrefix(line, tc.path+": ") {
					t.Errorf("problem line %q does not start with the file name", line)
				}
			}
		})
	}
}

func TestCheckCountsProblemsOncePerCause(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.db")
	strikedb(t, "sample", "-o", path)
	rawExec(t, path, `UPDATE events SET date_start = '0000-00-00', lat = 4239 WHERE id = 1`)
	_, stdout, _ := strikedb(t, "check", path)
	if n := strings.Count(stdout, "date_start"); n != 1 {
		t.Errorf("date_start reported %d times, want once:\n%s", n, stdout)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for name, args := range map[string][]string{
		"no command":      nil,
		"unknown command": {"frobnicate"},
		"missing file":    {"check"},
		"bad flag":        {"gen", "--bogus"},
		"gen without -o":  {"gen", "-n", "10"},
		"sample no -o":    {"sample"},
	} {
		t.Run(name, func(t *testing.T) {
			if code, _, stderr := strikedb(t, args...); code != 2 || stderr == "" {
				t.Errorf("exit %d, stderr %q; want 2 with a usage message", code, stderr)
			}
		})
	}
}

// A mistyped command is named back, so the person sees what went wrong before the list.
func TestUnknownCommandIsNamed(t *testing.T) {
	code, _, stderr := strikedb(t, "bogus")
	if first, _, _ := strings.Cut(stderr, "\n"); code != 2 || first != `strikedb: there is no command "bogus"` {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stderr, "strikedb check DB") {
		t.Errorf("the commands are not listed:\n%s", stderr)
	}
}

// Every command takes its flags after its file arguments too, as import always did.
func TestFlagsAfterFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	for _, args := range [][]string{
		{"sample", "-o", db},
		{"check", db},
		{"stats", db},
		{"export", db, "--format", "csv", "--actor", "France", "-o", filepath.Join(dir, "e.csv")},
		{"render", db, "--size", "320x200", "-o", filepath.Join(dir, "m.png")},
		{"bench", db, "--json"},
		{"gen", "--seed", "3", "-o", filepath.Join(dir, "g.db"), "-n", "50"},
	} {
		if code, _, stderr := strikedb(t, args...); code != 0 {
			t.Errorf("strikedb %s: exit %d: %s", strings.Join(args, " "), code, stderr)
		}
	}
	csv, err := os.ReadFile(filepath.Join(dir, "e.csv"))
	rows := strings.Split(strings.TrimSpace(string(csv)), "\n")[1:]
	for _, row := range rows {
		if !strings.HasPrefix(row, "seed-2015-11-raqqa-france,") {
			t.Errorf("export --actor France after the database wrote %.60s…", row)
		}
	}
	if err != nil || len(rows) == 0 {
		t.Errorf("export with flags after the database: %v, %d rows", err, len(rows))
	}
	if code, _, stderr := strikedb(t, "check", db, "--bogus"); code != 2 || !strings.Contains(stderr, "bogus") {
		t.Errorf("an unknown flag after the file: exit %d, %q", code, stderr)
	}
	if code, _, stderr := strikedb(t, "check", db, db); code != 2 || !strings.Contains(stderr, "got 2") {
		t.Errorf("two files: exit %d, %q", code, stderr)
	}
}

func TestGenThenCheckAndStats(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	if code, _, stderr := strikedb(t, "gen", "-n", "3000", "--seed", "7", "-o", path); code != 0 {
		t.Fatal(stderr)
	}
	if code, stdout, stderr := strikedb(t, "check", path); code != 0 {
		t.Fatalf("check of a generated database: %s%s", stdout, stderr)
	}
	code, stdout, _ := strikedb(t, "stats", path)
	if code != 0 || !strings.Contains(stdout, "3000 events") {
		t.Errorf("stats: exit %d:\n%s", code, stdout)
	}
}

// NaN and infinities are refused where a number of degrees, a zoom or a size is
// wanted (every comparison with NaN is false, so a range check alone lets it in), and
// a pasted megabyte is not echoed back whole.
func TestFlagValuesAreCheckedAndClipped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if code, _, stderr := strikedb(t, "sample", "-o", db); code != 0 {
		t.Fatal(stderr)
	}
	long := strings.Repeat("1", 1<<20)
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{
		{"render", "--zoom", "NaN"}, {"render", "--zoom", "-Inf"}, {"render", "--center", "NaN,1"},
		{"render", "--center", "1,+Inf"}, {"render", "--bbox", "NaN,0,1,1"}, {"render", "--size", "NaNx100"},
		{"export", "--bbox", "0,NaN,1,1"}, {"export", "--bbox", "0,0,Inf,1"},
		{"render", "--zoom", long}, {"render", "--center", long}, {"export", "--bbox", long},
		{"export", "--format", long}, {"render", "--tiles", "ftp://" + long}, {long},
	} {
		code, _, stderr := strikedb(t, append(args, "-o", out, db)...)
		if code != 2 || strings.Count(stderr, "\n") < 1 || len(strings.SplitN(stderr, "\n", 2)[0]) > 600 {
			t.Errorf("%.40q: exit %d, %d bytes on stderr: %.200q", args, code, len(stderr), stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%.40q wrote %s", args, out)
			os.Remove(out)
		}
	}
}
