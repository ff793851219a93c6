package redact

// Redacted replaces a secret value.
const Redacted = "redacted"

// String returns value, or Redacted when key names a secret or value looks
// like one.
func String(key, value string) string {
	if Key(key) || Value(value) {
		return Redacted
	}
	return value
}

// Tags returns tags with every secret value redacted: in place, since
// sources build their maps fresh. Empty maps stay as they are.
func Tags(tags map[string]string) map[string]string {
	for k, v := range tags {
		if v != Redacted && (Key(k) || Value(v)) {
			tags[k] = Redacted
		}
	}
	return tags
}

// Attrs returns attrs with every secret value redacted, in place: string
// values by key and value, lists and maps (as decoded JSON or YAML holds
// them) all the way down, and anything else under a secret key.
func Attrs(attrs map[string]any) map[string]any {
	for k, v := range attrs {
		attrs[k] = scrub(k, v)
	}
	return attrs
}

func scrub(key string, v any) any {
	if v == nil {
		return nil
	}
	if Key(key) {
		return Redacted
	}
	switch t := v.(type) {
	case string:
		if Value(t) {
			return Redacted
		}
	case []string:
		for i, s := range t {
			if Value(s) {
				t[i] = Redacted
			}
		}
	case []any:
		for i, e := range t {
			t[i] = scrub("", e)
		}
	case map[string]any:
		Attrs(t)
	case map[string]string:
		Tags(t)
	}
	return v
}
