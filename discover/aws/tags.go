package aws

import "strings"

// Redacted replaces a tag value whose key looks secret.
const Redacted = "redacted"

// secretWords are fragments of tag keys whose values are never stored.
var secretWords = []string{"password", "passwd", "pwd", "secret", "token", "key", "credential",
	"private", "auth", "session", "signature", "cookie", "cert", "connection"}

// SecretKey reports whether a tag key looks like it names a secret.
func SecretKey(k string) bool {
	k = strings.ToLower(k)
	for _, w := range secretWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// tagMap turns key/value pairs into node tags, redacting secret-looking ones.
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
		if SecretKey(k) {
			v = Redacted
		}
		out[k] = v
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
		if SecretKey(k) {
			v = Redacted
		}
		out[k] = v
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
