// Command pulumi-language-nodejs is a small Node.js language host for the Pulumi engine.
//
// Upstream's host lives in its own untagged Go module whose pseudo-versions the module proxy
// reachable from this project's machines does not serve, so the toolkit builds this one from
// the published sdk/v3 module instead. It speaks the same gRPC protocol and drives the same
// scripts shipped in @pulumi/pulumi (cmd/run, cmd/run-plugin, cmd/run-policy-pack), honouring
// the Pulumi.yaml runtime options `nodeargs`, `typescript` and `tsconfig`. A real
// pulumi-language-nodejs found on PATH is preferred by scripts/setup.
package main

import (
	"fmt"
	"os"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"google.golang.org/grpc"
)

// version is stamped at build time by scripts/setup.
var version = "0.0.0-dev"

func main() {
	if len(os.Args) == 2 && os.Args[1] == "--version" {
		fmt.Println(version)
		return
	}
	engineAddress, err := parseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(2)
	}
	host := &languageHost{engineAddress: engineAddress}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(s *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(s, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}

// parseArgs accepts the flags the engine passes to language plugins (logging, tracing, root)
// and returns the engine address, the single positional argument. The engine may omit it when
// it attaches over Handshake instead.
func parseArgs(args []string) (string, error) {
	valueFlags := map[string]bool{"tracing": true, "root": true, "v": true, "binary": true, "tsconfig": true, "nodeargs": true}
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			positional = append(positional, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if valueFlags[name] {
			i++
		}
	}
	if len(positional) > 1 {
		return "", fmt.Errorf("expected at most one engine address, got %q", positional)
	}
	if len(positional) == 1 {
		return positional[0], nil
	}
	return "", nil
}
