package aws

import (
	"reflect"
	"strings"
)

// tokenFields are the output fields in which AWS APIs hand back where the
// next page starts; one listing may carry several (Route 53's record name,
// type and identifier), or echo the request's (Marker next to NextMarker).
var tokenFields = map[string]bool{
	"NextToken": true, "NextMarker": true, "Marker": true, "Position": true,
	"NextContinuationToken": true, "ContinuationToken": true, "PaginationToken": true,
	"LastEvaluatedTableName": true, "NextRecordName": true, "NextRecordType": true,
	"NextRecordIdentifier": true, "NextPageToken": true,
}

// nextToken is the continuation of a page of any SDK listing, read from
// its token fields (and those of a struct it wraps the list in, like
// CloudFront's DistributionList): "" on the last page. Route 53's record
// listing continues at a (name, type, identifier) triple, so all token
// fields together are the token. It lets one bound
// (discover.Pages) watch every paginator, whatever its token is called.
func nextToken(page any) string {
	var parts []string
	collectTokens(reflect.ValueOf(page), 2, &parts)
	return strings.Join(parts, "\x00")
}

func collectTokens(v reflect.Value, depth int, parts *[]string) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || depth == 0 {
		return
	}
	t := v.Type()
	_, hasNext := t.FieldByName("NextMarker")
	_, hasNextCont := t.FieldByName("NextContinuationToken")
	for i := range t.NumField() {
		f := t.Field(i)
		// Beside a Next field, Marker and ContinuationToken echo the request.
		if !f.IsExported() || (hasNext || hasNextCont) && (f.Name == "Marker" || f.Name == "ContinuationToken") {
			continue
		}
		fv := v.Field(i)
		switch {
		case tokenFields[f.Name] && fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.String:
			if !fv.IsNil() && fv.Elem().String() != "" {
				*parts = append(*parts, f.Name+"="+fv.Elem().String())
			}
		case tokenFields[f.Name] && fv.Kind() == reflect.String:
			if fv.String() != "" {
				*parts = append(*parts, f.Name+"="+fv.String())
			}
		case fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.Struct:
			collectTokens(fv, depth-1, parts)
		}
	}
}
