// The Pulumi language host installs source-map-support before it loads this program; its stack
// formatter (JavaScript, frame by frame) then runs for every resource and for most of the SDK's
// promises, each of which records a full stack trace. The program runs on Node's own type stripping,
// which keeps every line and column where it is in the .ts source: no source map is needed, so the
// program hands stack traces back to V8's native formatter.
Reflect.deleteProperty(Error, "prepareStackTrace");
