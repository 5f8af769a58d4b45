// The broken-input corpora (YAML and the network formats) assert one problem the same way.
import { expect } from "vitest";
import type { Problem } from "../../../model/load/index.ts";

/** A problem's fields as a test expects them: the message exactly, or a pattern it must match. */
export type ExpectedProblem = Omit<Partial<Problem>, "message"> & { message: RegExp | string };

/** The single problem an edit must produce, asserted field by field. */
export function expectOneProblem(problems: Problem[], expected: ExpectedProblem): Problem {
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  const [p] = problems as [Problem];
  const { message, ...rest } = expected;
  expect(p).toMatchObject(rest);
  if (typeof message === "string") expect(p.message).toBe(message);
  else expect(p.message).toMatch(message);
  return p;
}
