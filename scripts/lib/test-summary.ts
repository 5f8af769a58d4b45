// "N passed, N failed" from vitest's JSON report. A test file that failed before any of its tests ran
// (an import error, a crashed hook) counts as one failure: it has no test results of its own, and a
// summary that left it out would read as green.
import { readFile } from "node:fs/promises";

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { status: string; assertionResults: unknown[] }[];
}

export async function testSummary(reportFile: string): Promise<string> {
  const report = JSON.parse(await readFile(reportFile, "utf8")) as VitestReport;
  const brokenFiles = report.testResults.filter(
    (f) => f.status === "failed" && f.assertionResults.length === 0,
  ).length;
  return `${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed`;
}
