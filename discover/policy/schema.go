package policy

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the policy file.
//
//go:embed policy.schema.json
var Schema []byte
