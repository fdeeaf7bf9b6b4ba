//go:build !unix

package data_test

import (
	"os"
	"testing"
)

// fifo stands in for a named pipe where there are none: the null device, which is
// refused as a device or pipe the same way.
func fifo(t *testing.T, path string) string { return os.DevNull }
