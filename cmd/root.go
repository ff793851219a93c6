package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/graph"
)

// exitStatusHelp ends every command's help, so scripts know what to expect.
const exitStatusHelp = `
EXIT STATUS
  0  success
  1  findings that fail the gate (check only)
  2  bad usage or bad input (the message names the file and the place)
  3  discovery incomplete (coverage gaps) and --strict was given`

// Main runs untether with the process's arguments and streams and returns
// the exit status.
func Main() int { return Run(os.Args[1:], SystemIO()) }

// Run runs untether with args and streams and returns the exit status.
func Run(args []string, ios *IOStreams) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	defer startProfile(ios)()
	interruptOnSignal(ios, cancel)
	root := NewRootCmd(ios)
	var maxMemory string
	root.PersistentFlags().StringVar(&maxMemory, "max-memory", "", "memory the run may use, e.g. `SIZE` 2GiB (default: GOMEMLIMIT, else 90% of the memory available); a run that needs more ends with exit 2")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		lim, restore, err := setMemoryLimit(maxMemory, ios.getenv)
		go func() { <-ctx.Done(); restore() }()
		if err != nil {
			return err
		}
		p := ios.phaseReporter()
		if lim.bytes > 0 {
			p.memory = func() string { return formatSize(inUse()) + " of " + formatSize(lim.bytes) }
		}
		watchMemory(ctx, lim, p.current, exitOutOfMemory(ios))
		return nil
	}
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(ios.ErrOut, "untether: interrupted; no output file was written")
		return 130
	}
	fmt.Fprintf(ios.ErrOut, "untether: %v\n", err)
	return exitCode(err)
}

// interruptOnSignal cancels the run on Ctrl-C or SIGTERM, so discovery stops
// and no output file is written. Pure computation (a large audit) does not
// watch the context: if the run has not ended within a grace period, or on a
// second signal, the process removes the temporary files of writes in
// progress and exits 130 at once.
func interruptOnSignal(ios *IOStreams, cancel context.CancelFunc) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		cancel()
		select {
		case <-sigs:
		case <-time.After(3 * time.Second):
		}
		graph.AbortWrites()
		fmt.Fprintln(ios.ErrOut, "untether: interrupted; no output file was written")
		os.Exit(130)
	}()
}

// NewRootCmd builds the command tree.
func NewRootCmd(ios *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "untether",
		Short: "Map cloud dependencies, simulate outages, score SPOFs and lock-in",
		Long: `untether maps a company's cloud dependencies across AWS, GCP, Azure, on-prem
and SaaS into one dependency graph (the estate), simulates provider, region,
zone and managed-service outages on it, and scores blast radius, single
points of failure (SPOFs), vendor lock-in and concentration.

Start with the embedded demo estate (no credentials, no network):

  untether audit --demo

A SOURCE is an estate file (untether discover -o estate.json), a Terraform
state, or 'terraform show -json' output of a state or a plan; the reader is
chosen by the file's content. Several SOURCE files merge into one estate.` + "\n" + exitStatusHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.Version = version() // --version: module version and VCS revision
	root.SetVersionTemplate("untether {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v (see '%s --help')", err, c.CommandPath())
	})
	root.AddCommand(
		newAuditCmd(ios, nil),
		newSimulateCmd(ios, nil),
		newExplainCmd(ios, nil),
		newExportCmd(ios, nil),
		newDemoCmd(ios, nil),
		newDiscoverCmd(ios, nil),
		newMergeCmd(ios, nil),
		newBaselineCmd(ios, nil),
		newCheckCmd(ios, nil),
		newPlanCmd(ios, nil),
	)
	for _, c := range root.Commands() {
		if c.Long != "" {
			c.Long += "\n" + exitStatusHelp
		}
	}
	root.CompletionOptions.HiddenDefaultCmd = true
	return root
}

// flagChanged reports whether the user set a flag.
func flagChanged(fs *pflag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	return f != nil && f.Changed
}
