package cmd

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionOfNamesModuleAndRevision(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-07T00:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	if got, want := versionOf(info), "v1.2.3 (revision 0123456789ab+modified, 2026-12-07T00:00:00Z, go1.26.0)"; got != want {
		t.Errorf("versionOf = %q, want %q", got, want)
	}
	if got := versionOf(&debug.BuildInfo{GoVersion: "go1.26.0"}); got != "(devel) (go1.26.0)" {
		t.Errorf("versionOf(no vcs) = %q", got)
	}
}

func TestVersionFlag(t *testing.T) {
	var out bytes.Buffer
	ios := &IOStreams{Out: &out, ErrOut: &out}
	root := NewRootCmd(ios)
	root.SetArgs([]string{"--version"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "untether ") {
		t.Errorf("--version printed %q", out.String())
	}
}
