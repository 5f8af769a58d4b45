import { describe, expect, it } from "vitest";
import { linkLoss, linkTotalLossDb, SPLITTER_LOSS_DB } from "../../../model/analyses/optical-loss.ts";
import type { Link, SplitterRatio } from "../../../model/types.ts";
import { prng } from "./random-network.ts";

describe("linkTotalLossDb", () => {
  it("equals linkLoss(link).totalDb to the last bit on random spans", () => {
    const rand = prng(3);
    const ratios = Object.keys(SPLITTER_LOSS_DB) as SplitterRatio[];
    const wavelengths: Link["wavelengthNm"][] = [1310, 1490, 1550];
    for (let k = 0; k < 5000; k++) {
      const span = {
        lengthKm: Math.round(rand() * 40_000) / 1000,
        wavelengthNm: wavelengths[Math.floor(rand() * 3)] as Link["wavelengthNm"],
        splices: Math.floor(rand() * 30),
        connectors: Math.floor(rand() * 6),
        splitters: Array.from(
          { length: Math.floor(rand() * 3) },
          () => ratios[Math.floor(rand() * ratios.length)] as SplitterRatio,
        ),
      };
      expect(linkTotalLossDb(span)).toBe(linkLoss(span).totalDb);
    }
  });
});
