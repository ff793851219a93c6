//go:build !unix

package graph

import (
	"io/fs"
	"os"
)

// keepModeAndOwner gives the file at path the permissions of the file it
// replaces.
func keepModeAndOwner(path string, old fs.FileInfo) error {
	return os.Chmod(path, old.Mode()&fs.ModePerm)
}

// processAlive cannot tell here, so a stale temporary file is never taken
// for one of a finished run.
func processAlive(int) bool { return true }

// holdTemp and tempHeld: without file locks every temporary file of a
// live process id is taken as held.
func holdTemp(string) func() { return func() {} }

func tempHeld(string) bool { return true }

func syncDir(string) {}
