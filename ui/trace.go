package ui

import (
	"log"
	"os"
	"strconv"
	"strings"
	"time"
)

// threadTimes returns how long the calling thread has run on a CPU and waited for one,
// from Linux's /proc/thread-self/schedstat; ok is false elsewhere. STRIKEMAP_TRACE uses
// it to tell a slow frame from one the machine's other work kept waiting.
func threadTimes() (ran, waited time.Duration, ok bool) {
	b, err := os.ReadFile("/proc/thread-self/schedstat")
	if err != nil {
		return 0, 0, false
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, 0, false
	}
	r, err1 := strconv.ParseInt(f[0], 10, 64)
	w, err2 := strconv.ParseInt(f[1], 10, 64)
	return time.Duration(r), time.Duration(w), err1 == nil && err2 == nil
}

// launched is about when the program started: when this package was initialised.
var launched = time.Now()

func init() {
	if traceFrames {
		log.SetFlags(0)
		log.SetPrefix("")
	}
}

// sinceLaunch prefixes a trace line with the milliseconds since the program started.
func sinceLaunch() string {
	return "+" + strconv.FormatFloat(ms(time.Since(launched)), 'f', 0, 64) + " ms "
}
