package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

func TestParseArgsTakesTheEngineAddressAmongEngineFlags(t *testing.T) {
	got, err := parseArgs([]string{"--logtostderr", "-v=9", "--tracing", "http://t:9411", "-root", "/p", "127.0.0.1:1234"})
	if err != nil || got != "127.0.0.1:1234" {
		t.Fatalf("parseArgs = %q, %v; want the engine address", got, err)
	}
	if got, err := parseArgs(nil); err != nil || got != "" {
		t.Fatalf("no arguments: %q, %v; want none (attach through Handshake)", got, err)
	}
	if _, err := parseArgs([]string{"a:1", "b:2"}); err == nil {
		t.Fatal("two positional arguments must be refused")
	}
}

func writeJSON(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestResourcePluginsReadsDeclaredPluginsFromTheNearestNodeModules(t *testing.T) {
	root := t.TempDir()
	modules := filepath.Join(root, "node_modules")
	writeJSON(t, filepath.Join(modules, "@pulumi", "kubernetes", "package.json"),
		`{"name":"@pulumi/kubernetes","version":"4.25.0","pulumi":{"resource":true,"name":"kubernetes","version":"4.25.0"}}`)
	writeJSON(t, filepath.Join(modules, "@pulumi", "pulumi", "package.json"), `{"name":"@pulumi/pulumi","version":"3.270.0"}`)
	writeJSON(t, filepath.Join(modules, "zod", "package.json"), `{"name":"zod","version":"4.0.0"}`)
	program := filepath.Join(root, "stacks")
	if err := os.MkdirAll(program, 0o755); err != nil {
		t.Fatal(err)
	}

	got, err := resourcePlugins(program)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "kubernetes" || got[0].Version != "v4.25.0" {
		t.Fatalf("resourcePlugins = %+v; want only kubernetes v4.25.0", got)
	}
}

func TestResolveSDKScriptWalksUpAndExplainsWhenMissing(t *testing.T) {
	root := t.TempDir()
	writeJSON(t, filepath.Join(root, "node_modules", "@pulumi", "pulumi", "cmd", "run", "index.js"), "")
	deep := filepath.Join(root, "stacks", "nested")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := resolveSDKScript(deep, "cmd/run")
	if err != nil || got != filepath.Join(root, "node_modules", "@pulumi", "pulumi", "cmd", "run") {
		t.Fatalf("resolveSDKScript = %q, %v", got, err)
	}
	if _, err := resolveSDKScript(t.TempDir(), "cmd/run"); err == nil {
		t.Fatal("a program without @pulumi/pulumi must get an error telling to run npm ci")
	}
}

func TestRuntimeOptionsFollowPulumiYaml(t *testing.T) {
	options, err := structpb.NewStruct(map[string]any{"typescript": false, "nodeargs": "--import tsx", "tsconfig": "tsconfig.json"})
	if err != nil {
		t.Fatal(err)
	}
	got := runtimeOptions(&pulumirpc.ProgramInfo{Options: options})
	if got.typescript || got.nodeargs != "--import tsx" || got.tsconfig != "tsconfig.json" {
		t.Fatalf("runtimeOptions = %+v", got)
	}
	if def := runtimeOptions(&pulumirpc.ProgramInfo{}); !def.typescript || def.nodeargs != "" {
		t.Fatalf("defaults = %+v; want typescript on, no node args (upstream's defaults)", def)
	}
	if args := nodeArgs(got); len(args) != 2 || args[0] != "--import" || args[1] != "tsx" {
		t.Fatalf("nodeArgs = %q", args)
	}
}

func TestPluginArgsPutThePackDirectoryLastForPolicyPacks(t *testing.T) {
	got := pluginArgs([]string{"--import", "tsx"}, "/n/cmd/run-policy-pack", true, "/p/policy", ".", []string{"127.0.0.1:9"})
	want := []string{"--import", "tsx", "/n/cmd/run-policy-pack", "127.0.0.1:9", "/p/policy"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("policy pack args = %q; want %q (run-policy-pack takes <engine-address> <program>)", got, want)
	}
	got = pluginArgs(nil, "/n/cmd/run-plugin", false, "/p/plugin", "index.js", []string{"a", "b"})
	if strings.Join(got, " ") != "/n/cmd/run-plugin index.js a b" {
		t.Fatalf("plugin args = %q", got)
	}
}

func TestPolicyPackEnvCarriesTheStackAndItsConfig(t *testing.T) {
	env, err := policyPackEnv(&pulumirpc.AnalyzerStackConfigureRequest{
		Stack: "twin", Project: "baubau-smartcity", DryRun: true,
		Config: map[string]string{"baubau:policyProfile": "twin"}, ConfigSecretKeys: []string{"baubau:kubeconfig-dc-prod"},
	})
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(env, "\n")
	for _, want := range []string{
		"PULUMI_NODEJS_STACK=twin", "PULUMI_NODEJS_PROJECT=baubau-smartcity", "PULUMI_NODEJS_DRY_RUN=true",
		`PULUMI_CONFIG={"baubau:policyProfile":"twin"}`, `PULUMI_CONFIG_SECRET_KEYS=["baubau:kubeconfig-dc-prod"]`,
	} {
		if !strings.Contains(joined, want) {
			t.Fatalf("policyPackEnv = %q; missing %q", env, want)
		}
	}
	if env, err := policyPackEnv(nil); err != nil || env != nil {
		t.Fatalf("no stack (policy publish): %q, %v; want nothing", env, err)
	}
}
