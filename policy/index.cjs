// Entry point the policy runner (@pulumi/pulumi/cmd/run-policy-pack) requires. It is CommonJS on
// purpose: the runner always registers its vendored ts-node for `require`d .ts files (it ignores
// PulumiPolicy.yaml's `typescript: false`), and ts-node 7 cannot compile this ESM TypeScript. A
// dynamic import goes through the ESM loader instead, where tsx (nodeargs --import tsx) compiles it;
// the runner awaits the promise this function returns.
module.exports = () => import("./pack.ts");
