//go:build unix

package graph

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// keepModeAndOwner gives the file at path the permissions and, where this
// process may, the owner of the file it replaces. The owner comes first:
// chown clears set-id bits.
func keepModeAndOwner(path string, old fs.FileInfo) error {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		if int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid() {
			os.Chown(path, int(st.Uid), int(st.Gid)) // best effort: only root may give files away
		}
	}
	return os.Chmod(path, old.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky))
}

// processAlive reports whether a process with this id exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// holdTemp locks the temporary file at path through a handle of its own
// until release is called. The lock, not the process id in the file's
// name, is what tells a later run that the writer still lives: ids are
// reused (a container has few), while the kernel drops a dead process's
// locks however it died.
func holdTemp(path string) (release func()) {
	f, err := os.Open(path)
	if err != nil {
		return func() {}
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		f.Close()
		return func() {}
	}
	return func() { f.Close() }
}

// tempHeld reports whether a live process may still hold the temporary
// file at path (true when that cannot be told).
func tempHeld(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil
}

// syncDir makes a rename in dir durable; failures only cost durability.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
