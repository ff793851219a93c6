package discover

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/discover/inventory"
	"github.com/untether-dev/untether/discover/terraform"
	"github.com/untether-dev/untether/graph"
)

// Spec says where an estate comes from.
type Spec struct {
	// Demo adds the embedded demo estate.
	Demo bool
	// Files are SOURCE files (estate, Terraform state or 'terraform show
	// -json' output), each read by the reader its content calls for; "-"
	// is Stdin.
	Files []string
	Stdin io.Reader
	// Collectors are every collector known; those Enabled run, one after
	// another, each through its own Run with these options.
	Collectors []Collector
	Run        RunOptions // zero fields are the defaults; see RunOptions.Check for flags
	// Progress, when set, makes the progress callback of each collector's run.
	Progress func(provider string) func(Progress)
	// Inventories are laid over the merged estate, in order.
	Inventories []string
	// ServiceTags turn resources tagged with each key into business
	// services, tiered by TierTag when set (from the policy).
	ServiceTags []string
	TierTag     string
	// PolicyFile names where ServiceTags came from, for error messages.
	PolicyFile string
}

// Live reports whether a collector of the spec is enabled.
func (s Spec) Live() bool {
	for _, c := range s.Collectors {
		if c.Enabled() {
			return true
		}
	}
	return false
}

// Load reads every source of the spec and merges them into one validated
// estate: files, demo and collectors first, then inventories, then the
// services the policy's tags name.
func Load(ctx context.Context, spec Spec) (*graph.Estate, error) {
	var parts []graph.Shard
	if spec.Demo {
		e, err := demo.Estate()
		if err != nil {
			return nil, fmt.Errorf("demo estate: %w", err)
		}
		parts = append(parts, graph.Shard{Name: "the demo estate", Estate: e})
	}
	for _, f := range spec.Files {
		e, err := ReadSource(f, spec.Stdin)
		if err != nil {
			return nil, err
		}
		parts = append(parts, graph.Shard{Name: f, Estate: e})
	}
	for _, c := range spec.Collectors {
		if !c.Enabled() {
			continue
		}
		opt := spec.Run
		if spec.Progress != nil {
			opt.Progress = spec.Progress(c.Name())
		}
		e, err := c.Collect(ctx, NewRun(c.Name(), opt))
		if err != nil {
			return nil, err
		}
		parts = append(parts, graph.Shard{Name: "the " + c.Name() + " collector", Estate: e})
	}
	if len(parts) == 0 {
		return nil, Usagef("no SOURCE: give an estate file, a Terraform state or 'terraform show -json' file, --demo, or a live collector (--aws, --gcp-project ...)")
	}
	e, err := Merge(parts...)
	if err != nil {
		return nil, err
	}
	for _, path := range spec.Inventories {
		inv, err := inventory.Load(path)
		if err != nil {
			return nil, err
		}
		if e, err = inv.Apply(e); err != nil {
			return nil, err
		}
	}
	for _, key := range spec.ServiceTags {
		if e, err = inventory.DeriveServices(e, key, spec.TierTag); err != nil {
			return nil, fmt.Errorf("%s: services from tag %q: %w", spec.PolicyFile, key, err)
		}
	}
	// No declared or tagged service: Terraform module instances are the
	// services (then the simulator's entry points, DESIGN.md §7).
	if e, err = terraform.ModuleServices(e); err != nil {
		return nil, err
	}
	return e, nil
}

// Merge unions the sources exactly (graph.Merge: placements once, gaps
// kept, cross-source edges resolved by id, conflicts named); one source is
// returned as it is.
func Merge(parts ...graph.Shard) (*graph.Estate, error) {
	if len(parts) == 1 {
		return parts[0].Estate, nil
	}
	return graph.Merge(parts...)
}

// ReadSource reads one SOURCE file ("-" reads stdin), choosing the reader
// by content: an estate file, or Terraform state or plan JSON.
func ReadSource(path string, stdin io.Reader) (*graph.Estate, error) {
	var data []byte
	var err error
	if path == "-" {
		if stdin == nil {
			stdin = os.Stdin
		}
		data, err = io.ReadAll(stdin)
	} else {
		data, err = readFile(path)
		if errors.Is(err, errEstateFile) {
			return streamEstate(path)
		}
	}
	if err != nil {
		return nil, &graph.InputError{File: path, Msg: "cannot read: " + strings.TrimPrefix(err.Error(), "open "+path+": ")}
	}
	switch {
	case graph.IsEstate(data):
		return graph.Decode(data, path)
	case terraform.Detect(data):
		return terraform.Decode(data, path)
	case !json.Valid(data):
		// Say where the JSON breaks, so a truncated or hand-edited file is
		// easy to fix.
		_, err := graph.Decode(data, path)
		var ie *graph.InputError
		if errors.As(err, &ie) {
			ie.Msg += " (a SOURCE is an estate file, a Terraform state, or 'terraform show -json' output)"
		}
		return nil, err
	}
	return nil, &graph.InputError{File: path, Msg: "not a SOURCE untether reads: expected an estate file (\"untether_estate\"), a Terraform state, or 'terraform show -json' output"}
}

// errEstateFile says readFile found an estate file, which is streamed
// instead of read whole.
var errEstateFile = errors.New("an estate file")

// readFile reads a SOURCE file whole, unless it is an estate file: those
// are streamed (a million-resource estate is a gigabyte).
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return io.ReadAll(f) // a pipe cannot be read twice
	}
	if graph.IsEstateReader(bufio.NewReader(f)) {
		return nil, errEstateFile
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	data := make([]byte, 0, info.Size()+1)
	buf := bytes.NewBuffer(data)
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

// streamEstate decodes the estate file at path as a stream.
func streamEstate(path string) (*graph.Estate, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &graph.InputError{File: path, Msg: "cannot read: " + strings.TrimPrefix(err.Error(), "open "+path+": ")}
	}
	defer f.Close()
	return graph.DecodeReader(f, path)
}
