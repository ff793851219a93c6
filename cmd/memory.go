package cmd

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// memoryLimit is what a run may use and who said so.
type memoryLimit struct {
	bytes  int64
	source string // "--max-memory 2GiB", "GOMEMLIMIT=2GiB", "90% of the memory available"
}

// setMemoryLimit makes the Go runtime keep the heap under the limit given
// by --max-memory, else GOMEMLIMIT (which the runtime has already read),
// else 90% of the memory available to the process when it started (the
// container's limit or the machine's free memory), so a run too large
// fails with a message rather than meeting the kernel's OOM killer. It
// returns the limit and a function that restores the previous one.
func setMemoryLimit(flag string, getenv func(string) string) (memoryLimit, func(), error) {
	prev := debug.SetMemoryLimit(-1)
	restore := func() { debug.SetMemoryLimit(prev) }
	switch {
	case flag != "":
		n, err := parseSize(flag)
		if err != nil {
			return memoryLimit{}, restore, usageError("--max-memory %q: %v (e.g. 2GiB, 512MiB, 4G)", flag, err)
		}
		debug.SetMemoryLimit(n)
		return memoryLimit{n, "--max-memory " + flag}, restore, nil
	case getenv("GOMEMLIMIT") != "" && getenv("GOMEMLIMIT") != "off":
		return memoryLimit{prev, "GOMEMLIMIT=" + getenv("GOMEMLIMIT")}, restore, nil
	}
	avail := availableMemory()
	if avail <= 0 {
		return memoryLimit{}, restore, nil // unknown: no limit of ours
	}
	n := avail / 10 * 9
	debug.SetMemoryLimit(n)
	return memoryLimit{n, "90% of the memory available (" + formatSize(avail) + ")"}, restore, nil
}

// watchMemory ends the run with exit 2 and a message once the live heap no
// longer fits the limit: the runtime would otherwise collect garbage
// without end, and the kernel's OOM killer end the process without a word.
// phase names what the run was doing.
//
// The check runs once after every garbage collection, the only time the
// live heap changes and the one a heap outgrowing its limit cannot avoid,
// so an idle or small run pays nothing and no timer wakes the process.
func watchMemory(ctx context.Context, lim memoryLimit, phase func() string, fail func(string)) {
	if lim.bytes <= 0 || lim.bytes == math.MaxInt64 {
		return
	}
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	var check func(int)
	arm := func() {
		// The cleanup of an object nothing references runs after the
		// collection that finds it unreachable: the next one.
		runtime.AddCleanup(new(gcSentinel), check, 0)
	}
	check = func(int) {
		if ctx.Err() != nil {
			return
		}
		metrics.Read(samples)
		live, total := int64(samples[0].Value.Uint64()), int64(samples[1].Value.Uint64()-samples[2].Value.Uint64())
		if live > lim.bytes/20*19 || total > lim.bytes/20*21 {
			doing := ""
			if p := phase(); p != "" {
				doing = " while " + p
			}
			fail(fmt.Sprintf("out of memory%s: the run needs more than the %s it may use (%s); nothing was written. "+
				"Give it more (--max-memory or GOMEMLIMIT), or audit the estate in parts (untether discover -o 'shards/{account}.json')",
				doing, formatSize(lim.bytes), lim.source))
			return
		}
		arm()
	}
	arm()
}

// gcSentinel is big enough to get an allocation of its own: the tiny
// allocator packs smaller pointer-free objects together, and their
// cleanups may then never run.
type gcSentinel [64]byte

// exitOutOfMemory is watchMemory's end of a real process: the temporary
// files of writes in progress go, the message is said, the status is 2.
func exitOutOfMemory(ios *IOStreams) func(string) {
	return func(msg string) {
		graph.AbortWrites()
		ios.ProgressDone()
		fmt.Fprintf(ios.ErrOut, "untether: %s\n", msg)
		os.Exit(ExitBadInput)
	}
}

// inUse is the memory the process holds from the system, for progress lines.
func inUse() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64() - s[1].Value.Uint64())
}

// availableMemory is the container's memory limit less what it already
// uses, or the machine's available memory, whichever is smaller; 0 when
// neither can be read.
func availableMemory() int64 {
	var avail int64
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "MemAvailable:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
				avail = kb * 1024
			}
		}
		f.Close()
	}
	limit, err1 := readInt("/sys/fs/cgroup/memory.max")
	used, err2 := readInt("/sys/fs/cgroup/memory.current")
	if err1 == nil && err2 == nil && limit > used && (avail == 0 || limit-used < avail) {
		avail = limit - used
	}
	return avail
}

func readInt(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64) // "max" is an error: no limit
}

// parseSize reads 2GiB, 512MiB, 4G, 1.5GB, 1000000 (bytes).
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	units := []struct {
		suffix string
		mult   float64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
		{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12},
		{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"T", 1 << 40}, {"B", 1}}
	mult := 1.0
	for _, u := range units {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || !(f > 0) || math.IsInf(f, 0) || f*mult > math.MaxInt64/2 {
		return 0, fmt.Errorf("expected a size")
	}
	if f*mult < 16<<20 {
		return 0, fmt.Errorf("below the 16 MiB untether needs to start")
	}
	return int64(f * mult), nil
}

// formatSize writes bytes as GiB or MiB.
func formatSize(n int64) string {
	if n >= 1<<30 {
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%d MiB", n>>20)
}
