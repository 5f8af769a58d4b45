// Human names for the model's category codes, shared by every output.
import type { SiteCategory } from "../model/types.ts";

export const CATEGORY_LABEL: Record<SiteCategory, string> = {
  opd: "OPD office",
  "kecamatan-office": "Kecamatan office",
  "kelurahan-office": "Kelurahan office",
  school: "School",
  puskesmas: "Puskesmas",
  pop: "PoP",
  core: "Core",
};
