package terraform

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// AWS's documented example credentials, which public configurations copy.
var exampleSecrets = []string{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}

var secretKey = regexp.MustCompile(`(?i)(^|_)(password|secret|secret_key|secret_access_key|access_key|private_key|token|auth_token|connection_string|user_data|user_data_base64|custom_data)$`)

// secretValues collects the strings held under a secret-looking key (also
// as a variable's {"value": ...} or an expression's constant_value), and
// every value of a function's environment variables.
func secretValues(v any, key string, out map[string]bool) {
	switch t := v.(type) {
	case string:
		if len(t) >= 6 && secretKey.MatchString(key) {
			out[t] = true
		}
	case []any:
		for _, e := range t {
			secretValues(e, key, out)
		}
	case map[string]any:
		for k, e := range t {
			switch {
			case secretKey.MatchString(key) && (k == "value" || k == "constant_value"):
				secretValues(e, key, out)
			case key == "environment" && k == "variables":
				envValues(e, out)
			default:
				secretValues(e, k, out)
			}
		}
	}
}

func envValues(v any, out map[string]bool) {
	switch t := v.(type) {
	case string:
		if len(t) >= 6 {
			out[t] = true
		}
	case []any:
		for _, e := range t {
			envValues(e, out)
		}
	case map[string]any:
		for _, e := range t {
			envValues(e, out)
		}
	}
}

// TestCorpusSecretsNeverReachTheEstate proves that no password, key or
// token value of the corpus appears anywhere in an estate made from it.
func TestCorpusSecretsNeverReachTheEstate(t *testing.T) {
	dir, files := corpusFiles(t)
	checked := 0
	for _, rel := range files {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		est, err := Decode(data, rel)
		if err != nil {
			continue // the rejected files produce no estate at all
		}
		var buf bytes.Buffer
		if err := graph.Encode(&buf, est); err != nil {
			t.Fatal(err)
		}
		out := buf.Bytes()
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		secrets := map[string]bool{}
		secretValues(doc, "", secrets)
		for _, s := range exampleSecrets {
			secrets[s] = true
		}
		for _, s := range slices.Sorted(maps.Keys(secrets)) {
			checked++
			if bytes.Contains(out, []byte(s)) {
				t.Errorf("%s: secret value %q reached the estate", rel, s)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no secret values found in the corpus: the test proves nothing")
	}
	t.Logf("%d secret values checked", checked)
}
