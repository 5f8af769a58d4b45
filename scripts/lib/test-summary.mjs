// Prints "N passed, N failed" from vitest's JSON report. A test file that failed before any of
// its tests ran (an import error, a crashed hook) counts as one failure: it has no test results
// of its own, and a summary that left it out would read as green.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
const brokenFiles = report.testResults.filter(
  (f) => f.status === "failed" && f.assertionResults.length === 0,
).length;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed`);
