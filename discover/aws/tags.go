package aws

import "github.com/untether-dev/untether/discover/redact"

// tagMap turns key/value pairs into node tags, redacting secrets by the
// shared rule (discover/redact).
func tagMap[T any](in []T, kv func(T) (string, string)) map[string]string {
	if len(in) == 0 {
		return nil
	}
	out := make(map[string]string, len(in))
	for _, t := range in {
		k, v := kv(t)
		if k == "" {
			continue
		}
		out[k] = redact.String(k, v)
	}
	return out
}

// safeTags redacts a map of tags.
func safeTags(in map[string]string) map[string]string {
	if len(in) == 0 {
		return nil
	}
	out := make(map[string]string, len(in))
	for k, v := range in {
		out[k] = redact.String(k, v)
	}
	return out
}

// nameTag is the Name tag, the console's display name.
func nameTag(tags map[string]string, fallback string) string {
	if n := tags["Name"]; n != "" {
		return n
	}
	return fallback
}
