// Roadmap facts monitoring needs that the inventory does not state (Visi Baubau 4.0, DOMAIN.md):
// when each phase starts (the fiber trajectory runs from 0 there to the goal at the deadline), and
// the two service KPIs' goals and deadlines (targets.yaml holds fiber targets only).

/** First day of each roadmap phase: I 2025-2028, II 2029-2032, III 2033-2035. */
export const PHASE_START: Readonly<Record<string, string>> = {
  I: "2025-01-01",
  II: "2029-01-01",
  III: "2033-01-01",
};

export const SERVICE_KPIS = {
  /** Phase I: at least 50% of internal administration services digitised. */
  internalAdminDigitised: { goal: 0.5, by: "2028-12-31" },
  /** Phase II: at least 50% of essential public services online. */
  essentialPublicOnline: { goal: 0.5, by: "2032-12-31" },
} as const;

/** Midnight UTC of an ISO date, in Unix seconds (how the deadlines and starts are published). */
export function dateSeconds(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`"${isoDate}" is not an ISO date (YYYY-MM-DD)`);
  return ms / 1000;
}
