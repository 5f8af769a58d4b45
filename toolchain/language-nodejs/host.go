package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// bailExitCode is what @pulumi/pulumi/cmd/run exits with after it has already reported an
// actionable error to the engine; the engine must not print a second, generic error.
const bailExitCode = 32

type languageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func (h *languageHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.engineAddress = req.GetEngineAddress()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *languageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// GetRequiredPackages reports the resource plugins the program's node_modules declare (a
// package.json with "pulumi": {"resource": true}), so the engine checks they are installed
// before the program starts and a missing plugin fails early with its exact name and version.
func (h *languageHost) GetRequiredPackages(
	_ context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	plugins, err := resourcePlugins(programDirectory(req.GetInfo()))
	if err != nil {
		return nil, err
	}
	resp := &pulumirpc.GetRequiredPackagesResponse{}
	for _, p := range plugins {
		resp.Packages = append(resp.Packages, &pulumirpc.PackageDependency{
			Name: p.Name, Kind: "resource", Version: p.Version, Server: p.Server,
		})
	}
	return resp, nil
}

func (h *languageHost) GetRequiredPlugins(
	_ context.Context, req *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	plugins, err := resourcePlugins(programDirectory(req.GetInfo()))
	if err != nil {
		return nil, err
	}
	resp := &pulumirpc.GetRequiredPluginsResponse{}
	for _, p := range plugins {
		resp.Plugins = append(resp.Plugins, &pulumirpc.PluginDependency{
			Name: p.Name, Kind: "resource", Version: p.Version, Server: p.Server,
		})
	}
	return resp, nil
}

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	dir := programDirectory(info)
	runScript, err := resolveSDKScript(dir, "cmd/run")
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	opts := runtimeOptions(info)

	args := append(nodeArgs(opts), runScript)
	args = append(args, "--monitor="+req.GetMonitorAddress())
	if h.engineAddress != "" {
		args = append(args, "--engine="+h.engineAddress)
	}
	for flag, value := range map[string]string{
		"organization":   req.GetOrganization(),
		"project":        req.GetProject(),
		"stack":          req.GetStack(),
		"pwd":            req.GetPwd(),
		"root-directory": info.GetRootDirectory(),
	} {
		if value != "" {
			args = append(args, "--"+flag+"="+value)
		}
	}
	if req.GetParallel() > 0 {
		args = append(args, fmt.Sprintf("--parallel=%d", req.GetParallel()))
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = req.GetProgram()
	}
	if entry == "" {
		entry = "."
	}
	args = append(args, entry)
	args = append(args, req.GetArgs()...)

	// A stack with no config must still read as {} (the SDK does Object.keys on it), not null.
	configMap := req.GetConfig()
	if configMap == nil {
		configMap = map[string]string{}
	}
	config, err := json.Marshal(configMap)
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(nonNil(req.GetConfigSecretKeys()))
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys),
		fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", opts.typescript),
	)
	if opts.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfig)
	}

	cmd := exec.CommandContext(ctx, nodeBinary(), args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if exit.ExitCode() == bailExitCode {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exit.ExitCode()),
			}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not start node: %v", err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// RunPlugin runs a plugin written in Node.js, such as a CrossGuard policy pack, streaming its
// output to the engine.
//
// Policy packs are run the way upstream's host runs them (sdk/nodejs/cmd/pulumi-language-nodejs):
// `run-policy-pack <engine-address> <pack directory>` with the pack's directory as working
// directory, behind sdk.PolicyProxy. The proxy answers the engine's ConfigureStack itself, so the
// pack starts with the stack's name and config in PULUMI_NODEJS_STACK and PULUMI_CONFIG (what
// `pulumi.getStack()` and `new pulumi.Config()` read), then forwards every call to the pack.
func (h *languageHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	ctx := server.Context()
	info := req.GetInfo()
	dir := programDirectory(info)
	policy := isPolicyPack(req.GetKind())
	script := "cmd/run-plugin"
	if policy {
		script = "cmd/run-policy-pack"
	}
	runScript, err := resolveSDKScript(dir, script)
	if err != nil {
		return err
	}
	var stdout io.Writer = &streamWriter{send: func(b []byte) error {
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}})
	}}
	stderr := &streamWriter{send: func(b []byte) error {
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}})
	}}
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = "."
	}
	args := pluginArgs(nodeArgs(runtimeOptions(info)), runScript, policy, dir, entry, req.GetArgs())
	env := append(os.Environ(), req.GetEnv()...)

	cmd := exec.CommandContext(ctx, nodeBinary(), args...)
	cmd.Dir = req.GetPwd()
	cmd.Stderr = stderr
	if !policy {
		cmd.Env = env
		cmd.Stdout = stdout
		err := cmd.Run()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			return fmt.Errorf("could not start node: %w", err)
		}
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{
			Exitcode: exitCode(err),
		}})
	}

	proxy, packStdout, err := sdk.NewPolicyProxy(ctx, stdout)
	if err != nil {
		return fmt.Errorf("could not start the policy pack proxy: %w", err)
	}
	stack, err := proxy.AwaitConfiguration(ctx)
	if err != nil {
		return fmt.Errorf("could not get the stack configuration for the policy pack: %w", err)
	}
	extra, err := policyPackEnv(stack)
	if err != nil {
		return err
	}
	cmd.Dir = dir
	cmd.Env = append(env, extra...)
	cmd.Stdout = packStdout
	if err := cmd.Start(); err != nil {
		proxy.Abort(err)
		return fmt.Errorf("could not start node: %w", err)
	}
	// Attach returns once the pack has exited (its error is the exit status).
	err = proxy.Attach(ctx, cmd)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return err
	}
	return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{
		Exitcode: exitCode(err),
	}})
}

func isPolicyPack(kind string) bool {
	return kind == "policy" || kind == "analyzer"
}

// pluginArgs is node's command line for a plugin: run-policy-pack takes the engine address first
// and the pack's directory last; run-plugin the entry point first, then the engine's arguments.
func pluginArgs(nodeArgs []string, runScript string, policy bool, dir, entry string, engineArgs []string) []string {
	args := append(append([]string{}, nodeArgs...), runScript)
	if policy {
		return append(append(args, engineArgs...), dir)
	}
	return append(append(args, entry), engineArgs...)
}

// policyPackEnv passes the stack the pack checks the way @pulumi/pulumi's runtime reads it.
func policyPackEnv(stack *pulumirpc.AnalyzerStackConfigureRequest) ([]string, error) {
	if stack == nil {
		// `pulumi policy publish` and the like configure no stack.
		return nil, nil
	}
	var env []string
	add := func(k, v string) {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	add("PULUMI_NODEJS_ORGANIZATION", stack.GetOrganization())
	add("PULUMI_NODEJS_PROJECT", stack.GetProject())
	add("PULUMI_NODEJS_STACK", stack.GetStack())
	add("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stack.GetDryRun()))
	if stack.GetConfig() != nil {
		config, err := json.Marshal(stack.GetConfig())
		if err != nil {
			return nil, fmt.Errorf("could not encode the stack configuration: %w", err)
		}
		add("PULUMI_CONFIG", string(config))
		keys, err := json.Marshal(nonNil(stack.GetConfigSecretKeys()))
		if err != nil {
			return nil, err
		}
		add("PULUMI_CONFIG_SECRET_KEYS", string(keys))
	}
	return env, nil
}

// exitCode is the child's exit status: 0 on success, else its exit code.
func exitCode(err error) int32 {
	if err == nil {
		return 0
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return int32(exit.ExitCode())
	}
	return -1
}

// InstallDependencies runs `npm ci` when a lock file is present, else `npm install`.
func (h *languageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	dir := programDirectory(req.GetInfo())
	if dir == "" {
		dir = req.GetDirectory()
	}
	verb := "install"
	if _, err := os.Stat(filepath.Join(dir, "package-lock.json")); err == nil {
		verb = "ci"
	}
	cmd := exec.CommandContext(server.Context(), "npm", verb, "--no-audit", "--no-fund")
	cmd.Dir = dir
	cmd.Stdout = &streamWriter{send: func(b []byte) error {
		return server.Send(&pulumirpc.InstallDependenciesResponse{Stdout: b})
	}}
	cmd.Stderr = &streamWriter{send: func(b []byte) error {
		return server.Send(&pulumirpc.InstallDependenciesResponse{Stderr: b})
	}}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm %s in %s failed: %w", verb, dir, err)
	}
	return nil
}

func (h *languageHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node := nodeBinary()
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("node not runnable (%s): %w", node, err)
	}
	path, _ := exec.LookPath(node)
	return &pulumirpc.AboutResponse{Executable: path, Version: strings.TrimSpace(string(out))}, nil
}

// GetProgramDependencies lists the program's declared npm dependencies (for `pulumi about`).
func (h *languageHost) GetProgramDependencies(
	_ context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	raw, err := os.ReadFile(filepath.Join(programDirectory(req.GetInfo()), "package.json"))
	if err != nil {
		return nil, err
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := json.Unmarshal(raw, &pkg); err != nil {
		return nil, fmt.Errorf("package.json: %w", err)
	}
	resp := &pulumirpc.GetProgramDependenciesResponse{}
	for name, v := range pkg.Dependencies {
		resp.Dependencies = append(resp.Dependencies, &pulumirpc.DependencyInfo{Name: name, Version: v})
	}
	sort.Slice(resp.Dependencies, func(i, j int) bool { return resp.Dependencies[i].Name < resp.Dependencies[j].Name })
	return resp, nil
}

type nodeOptions struct {
	typescript bool
	tsconfig   string
	nodeargs   string
}

// runtimeOptions reads Pulumi.yaml's runtime.options with upstream's defaults.
func runtimeOptions(info *pulumirpc.ProgramInfo) nodeOptions {
	opts := nodeOptions{typescript: true}
	fields := info.GetOptions().GetFields()
	if v, ok := fields["typescript"]; ok {
		if b, isBool := v.GetKind().(*structpb.Value_BoolValue); isBool {
			opts.typescript = b.BoolValue
		}
	}
	opts.tsconfig = fields["tsconfig"].GetStringValue()
	opts.nodeargs = fields["nodeargs"].GetStringValue()
	return opts
}

func nodeArgs(opts nodeOptions) []string {
	return strings.Fields(opts.nodeargs)
}

func nodeBinary() string {
	if n := os.Getenv("PULUMI_NODEJS_NODE_BINARY"); n != "" {
		return n
	}
	return "node"
}

func programDirectory(info *pulumirpc.ProgramInfo) string {
	if d := info.GetProgramDirectory(); d != "" {
		return d
	}
	if d := info.GetRootDirectory(); d != "" {
		return d
	}
	wd, _ := os.Getwd()
	return wd
}

// resolveSDKScript finds @pulumi/pulumi/<script> the way Node resolves packages: in the
// node_modules of the program directory or any of its parents.
func resolveSDKScript(dir, script string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "node_modules", "@pulumi", "pulumi", filepath.FromSlash(script))
		if _, err := os.Stat(filepath.Join(candidate, "index.js")); err == nil {
			return candidate, nil
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return "", fmt.Errorf("@pulumi/pulumi is not installed for %s: run `npm ci` in the project (looked for node_modules/@pulumi/pulumi/%s)", dir, script)
}

type pluginPackage struct {
	Name, Version, Server string
}

// resourcePlugins scans the nearest node_modules for packages that declare a resource plugin.
func resourcePlugins(dir string) ([]pluginPackage, error) {
	var modules string
	for d := dir; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, "node_modules")); err == nil && st.IsDir() {
			modules = filepath.Join(d, "node_modules")
			break
		}
		if filepath.Dir(d) == d {
			return nil, nil
		}
	}
	manifests, err := filepath.Glob(filepath.Join(modules, "*", "package.json"))
	if err != nil {
		return nil, err
	}
	scoped, err := filepath.Glob(filepath.Join(modules, "@*", "*", "package.json"))
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []pluginPackage
	for _, m := range append(manifests, scoped...) {
		raw, err := os.ReadFile(m)
		if err != nil {
			continue
		}
		var pkg struct {
			Version string `json:"version"`
			Pulumi  struct {
				Resource bool   `json:"resource"`
				Name     string `json:"name"`
				Version  string `json:"version"`
				Server   string `json:"server"`
			} `json:"pulumi"`
		}
		if json.Unmarshal(raw, &pkg) != nil || !pkg.Pulumi.Resource || pkg.Pulumi.Name == "" {
			continue
		}
		v := pkg.Pulumi.Version
		if v == "" {
			v = pkg.Version
		}
		key := pkg.Pulumi.Name + "@" + v
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, pluginPackage{Name: pkg.Pulumi.Name, Version: "v" + strings.TrimPrefix(v, "v"), Server: pkg.Pulumi.Server})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// streamWriter forwards a child's output to a gRPC stream chunk by chunk.
type streamWriter struct {
	send func([]byte) error
}

func (w *streamWriter) Write(p []byte) (int, error) {
	chunk := make([]byte, len(p))
	copy(chunk, p)
	if err := w.send(chunk); err != nil {
		return 0, err
	}
	return len(p), nil
}
