package terraform

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// sameAsCareful checks the fast raw-state reader against encoding/json:
// when it answers, it answers the same; when encoding/json refuses the
// file, the fast reader hands it over (so the error names the place).
func sameAsCareful(t *testing.T, name string, data []byte) {
	t.Helper()
	fv, fr, ferr := fastRawState(data)
	cv, cr, cerr := carefulRawState(data, name)
	switch {
	case ferr != nil && !errors.Is(ferr, errSlowPath):
		t.Errorf("%s: fast reader failed with %v instead of handing over", name, ferr)
	case ferr != nil:
		// handed over: the careful reader decides
	case cerr != nil:
		t.Errorf("%s: fast reader accepted what encoding/json refuses (%v)", name, cerr)
	case fv != cv || !reflect.DeepEqual(fr, cr):
		t.Errorf("%s: fast reader differs from encoding/json:\nfast    %d %#v\ncareful %d %#v", name, fv, fr, cv, cr)
	}
}

func TestFastRawStateMatchesCareful(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.tfstate")
	if dir := corpusDir(); dir != "" {
		_, corpus := corpusFiles(t)
		for _, f := range corpus {
			files = append(files, filepath.Join(dir, f))
		}
	}
	states := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if topLevelKind(data) != "state" {
			continue
		}
		states++
		sameAsCareful(t, f, data)
		if _, _, err := fastRawState(data); err != nil && filepath.Ext(f) == ".tfstate" && !bytes.Contains(data, []byte(`"version": 3`)) {
			t.Errorf("%s: a plain state took the careful path", f)
		}
	}
	if states < 5 {
		t.Fatalf("only %d raw states checked", states)
	}
}

// Inputs where encoding/json's rules are easy to get wrong.
var rawStateOddities = []string{
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"attributes":{"id":"vpc-1","n":1.5e3,"l":[],"m":{},"z":null,"b":[true,false]}}]}]}`,
	`{"version":4,"resources":null}`,
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":null}]}`,
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"attributes":null,"dependencies":null,"index_key":"k"}]}]}`,
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"attributes":{"id":"x"},"attributes":{"arn":"y"}}]}]}`,
	`{"version":4,"resources":[{"mode":"managed","Type":"aws_vpc","name":"a","instances":[]}]}`,
	`{"Version":4,"resources":[]}`,
	`{"version":4.0,"resources":[]}`,
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"attributes":{"n":1e400}}]}]}`,
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"attributes":{"s":"caf\xe9"}}]}]}`,
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"attributes":{"s":"\ud800 \u00e9 \"q\""}}]}]}`,
	`{"version":4,"resources":[{"mode":"managed","type":5,"name":"a"}]}`,
	`{"version":4,"resources":[null]}`,
	`{"version":4,"resources":[]} x`,
	`{"version":4,"resources":[]`,
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"dependencies":["a",null]}]}]}`,
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"sensitive_attributes":[[{"type":"get_attr","value":"password"}]]}]}]}`,
	`{"version":4,"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"attributes":{"id":"x"}}]},{"mode":"managed","type":"aws_vpc","name":"b","instances":[{"attributes":{"id":"y"}}]}],"resources":[]}`,
}

func TestFastRawStateOddities(t *testing.T) {
	for i, s := range rawStateOddities {
		sameAsCareful(t, "oddity "+string(rune('a'+i)), []byte(s))
	}
}

// FuzzFastRawState: whatever the bytes, the fast reader agrees with
// encoding/json or hands the file over.
func FuzzFastRawState(f *testing.F) {
	for _, s := range rawStateOddities {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsCareful(t, "fuzz", data)
	})
}

// The estate is the same on one core as on several: the parallel passes
// only ever write their own node.
func TestDecodeSameOnOneCore(t *testing.T) {
	data := generateState(4000)
	encode := func() []byte {
		est, err := Decode(data, "gen.tfstate")
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := graph.Encode(&b, est); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	many := encode()
	runtime.GOMAXPROCS(1)
	if one := encode(); !bytes.Equal(one, many) {
		t.Fatalf("one core and several give different estates:\n%s", firstDiff(string(one), string(many)))
	}
}

// Every corpus file gives the same bytes on every read: no map order
// leaks into edges or evidence (a resource whose location and
// resource_group_name both reference one resource group once took its
// evidence from whichever expression a map yielded first).
func TestCorpusReadsAreDeterministic(t *testing.T) {
	dir, files := corpusFiles(t)
	for _, f := range files {
		var first []byte
		for range 6 {
			est, err := Read(filepath.Join(dir, f))
			if err != nil {
				break // rejected files are checked elsewhere
			}
			var b bytes.Buffer
			if err := graph.Encode(&b, est); err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = b.Bytes()
			} else if !bytes.Equal(first, b.Bytes()) {
				t.Errorf("%s: two reads differ:\n%s", f, firstDiff(string(first), b.String()))
				break
			}
		}
	}
}
