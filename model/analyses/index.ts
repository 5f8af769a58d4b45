// The pure analyses of the model, and one call that runs them all (reports and the benchmark use it).
export * from "./coverage.ts";
export * from "./network.ts";
export * from "./optical-loss.ts";
export * from "./optics.ts";
export * from "./scope.ts";
export * from "./cut-points.ts";
export * from "./diversity.ts";
