package graph

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// staged is an output rendered into a temporary file, waiting to be renamed
// over its target.
type staged struct {
	t   target
	tmp string
}

// live holds every temporary file of this process not yet renamed, with
// the release of its lock, so a process ending on a signal can remove them
// (AbortWrites).
var live = struct {
	sync.Mutex
	temps   map[string]func()
	next    int
	aborted bool
}{temps: map[string]func(){}}

// errAborted is what a write started after AbortWrites fails with.
var errAborted = errors.New("interrupted")

// AbortWrites removes the temporary files of every write in progress and
// makes every later commit fail. A process about to exit on a signal calls
// it, so an interrupted run leaves no file behind.
func AbortWrites() {
	live.Lock()
	defer live.Unlock()
	live.aborted = true
	for tmp, release := range live.temps {
		os.Remove(tmp)
		release()
		delete(live.temps, tmp)
	}
}

// stage renders one output into a new temporary file in its target's
// directory (a rename is atomic only within one file system).
func stage(ctx context.Context, t target, write func(io.Writer) error) (*staged, error) {
	dir, base := filepath.Split(t.path)
	if dir == "" {
		dir = "."
	}
	removeStale(dir, base)
	f, tmp, err := createTemp(dir, base)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", t.asked, unwrapPath(err))
	}
	s := &staged{t: t, tmp: tmp}
	if err := render(ctx, t, f, write); err != nil {
		f.Close()
		return s, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return s, fmt.Errorf("write %s: %w", t.asked, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return s, fmt.Errorf("write %s: %w", t.asked, unwrapPath(err))
	}
	if t.existing != nil {
		if err := keepModeAndOwner(tmp, t.existing); err != nil {
			return s, fmt.Errorf("write %s: %w", t.asked, unwrapPath(err))
		}
	}
	return s, nil
}

// createTemp creates the temporary file with mode 0666 so that the kernel
// applies the umask, as it would to the file created directly.
func createTemp(dir, base string) (*os.File, string, error) {
	live.Lock()
	defer live.Unlock()
	if live.aborted {
		return nil, "", errAborted
	}
	for {
		live.next++
		tmp := filepath.Join(dir, tempName(base, os.Getpid(), live.next))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue // left by an earlier process with our pid
		}
		if err != nil {
			return nil, "", err
		}
		live.temps[tmp] = holdTemp(tmp)
		return f, tmp, nil
	}
}

// commit renames every staged file into place, unless the run was
// interrupted first. Holding live's lock keeps AbortWrites from running in
// the middle: either every file is renamed or none is.
func commit(ctx context.Context, pending []*staged) error {
	live.Lock()
	defer live.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	if live.aborted {
		return errAborted
	}
	for _, s := range pending {
		if err := os.Rename(s.tmp, s.t.path); err != nil {
			return fmt.Errorf("write %s: %w", s.t.asked, unwrapPath(err))
		}
		live.temps[s.tmp]()
		delete(live.temps, s.tmp)
	}
	for _, s := range pending {
		syncDir(filepath.Dir(s.t.path))
	}
	return nil
}

// discard removes the temporary files of a failed run.
func discard(pending []*staged) {
	live.Lock()
	defer live.Unlock()
	for _, s := range pending {
		if release, ok := live.temps[s.tmp]; ok {
			os.Remove(s.tmp)
			release()
			delete(live.temps, s.tmp)
		}
	}
}

// tempName names a temporary file after its target and the process that
// made it: ".NAME.untether-PID-N.tmp". A run killed before it could clean up
// (SIGKILL, the OOM killer) leaves one; the next write to the same target
// removes it once that process is gone, or, when another process has taken
// its id, once the file is older than staleAfter and no one holds its lock.
// Long names are shortened with a hash so that the temporary name stays
// within the file system's limit.
func tempName(base string, pid, n int) string {
	return tempPrefix(base) + strconv.Itoa(pid) + "-" + strconv.Itoa(n) + ".tmp"
}

func tempPrefix(base string) string {
	if len(base) > 100 {
		h := fnv.New64a()
		h.Write([]byte(base))
		base = base[:80] + "~" + strconv.FormatUint(h.Sum64(), 36)
	}
	return "." + base + ".untether-"
}

// staleAfter is how old the temporary file of a live process id must be,
// and unlocked, to be taken for one of a dead run whose id was reused: a
// writer locks its file right after creating it, so only a file that young
// can be unlocked while its writer lives.
const staleAfter = time.Minute

// removeStale removes temporary files for base left by processes that no
// longer run. Anything it cannot parse or remove is left alone.
func removeStale(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		pidText, _, ok := strings.Cut(strings.TrimSuffix(rest, ".tmp"), "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || !strings.HasSuffix(rest, ".tmp") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if pid == os.Getpid() {
			live.Lock()
			_, mine := live.temps[path]
			live.Unlock()
			if mine {
				continue
			}
		} else if processAlive(pid) && (young(e) || tempHeld(path)) {
			continue
		}
		os.Remove(path)
	}
}

func young(e fs.DirEntry) bool {
	info, err := e.Info()
	return err != nil || time.Since(info.ModTime()) < staleAfter
}
