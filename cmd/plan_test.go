package cmd

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func testIO() *IOStreams {
	return &IOStreams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}, Getenv: func(string) string { return "" }}
}

func TestPlanFlags(t *testing.T) {
	var got *PlanOptions
	c := newPlanCmd(testIO(), func(o *PlanOptions) error { got = o; return nil })
	c.SetArgs([]string{"estate.json", "--goal", "survive-zone", "--goal", "lockin<=0.3", "--tier", "1",
		"--actions", "acts.yaml", "--apply-to", "after.json", "--format", "json", "--max-waves", "3"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Files, []string{"estate.json"}) || !slices.Equal(got.Goals, []string{"survive-zone", "lockin<=0.3"}) ||
		got.Tier != 1 || got.Actions != "acts.yaml" || got.ApplyTo != "after.json" || got.Report.format != "json" || got.Waves != 3 {
		t.Errorf("parsed %+v", got)
	}
}

func TestPlanFlagDefaults(t *testing.T) {
	var got *PlanOptions
	c := newPlanCmd(testIO(), func(o *PlanOptions) error { got = o; return nil })
	c.SetArgs([]string{"--demo", "--goal", "no-spof"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Tier != 2 || got.Waves != 8 || got.ApplyTo != "" || !got.Source.demo || got.Report.format != "table" {
		t.Errorf("defaults %+v", got)
	}
}

func TestPlanFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--demo"},
		{"--demo", "--goal", "no-spof", "--tier", "5"},
		{"--demo", "--goal", "no-spof", "--max-waves", "0"},
	} {
		c := newPlanCmd(testIO(), func(*PlanOptions) error { t.Errorf("%v: ran", args); return nil })
		c.SetArgs(args)
		c.SilenceErrors, c.SilenceUsage = true, true
		if err := c.Execute(); exitCode(err) != ExitBadInput {
			t.Errorf("%v: got %v, want exit 2", args, err)
		}
	}
}
