package tiles

import "os"

// SetDiskWrite replaces how s writes the bytes of a cache file, so that a test can
// fill the disk. Call it before s fetches anything.
func SetDiskWrite(s *XYZ, write func(f *os.File, b []byte) error) { s.store.writeBody = write }

// DiskRetry is how long tiles stay in memory only after the disk refused one.
const DiskRetry = diskRetry
