package cmd

import (
	"runtime/debug"
	"strings"
)

// version says which build this is, from the build info Go records: the
// module version ("v0.3.0", or "(devel)" for a source build) and, when built
// from a checkout, the VCS revision and whether the tree was modified.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown (no build info)"
	}
	return versionOf(info)
}

func versionOf(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var parts []string
	if rev != "" {
		r := rev[:min(len(rev), 12)]
		if modified {
			r += "+modified"
		}
		parts = append(parts, "revision "+r)
	}
	if when != "" {
		parts = append(parts, when)
	}
	parts = append(parts, info.GoVersion)
	return v + " (" + strings.Join(parts, ", ") + ")"
}
