// The loss model of one passive span: design figures for G.652.D and PLC splitters (DOMAIN.md).
import type { Link, SplitterRatio } from "../types.ts";

/** Design attenuation in dB/km per wavelength (G.652.D). */
export const ATTENUATION_DB_PER_KM: Readonly<Record<Link["wavelengthNm"], number>> = {
  1310: 0.35,
  // Not in DOMAIN.md: 1490 nm (the GPON downstream) sits between the 1310 and 1550 figures on
  // G.652.D's attenuation curve; 0.30 dB/km is the usual design value.
  1490: 0.3,
  1550: 0.25,
};

/** Design loss of one fusion splice (dB). */
export const SPLICE_LOSS_DB = 0.1;
/** Typical loss of one mated connector pair (dB); `Link.connectors` counts pairs. */
export const CONNECTOR_PAIR_LOSS_DB = 0.3;

/** PLC splitter insertion loss (dB). */
export const SPLITTER_LOSS_DB: Readonly<Record<SplitterRatio, number>> = {
  // Not in DOMAIN.md: 1:2 is the ideal 3.0 dB plus excess loss, a common datasheet maximum.
  "1:2": 3.6,
  "1:4": 7.3,
  "1:8": 10.5,
  "1:16": 13.7,
  "1:32": 17.1,
  // Not in DOMAIN.md: 1:64 continues the ~3.4 dB per doubling of the listed ratios.
  "1:64": 20.5,
};

/** Margin that must stay in hand for ageing, repairs and temperature (dB). */
export const REQUIRED_MARGIN_DB = 3;

export type MarginBand = "ok" | "warn" | "fail";

export interface LinkLoss {
  fibreDb: number;
  spliceDb: number;
  connectorDb: number;
  splitterDb: number;
  totalDb: number;
}

/** Rounds away float noise (0.1 + 0.2) so reported figures and bands are stable. */
export function roundDb(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function linkLoss(
  link: Pick<Link, "lengthKm" | "wavelengthNm" | "splices" | "connectors" | "splitters">,
): LinkLoss {
  const fibreDb = link.lengthKm * ATTENUATION_DB_PER_KM[link.wavelengthNm];
  const spliceDb = link.splices * SPLICE_LOSS_DB;
  const connectorDb = link.connectors * CONNECTOR_PAIR_LOSS_DB;
  const splitterDb = link.splitters.reduce((sum, r) => sum + SPLITTER_LOSS_DB[r], 0);
  return {
    fibreDb: roundDb(fibreDb),
    spliceDb: roundDb(spliceDb),
    connectorDb: roundDb(connectorDb),
    splitterDb: roundDb(splitterDb),
    totalDb: roundDb(fibreDb + spliceDb + connectorDb + splitterDb),
  };
}

/** ok at >= 3 dB, warn from 0 up to 3 dB, fail below 0 (the optics will not close the link). */
export function marginBand(marginDb: number): MarginBand {
  if (marginDb >= REQUIRED_MARGIN_DB) return "ok";
  if (marginDb >= 0) return "warn";
  return "fail";
}
