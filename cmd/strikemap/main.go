// Command strikemap is Strikemap's desktop app: `strikemap [DB]` opens DB read-only, or
// with no argument the database last opened, else the bundled sample.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/strikemap/strikemap/assets"
	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/ui"
)

func main() {
	flag.Usage = func() { fmt.Fprintln(os.Stderr, "usage: strikemap [DB]") }
	flag.Parse()
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	a := app.NewWithID("org.strikemap.strikemap")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := ui.NewWindow(a)
	// The events load while the window and its graphics start up, not after.
	path, err := startPath(a, flag.Arg(0))
	if err == nil {
		w.Open(path, nil)
	}
	w.Show()
	if err != nil {
		w.ShowError(err)
	}
	a.Run()
}

// startPath picks the database to show: the argument, the last one opened, or the sample.
func startPath(a fyne.App, arg string) (string, error) {
	if arg != "" {
		return filepath.Abs(arg)
	}
	if last := a.Preferences().String(ui.PrefLastDatabase); last != "" {
		if _, err := os.Stat(last); err == nil {
			return last, nil
		}
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("bundled sample: %w", err)
	}
	return data.EnsureSample(context.Background(), filepath.Join(cache, "strikemap"))
}
