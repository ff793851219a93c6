package graph

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the estate file. It checks
// shapes; Validate checks what a schema cannot (unique ids, known edge
// ends, need <= members).
//
//go:embed estate.schema.json
var Schema []byte
