package tflocate

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/untether-dev/untether/graph"
)

// Location is where a resource block starts: its file and the line and
// column of its "resource" keyword.
type Location struct {
	File string `json:"file"` // slash-separated, relative to the directory given to Scan
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// Index maps Terraform resource addresses (without instance keys, e.g.
// "module.db.aws_db_instance.orders") to where they are declared.
type Index struct {
	locs map[string]Location
}

// maxModuleDepth bounds how deep local module calls are followed, so a
// module that calls itself cannot loop forever.
const maxModuleDepth = 16

// Scan parses every *.tf file in dir and, through module blocks with a
// local source ("./modules/db"), the modules it calls. A file that does
// not parse is a *graph.InputError with file, line and column.
func Scan(dir string) (*Index, error) {
	ix := &Index{locs: map[string]Location{}}
	if err := ix.scan(dir, dir, "", 0); err != nil {
		return nil, err
	}
	return ix, nil
}

func (ix *Index) scan(root, dir, prefix string, depth int) error {
	if depth > maxModuleDepth {
		return nil
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		return fmt.Errorf("scan terraform %s: %w", dir, err)
	}
	slices.Sort(files)
	type call struct{ name, source string }
	var calls []call
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read terraform: %w", err)
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			rel = path
		}
		rel = filepath.ToSlash(rel)
		f, diags := hclsyntax.ParseConfig(src, rel, hcl.InitialPos)
		if diags.HasErrors() {
			return hclError(path, diags)
		}
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		for _, b := range body.Blocks {
			loc := Location{File: rel, Line: b.TypeRange.Start.Line, Col: b.TypeRange.Start.Column}
			switch {
			case b.Type == "resource" && len(b.Labels) == 2:
				ix.add(prefix+b.Labels[0]+"."+b.Labels[1], loc)
			case b.Type == "data" && len(b.Labels) == 2:
				ix.add(prefix+"data."+b.Labels[0]+"."+b.Labels[1], loc)
			case b.Type == "module" && len(b.Labels) == 1:
				ix.add(prefix+"module."+b.Labels[0], loc)
				if s := literalSource(b.Body); s != "" {
					calls = append(calls, call{b.Labels[0], s})
				}
			}
		}
	}
	for _, c := range calls {
		if !strings.HasPrefix(c.source, "./") && !strings.HasPrefix(c.source, "../") {
			continue // registry and remote modules are not on disk
		}
		sub := filepath.Join(dir, filepath.FromSlash(c.source))
		if err := ix.scan(root, sub, prefix+"module."+c.name+".", depth+1); err != nil {
			return err
		}
	}
	return nil
}

// add keeps the first declaration of an address (files in name order).
func (ix *Index) add(addr string, loc Location) {
	if _, ok := ix.locs[addr]; !ok {
		ix.locs[addr] = loc
	}
}

func literalSource(body *hclsyntax.Body) string {
	attr, ok := body.Attributes["source"]
	if !ok {
		return ""
	}
	v, diags := attr.Expr.Value(nil)
	if diags.HasErrors() || v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

func hclError(path string, diags hcl.Diagnostics) error {
	d := diags[0]
	for _, x := range diags {
		if x.Severity == hcl.DiagError {
			d = x
			break
		}
	}
	ie := &graph.InputError{File: path, Msg: "malformed Terraform: " + d.Summary}
	if d.Detail != "" {
		ie.Msg += ": " + d.Detail
	}
	if d.Subject != nil {
		ie.Line, ie.Col = d.Subject.Start.Line, d.Subject.Start.Column
	}
	return ie
}

// instanceKey matches a count or for_each key: [0] or ["a"].
var instanceKey = regexp.MustCompile(`\[(?:\d+|"(?:[^"\\]|\\.)*")\]`)

// Lookup finds where an address is declared. Instance keys are ignored
// ("aws_instance.web[2]" is the block "aws_instance.web"), and an address
// inside a module falls back to the module call when the module's source is
// not on disk.
func (ix *Index) Lookup(addr string) (Location, bool) {
	if ix == nil {
		return Location{}, false
	}
	addr = instanceKey.ReplaceAllString(addr, "")
	if loc, ok := ix.locs[addr]; ok {
		return loc, true
	}
	// Walk out to the innermost module call we know.
	parts := strings.Split(addr, ".")
	for i := len(parts) - 1; i >= 2; i-- {
		if parts[i-2] == "module" {
			if loc, ok := ix.locs[strings.Join(parts[:i], ".")]; ok {
				return loc, true
			}
		}
	}
	return Location{}, false
}

// Addresses lists the known addresses, sorted.
func (ix *Index) Addresses() []string {
	out := make([]string, 0, len(ix.locs))
	for a := range ix.locs {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}
