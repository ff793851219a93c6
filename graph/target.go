package graph

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
)

// target is where one output file really goes once the path the user gave
// has been resolved.
type target struct {
	asked string // the path as given, for messages
	path  string // the path after following symlinks
	// direct targets (devices, FIFOs, standard streams) are written in place:
	// replacing them with a regular file would break them.
	direct bool
	stream io.Writer // an already open stream (standard output, /dev/fd/N)
	// existing is the regular file being replaced, whose mode and owner the
	// new file keeps; nil for a new file.
	existing fs.FileInfo
}

// maxLinks bounds symlink chains, as the kernel does (ELOOP).
const maxLinks = 40

// fdPath matches the paths of a process's own open files, which are not
// files to replace but streams to write to.
var fdPath = regexp.MustCompile(`^/(?:dev/fd|proc/(self|thread-self|[0-9]+)/fd)/([0-9]+)$`)

// streams keeps the *os.File made for each descriptor alive: a collected
// one would close the process's descriptor behind its back.
var streams = struct {
	sync.Mutex
	files map[int]*os.File
}{files: map[int]*os.File{}}

// resolveTarget decides how path is written. stdout is what "-" and the
// paths naming the process's standard output write to.
func resolveTarget(path string, stdout io.Writer) (target, error) {
	t := target{asked: path, path: path}
	if path == "-" {
		t.direct, t.stream = true, stdout
		return t, nil
	}
	for range maxLinks {
		if fd, ok := openStream(t.path, stdout); ok {
			t.direct, t.stream = true, fd
			return t, nil
		}
		fi, err := os.Lstat(t.path)
		if errors.Is(err, fs.ErrNotExist) {
			return t, nil // a new file (possibly the target of a dangling link)
		}
		if err != nil {
			return t, err
		}
		switch mode := fi.Mode(); {
		case mode&fs.ModeSymlink != 0:
			dest, err := os.Readlink(t.path)
			if err != nil {
				return t, err
			}
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(realDir(t.path), dest)
			}
			t.path = dest
		case mode.IsRegular():
			t.existing = fi
			return t, nil
		case mode.IsDir():
			return t, errors.New("is a directory")
		default: // device, FIFO, socket: write in place
			t.direct = true
			return t, nil
		}
	}
	return t, fmt.Errorf("more than %d symbolic links", maxLinks)
}

// openStream recognises /dev/stdout, /dev/stderr, /dev/fd/N and
// /proc/self/fd/N. They are written through the open file itself, so output
// lands where the shell redirected it (at its offset, in append mode if so).
func openStream(path string, stdout io.Writer) (io.Writer, bool) {
	fd := -1
	switch path {
	case "/dev/stdout":
		fd = 1
	case "/dev/stderr":
		fd = 2
	default:
		m := fdPath.FindStringSubmatch(path)
		if m == nil {
			return nil, false
		}
		if pid := m[1]; pid != "" && pid != "self" && pid != "thread-self" && pid != strconv.Itoa(os.Getpid()) {
			return nil, false // another process's file: opened by path as a device would be
		}
		fd, _ = strconv.Atoi(m[2])
	}
	switch fd {
	case 1:
		return stdout, true
	case 2:
		return os.Stderr, true
	}
	streams.Lock()
	defer streams.Unlock()
	if streams.files[fd] == nil {
		streams.files[fd] = os.NewFile(uintptr(fd), path)
	}
	return streams.files[fd], true
}

// realDir is the directory holding path with its own symlinks resolved, so a
// relative link target is read the way the kernel reads it.
func realDir(path string) string {
	dir := filepath.Dir(path)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		return real
	}
	return dir
}
