// A review: the saved preview, the plan it saved, the domain diff and the report, in one folder,
// with review.json holding the hash of each file. The report is rendered from these files alone,
// so anyone can re-render it and get the same bytes; apply refuses a folder whose files moved.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { DomainDiff } from "./domain.ts";
import { sha256 } from "./hash.ts";
import { type RenderedReport, renderReport } from "./render.ts";
import { parseSavedPreview } from "./saved-preview.ts";

export const REVIEW_FILES = {
  preview: "preview.json",
  events: "events.jsonl",
  plan: "plan.json",
  domain: "domain.json",
  markdown: "report.md",
  html: "report.html",
  review: "review.json",
} as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const reviewSchema = z.strictObject({
  stack: z.string().min(1),
  /** The report's verdict: false when blocked, failed or without a plan. */
  applicable: z.boolean(),
  verdict: z.string(),
  planHash: hex64.optional(),
  reportHash: hex64,
  htmlHash: hex64,
  previewHash: hex64,
  eventsHash: hex64,
  domainHash: hex64.optional(),
  /** What the domain diff's "before" side was. */
  base: z.string().optional(),
  /** SHA-256 of the stack's state file when the preview ran (null: the stack had no state yet). */
  stateHash: hex64.nullable(),
  /** SHA-256 of every file the program is made of (path → hash); apply refuses if one differs. */
  program: z.record(z.string(), hex64),
  /** Policy packs and their config files the preview ran with (apply runs the same). */
  policy: z.strictObject({ packs: z.array(z.string()), configs: z.array(z.string()) }),
});

export type Review = z.infer<typeof reviewSchema>;

export class ReviewError extends Error {}

export function readReview(dir: string): Review {
  const file = join(dir, REVIEW_FILES.review);
  if (!existsSync(file))
    throw new ReviewError(`${file}: no such file; give a folder written by \`scripts/audit preview\``);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ReviewError(`${file}: not JSON (${error instanceof Error ? error.message : error})`);
  }
  const parsed = reviewSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReviewError(`${file}: ${issue?.path.join(".") || "(top level)"}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The files whose bytes no longer match what review.json recorded. */
export function changedReviewFiles(dir: string, review: Review): string[] {
  const expected: [string, string | undefined][] = [
    [REVIEW_FILES.preview, review.previewHash],
    [REVIEW_FILES.events, review.eventsHash],
    [REVIEW_FILES.markdown, review.reportHash],
    [REVIEW_FILES.html, review.htmlHash],
    [REVIEW_FILES.plan, review.planHash],
    [REVIEW_FILES.domain, review.domainHash],
  ];
  return expected
    .filter(([, hash]) => hash !== undefined)
    .filter(([name, hash]) => {
      const file = join(dir, name);
      return !existsSync(file) || sha256(readFileSync(file)) !== hash;
    })
    .map(([name]) => name);
}

/** The report of a review folder, rendered again from its saved inputs. */
export function renderReview(dir: string, review: Review): RenderedReport {
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  const preview = parseSavedPreview(read(REVIEW_FILES.preview), read(REVIEW_FILES.events), {
    preview: join(dir, REVIEW_FILES.preview),
    events: join(dir, REVIEW_FILES.events),
  });
  const domain = review.domainHash ? (JSON.parse(read(REVIEW_FILES.domain)) as DomainDiff) : undefined;
  return renderReport({
    stack: review.stack,
    preview,
    ...(domain ? { domain } : {}),
    ...(review.planHash ? { planHash: review.planHash } : {}),
    ...(review.base ? { base: review.base } : {}),
  });
}
