package cmd

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/untether-dev/untether/discover/aws/awsfake"
	"github.com/untether-dev/untether/discover/azure/azurefake"
	"github.com/untether-dev/untether/discover/gcp/gcpfake"
)

var updateScripts = flag.Bool("update", false, "rewrite the cmp files of testdata/script from the real output")

// TestMain lets the test binary run as the real `untether` command inside
// the end-to-end scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"untether": func() { os.Exit(Main()) },
	})
}

// TestScripts runs testdata/script/*.txtar: the real binary on the demo and
// on small estates, with exact exit codes.
func TestScripts(t *testing.T) {
	// One fake AWS for every script: the real binary reaches it over
	// loopback through --aws-endpoint-url $AWSFAKE.
	acct := awsfake.Fixture("111122223333", "us-east-1")
	acct.Regions["us-west-2"] = awsfake.NewData()
	fake := awsfake.New(acct)
	t.Cleanup(fake.Close) // after the parallel scripts, not when this function returns
	fake.DenyRegion = "us-west-2"
	// And one fake Cloud Asset Inventory, through --gcp-endpoint $GCPFAKE.
	gcpFake := gcpfake.New(gcpfake.Fixture())
	t.Cleanup(gcpFake.Close)
	gcpFake.Denied = []string{gcpfake.DeniedProject}
	home := t.TempDir()
	// One fake Resource Graph over TLS: the binary trusts its certificate
	// through SSL_CERT_FILE and gets its token from a fake `az` on PATH
	// (AZURE_TOKEN_CREDENTIALS=AzureCLICredential keeps the default chain
	// from probing anything else).
	azFake := azurefake.New(azurefake.Fixture())
	t.Cleanup(azFake.Close)
	azFake.Denied[azurefake.DeniedSub] = true
	azBin, azCert, err := azurefake.CLIFiles(home, azFake)
	if err != nil {
		t.Fatal(err)
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}

	testscript.Run(t, testscript.Params{
		Dir:                 "../testdata/script",
		UpdateScripts:       *updateScripts,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			// Scripts assert what stderr holds; a loaded machine must not
			// add progress lines to it.
			env.Setenv("UNTETHER_PROGRESS", "off")
			env.Setenv("AWSFAKE", fake.URL)
			env.Setenv("GCPFAKE", gcpFake.URL)
			// The readers' own fixtures, shared with their unit tests.
			env.Setenv("REPO", repo)
			// Credentials for the fake only; no shared config, no instance role.
			env.Setenv("AWS_CONFIG_FILE", filepath.Join(home, "config"))
			env.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(home, "credentials"))
			env.Setenv("AWS_EC2_METADATA_DISABLED", "true")
			env.Setenv("AWS_REGION", "us-east-1")
			env.Setenv("AWS_ACCESS_KEY_ID", "AKIAFAKE111122223333")
			env.Setenv("AWS_SECRET_ACCESS_KEY", "fake")
			env.Setenv("AZUREFAKE", azFake.URL)
			env.Setenv("AZURE_DENIED_SUB", azurefake.DeniedSub)
			env.Setenv("SSL_CERT_FILE", azCert)
			env.Setenv("AZURE_TOKEN_CREDENTIALS", "AzureCLICredential")
			env.Setenv("PATH", azBin+string(os.PathListSeparator)+env.Getenv("PATH"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exits N PROG ARGS... runs PROG and asserts its exact exit
			// status, which `! exec` cannot (it cannot tell 1 from 2).
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits STATUS PROGRAM [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: bad status %q", args[0])
				}
				err = ts.Exec(args[1], args[2:]...)
				got := 0
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					got = ee.ExitCode()
				} else if err != nil {
					ts.Fatalf("exits: %v", err)
				}
				if got != want {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
		},
	})
}
