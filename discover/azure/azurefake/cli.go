package azurefake

import (
	"encoding/pem"
	"os"
	"path/filepath"
)

// DeniedSub is a subscription tests deny with Server.Denied.
const DeniedSub = "11111111-2222-4333-8444-555555555555"

// CLIFiles lets a real untether process reach s without network or a real
// identity: it writes s's TLS certificate (for SSL_CERT_FILE) and an `az`
// that prints a fake token the way `az account get-access-token -o json`
// does (for PATH, with AZURE_TOKEN_CREDENTIALS=AzureCLICredential). It
// returns the directory holding `az` and the certificate's path.
func CLIFiles(dir string, s *Server) (bin, cert string, err error) {
	bin = filepath.Join(dir, "azbin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return "", "", err
	}
	az := "#!/bin/sh\necho '{\"accessToken\": \"fake-token\", \"expires_on\": 4102444800, \"tokenType\": \"Bearer\"}'\n"
	if err := os.WriteFile(filepath.Join(bin, "az"), []byte(az), 0o755); err != nil {
		return "", "", err
	}
	cert = filepath.Join(dir, "azurefake.pem")
	block := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.Certificate().Raw})
	return bin, cert, os.WriteFile(cert, block, 0o644)
}
