// Command strikedb creates, checks and describes Strikemap databases from the command
// line. It imports nothing from the GUI toolkit, so it builds with CGO_ENABLED=0.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand: its one-line usage and what it runs.
type command struct {
	usage string
	run   func(ctx context.Context, args []string, stdout io.Writer) error
}

// commands is filled in init: the subcommands' parse errors quote their usage from it.
var commands map[string]command

func init() {
	commands = map[string]command{
		"sample": {"sample -o OUT.db", runSample},
		"check":  {"check DB", runCheck},
		"stats":  {"stats DB", runStats},
		"gen":    {"gen -n N [--seed S] -o OUT.db", runGen},
		"import": {"import [--format acled|ucdp|geojson|csv] [--skip-invalid] -o DB FILE...", runImport},
		"export": {"export [--format geojson|csv] [FILTERS] -o OUT DB", runExport},
		"render": {"render [FILTERS] [--center LAT,LON] [--zoom Z] [--size WxH] [--tiles offline|osm|URL_TEMPLATE|FILE.mbtiles] -o OUT.png DB", runRender},
		"bench":  {"bench [--json] DB", runBench},

		"geocode": {"geocode PLACE[, COUNTRY]...", runGeocode},
		"recover": {"recover DB", runRecover},
	}
}

// order lists the subcommands in the order usage shows them.
var order = []string{"sample", "check", "stats", "gen", "import", "export", "render", "bench", "geocode", "recover"}

// writers are the subcommands that write a file; interrupted, each leaves it as it was.
var writers = map[string]bool{"sample": true, "gen": true, "import": true, "export": true, "render": true, "recover": true}

// exitError carries a message and an exit code other than the usual 1.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func main() {
	// Ctrl-C and a polite kill (SIGTERM, as from a job scheduler or timeout) both stop
	// the command the same way: a change in progress is rolled back before it exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || commands[args[0]].run == nil {
		if len(args) > 0 {
			fmt.Fprintf(stderr, "strikedb: there is no command %q\n", clip(args[0], maxFlag))
		}
		fmt.Fprintln(stderr, "usage: strikedb COMMAND [ARGS]\ncommands:")
		for _, name := range order {
			fmt.Fprintln(stderr, "  strikedb "+commands[name].usage)
		}
		return 2
	}
	err := commands[args[0]].run(ctx, args[1:], stdout)
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintln(stderr, "usage: strikedb "+commands[args[0]].usage)
		return 2
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		msg := "strikedb: " + args[0] + ": interrupted"
		if writers[args[0]] {
			msg += "; nothing was written"
		}
		fmt.Fprintln(stderr, msg)
		return 1
	case errors.As(err, &ee):
		fmt.Fprintln(stderr, "strikedb: "+ee.msg)
		return ee.code
	}
	fmt.Fprintln(stderr, "strikedb: "+oneLine(err.Error()))
	return 1
}
