package gcp

import (
	"regexp"
	"strings"
)

// Readers of resource.data: a field of the wrong type reads as absent, so
// a malformed asset never panics.

func obj(d map[string]any, key string) map[string]any {
	m, _ := d[key].(map[string]any)
	return m
}

func str(d map[string]any, key string) string {
	s, _ := d[key].(string)
	return s
}

func list(d map[string]any, key string) []any {
	l, _ := d[key].([]any)
	return l
}

// strs are the string elements of a list field.
func strs(d map[string]any, key string) []string {
	var out []string
	for _, v := range list(d, key) {
		if s, ok := v.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

func lastSegment(s string) string { return s[strings.LastIndex(s, "/")+1:] }

var (
	zonePattern   = regexp.MustCompile(`^([a-z]+-[a-z]+[0-9]+)-[a-z]$`)
	regionPattern = regexp.MustCompile(`^[a-z]+-[a-z]+[0-9]+$`)
)

// zoneOf reads a zone from a zone name or URL ("" when it is not one).
func zoneOf(s string) string {
	z := strings.ToLower(lastSegment(s))
	if zonePattern.MatchString(z) {
		return z
	}
	return ""
}

// regionOfZone is the region of a zone name.
func regionOfZone(z string) string {
	if m := zonePattern.FindStringSubmatch(z); m != nil {
		return m[1]
	}
	return ""
}

// regionOf reads a region from a region name or URL ("" when it is not one).
func regionOf(s string) string {
	r := strings.ToLower(lastSegment(s))
	if regionPattern.MatchString(r) {
		return r
	}
	return ""
}

// regionOfLocation is the region of a zone or region location.
func regionOfLocation(loc string) string {
	if z := zoneOf(loc); z != "" {
		return regionOfZone(z)
	}
	return regionOf(loc)
}

// pathPart is the segment after name in a path (".../zones/Z/...").
func pathPart(path, name string) string {
	parts := strings.Split(path, "/")
	for i := 0; i+1 < len(parts); i++ {
		if parts[i] == name {
			return parts[i+1]
		}
	}
	return ""
}

var (
	projectID = regexp.MustCompile(`^[a-z][a-z0-9-]{4,28}[a-z0-9]$`)
	numericID = regexp.MustCompile(`^[0-9]{1,20}$`)
)
