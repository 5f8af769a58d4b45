// A review folder: rendered again from its files it gives the saved bytes; a file changed after the
// review is named; the file backend's history is read oldest first with each checkpoint's hash.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentStateHash, readHistory } from "../../../audit/file-backend.ts";
import { sha256 } from "../../../audit/hash.ts";
import { renderReport } from "../../../audit/render.ts";
import {
  changedReviewFiles,
  type Review,
  ReviewError,
  readReview,
  renderReview,
} from "../../../audit/review.ts";
import { parseSavedPreview } from "../../../audit/saved-preview.ts";
import { policyEvent, previewJson, step } from "./preview-fixture.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "audit-review-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeReview(): Promise<Review> {
  const preview = previewJson([
    step({ op: "delete", type: "kubernetes:core/v1:Namespace", name: "gone", before: {} }),
  ]);
  const events = `${policyEvent(1, { policy: "default-deny", level: "advisory", message: "add a default-deny policy" })}\n`;
  const plan = '{"manifest":{}}\n';
  const rendered = renderReport({
    stack: "twin",
    preview: parseSavedPreview(preview, events),
    planHash: sha256(plan),
  });
  const files = {
    "preview.json": preview,
    "events.jsonl": events,
    "plan.json": plan,
    "report.md": rendered.markdown,
    "report.html": rendered.html,
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const review: Review = {
    stack: "twin",
    applicable: true,
    verdict: "Ready",
    planHash: sha256(plan),
    reportHash: sha256(rendered.markdown),
    htmlHash: sha256(rendered.html),
    previewHash: sha256(preview),
    eventsHash: sha256(events),
    stateHash: null,
    program: {},
    policy: { packs: [], configs: [] },
  };
  await writeFile(join(dir, "review.json"), JSON.stringify(review));
  return review;
}

describe("review folder", () => {
  it("renders again to the saved bytes", async () => {
    const review = await writeReview();
    const again = renderReview(dir, readReview(dir));
    expect(sha256(again.markdown)).toBe(review.reportHash);
    expect(sha256(again.html)).toBe(review.htmlHash);
    expect(changedReviewFiles(dir, review)).toEqual([]);
  });

  it("names every file changed after the review", async () => {
    const review = await writeReview();
    await writeFile(join(dir, "plan.json"), '{"manifest":{"forged":true}}\n');
    await rm(join(dir, "events.jsonl"));
    expect(changedReviewFiles(dir, review)).toEqual(["events.jsonl", "plan.json"]);
  });

  it("refuses a folder that is not a review, saying why", async () => {
    expect(() => readReview(dir)).toThrow(/review\.json: no such file/);
    await writeFile(join(dir, "review.json"), '{"stack":"twin"}');
    expect(() => readReview(dir)).toThrow(ReviewError);
    expect(() => readReview(dir)).toThrow(/review\.json: applicable: /);
  });
});

describe("file backend history", () => {
  it("lists updates oldest first with their checkpoint hashes; a missing checkpoint has none", async () => {
    const history = join(dir, ".pulumi", "history", "p", "s");
    await mkdir(history, { recursive: true });
    await mkdir(join(dir, ".pulumi", "stacks", "p"), { recursive: true });
    for (const [stamp, kind] of [
      ["1796111663306598597", "update"],
      ["1796111646059994519", "refresh"],
    ] as const) {
      await writeFile(
        join(history, `s-${stamp}.history.json`),
        JSON.stringify({ kind, result: "succeeded", resourceChanges: { create: 2 } }),
      );
    }
    await writeFile(join(history, "s-1796111646059994519.checkpoint.json"), "{}");
    await writeFile(join(dir, ".pulumi", "stacks", "p", "s.json"), "{}");
    const files = { backendDir: dir, project: "p", stack: "s" };
    expect(readHistory(files)).toEqual([
      {
        id: "s-1796111646059994519",
        kind: "refresh",
        result: "succeeded",
        resourceChanges: { create: 2 },
        checkpointHash: sha256("{}"),
      },
      {
        id: "s-1796111663306598597",
        kind: "update",
        result: "succeeded",
        resourceChanges: { create: 2 },
        checkpointHash: undefined,
      },
    ]);
    expect(currentStateHash(files)).toBe(sha256("{}"));
    expect(currentStateHash({ ...files, stack: "other" })).toBeUndefined();
  });
});
