// The Pulumi SDK sends the engine a debug message at each stage of every registration (four or five
// per resource, one gRPC call each, chained one after another, whatever the log level): about 5,000
// for the data center, which the engine shows only with `--debug` or `-v`. The program leaves them
// out unless BAUBAU_PULUMI_DEBUG=1 (docs/stacks.md, "Engine settings").
import { createRequire } from "node:module";

const sdkLog = createRequire(import.meta.url)("@pulumi/pulumi/log") as {
  debug: (...args: unknown[]) => Promise<void>;
};
if (process.env.BAUBAU_PULUMI_DEBUG !== "1") sdkLog.debug = () => Promise.resolve();
