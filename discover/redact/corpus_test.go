package redact

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpusDir finds the real-world corpus beside the checkout, or in
// UNTETHER_CORPUS; "" when absent.
func corpusDir() string {
	for _, d := range []string{os.Getenv("UNTETHER_CORPUS"), "../../../shared/corpus"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "MANIFEST.tsv")); err == nil {
			return d
		}
	}
	return ""
}

// corpusJSON calls fn with every JSON document of the corpus (plans,
// states and recorded API responses of the three clouds).
func corpusJSON(t *testing.T, fn func(rel string, doc any)) {
	dir := corpusDir()
	if dir == "" {
		t.Skip("corpus not present (set UNTETHER_CORPUS or place it at ../shared/corpus)")
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".tfstate")) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if json.Unmarshal(data, &doc) == nil {
			rel, _ := filepath.Rel(dir, p)
			fn(rel, doc)
		}
		return nil
	})
}

// pairs calls fn with every string value of doc and the key it sits under.
func pairs(doc any, fn func(key, value string)) {
	switch t := doc.(type) {
	case map[string]any:
		for k, v := range t {
			if s, ok := v.(string); ok {
				fn(k, s)
			}
			pairs(v, fn)
		}
	case []any:
		for _, v := range t {
			pairs(v, fn)
		}
	}
}

// tagPairs calls fn with every tag or label of doc: Terraform's tags,
// tags_all and labels maps, and the APIs' [{"Key","Value"}] lists.
func tagPairs(doc any, fn func(key, value string)) {
	switch t := doc.(type) {
	case map[string]any:
		for k, v := range t {
			switch k {
			case "tags", "tags_all", "labels", "Tags", "TagSet", "TagList":
				switch m := v.(type) {
				case map[string]any:
					for tk, tv := range m {
						if s, ok := tv.(string); ok {
							fn(tk, s)
						}
					}
				case []any:
					for _, e := range m {
						if o, ok := e.(map[string]any); ok {
							if k, ok := o["Key"].(string); ok {
								v, _ := o["Value"].(string)
								fn(k, v)
							}
						}
					}
				}
			}
			tagPairs(v, fn)
		}
	case []any:
		for _, v := range t {
			tagPairs(v, fn)
		}
	}
}

// AWS's documented example credentials, which public configurations copy.
var exampleSecrets = []string{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}

// Terraform's own names for secret arguments, as the corpus uses them.
var terraformSecretArg = regexp.MustCompile(`(?i)(^|_)(password|secret|secret_key|access_key|private_key|token|connection_string|user_data|custom_data)$`)

// Every secret of the corpus is caught: the example credentials wherever
// they sit, and every value of an argument Terraform names as a secret.
func TestCorpusSecretsAreRedacted(t *testing.T) {
	found := 0
	corpusJSON(t, func(rel string, doc any) {
		pairs(doc, func(k, v string) {
			for _, s := range exampleSecrets {
				if strings.Contains(v, s) {
					found++
					if String(k, v) != Redacted {
						t.Errorf("%s: %s=%q kept", rel, k, v)
					}
				}
			}
			if terraformSecretArg.MatchString(k) && !Key(k) {
				t.Errorf("%s: key %q not taken for a secret", rel, k)
			}
		})
	})
	if found == 0 {
		t.Error("the corpus's example credentials were not found; is the corpus complete?")
	}
}

// The rule does not eat the corpus's ordinary tags: almost every one stays,
// and none of the keys reports group by.
func TestCorpusTagsStayReadable(t *testing.T) {
	total, redacted := 0, 0
	corpusJSON(t, func(rel string, doc any) {
		tagPairs(doc, func(k, v string) {
			total++
			if String(k, v) != Redacted {
				return
			}
			redacted++
			switch strings.ToLower(k) {
			case "name", "env", "environment", "owner", "team", "service", "project", "application", "app", "stage", "tier":
				t.Errorf("%s: tag %s=%q redacted", rel, k, v)
			}
		})
	})
	if total < 1000 || redacted*100 > total {
		t.Errorf("%d of %d corpus tags redacted; want under 1%%", redacted, total)
	}
}
