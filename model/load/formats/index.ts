// The standard formats the loader reads besides YAML, chosen by file extension (network-read.ts).
import { readGeoJson } from "./geojson.ts";
import { readNdjson } from "./ndjson.ts";
import type { NetworkFormat, NetworkReadResult } from "./network-read.ts";
import { readOfds } from "./ofds.ts";

export { collectNetworkFile } from "./collect-network.ts";
export { type NetworkFormat, type NetworkRead, networkFormatOf } from "./network-read.ts";
export { placeProblems } from "./place.ts";

export function readNetworkFile(format: NetworkFormat, file: string, text: string): NetworkReadResult {
  if (format === "ofds") return readOfds(file, text);
  if (format === "geojson") return readGeoJson(file, text);
  return readNdjson(file, text);
}
