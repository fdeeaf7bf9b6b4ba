package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestExportImportExportIsByteIdentical(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	strikedb(t, "sample", "-o", db)
	for _, name := range []string{"a.geojson", "a.csv"} {
		first, back, second := filepath.Join(dir, name), filepath.Join(dir, name+".db"), filepath.Join(dir, "b-"+name)
		for _, args := range [][]string{{"export", "-o", first, db}, {"import", "-o", back, first}, {"export", "-o", second, back}} {
			if code, _, stderr := strikedb(t, args...); code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, stderr)
			}
		}
		a, _ := os.ReadFile(first)
		b, _ := os.ReadFile(second)
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: export, import, export is not the same (%d bytes, then %d)", name, len(a), len(b))
		}
	}
}

func TestExportToStdoutWithFilters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	strikedb(t, "sample", "-o", db)
	code, stdout, stderr := strikedb(t, "export", "--actor", "France", "--from", "2015-11-01", "-o", "-", db)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, `{"type":"FeatureCollection","features":[`) || strings.Count(stdout, `"actor":"France"`) == 0 ||
		strings.Count(stdout, `"type":"Feature",`) != strings.Count(stdout, `"actor":"France"`) {
		t.Errorf("stdout:\n%.400s", stdout)
	}
	for name, args := range map[string][]string{
		"no -o":      {"export", db},
		"bad format": {"export", "--format", "kml", "-o", "-", db},
		"bad bbox":   {"export", "--bbox", "1,2,3", "-o", "-", db},
	} {
		if code, _, stderr := strikedb(t, args...); code != 2 || !strings.HasPrefix(stderr, "strikedb: ") {
			t.Errorf("%s: exit %d, stderr %q; want 2", name, code, stderr)
		}
	}
}

// GDAL's GeoJSON driver reads the export: the right number of features, each at
// [lon, lat], and not one warning.
func TestGDALReadsTheExport(t *testing.T) {
	ogrinfo := needTool(t, "ogrinfo")
	dir := t.TempDir()
	sample, acled := filepath.Join(dir, "s.db"), filepath.Join(dir, "a.db")
	strikedb(t, "sample", "-o", sample)
	if code, _, stderr := strikedb(t, "import", "-o", acled, testdata("acled.csv"), testdata("ucdp.csv")); code != 0 {
		t.Fatal(stderr)
	}
	for name, tc := range map[string]struct {
		db     string
		count  string
		points []string // uid, then the point GDAL must see
	}{
		"sample": {sample, "13", []string{"seed-2015-11-al-bukamal-market", "POINT (40.92 34.45)"}},
		"acled":  {acled, "7", []string{"SYR900001", "POINT (39.01 35.95)", "900102", "POINT (38.28 34.56)"}},
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, name+".geojson")
			if code, _, stderr := strikedb(t, "export", "-o", out, tc.db); code != 0 {
				t.Fatal(stderr)
			}
			cmd := exec.Command(ogrinfo, "-al", out)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("ogrinfo: %v\n%s", err, stderr.String())
			}
			if stderr.Len() > 0 || regexp.MustCompile(`(?m)^(ERROR|Warning)`).MatchString(stdout.String()) {
				t.Errorf("ogrinfo warns:\n%s%s", stderr.String(), stdout.String())
			}
			if !strings.Contains(stdout.String(), "Feature Count: "+tc.count+"\n") {
				t.Errorf("ogrinfo does not count %s features:\n%.600s", tc.count, stdout.String())
			}
			for i := 0; i < len(tc.points); i += 2 {
				found := false
				for _, f := range strings.Split(stdout.String(), "OGRFeature(") {
					if strings.Contains(f, "  uid (String) = "+tc.points[i]+"\n") {
						found = strings.Contains(f, "\n  "+tc.points[i+1]+"\n")
					}
				}
				if !found {
					t.Errorf("ogrinfo does not place %s at %s", tc.points[i], tc.points[i+1])
				}
			}
		})
	}
}
