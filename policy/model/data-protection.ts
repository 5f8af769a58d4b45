// SPBE / Satu Data / BSSN rules on the service catalog (inventory/services.yaml). They check the
// services that hold data now (pilot or online); what the inventory does not record is reported, so a
// missing fact is never read as a compliant one.
import type { Inventory, Service } from "../../model/types.ts";
import type { ModelFinding, ModelRule } from "../rule.ts";

const RUNNING: ReadonlySet<Service["status"]> = new Set(["pilot", "online"]);
/** Satu Data: the services whose data is published through the city's one data platform. */
const DATA_AREAS: ReadonlySet<Service["area"]> = new Set(["open-data"]);
const DAY_MS = 86_400_000;

function running(inventory: Inventory): Service[] {
  return inventory.services.filter((s) => RUNNING.has(s.status));
}

function where(s: Service): string {
  return `service ${s.id} (inventory/services.yaml)`;
}

/** A finding about service `s` (its id is what a waiver names). */
function about(s: Service, message: string): ModelFinding {
  return { subject: s.id, message };
}

export const classification: ModelRule = {
  kind: "model",
  id: "spbe-classification",
  severity: "high",
  description:
    "Every service is classified consistently with its personal-data flag: personal data is never `terbuka`.",
  source: "BSSN classification (terbuka/terbatas/rahasia); UU 27/2022 (personal data protection)",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(inventory) {
    // classification and personalData are required by the loader; what is left is their consistency.
    return inventory.services
      .filter((s) => s.status !== "retired" && s.personalData && s.classification === "terbuka")
      .map((s) =>
        about(
          s,
          `${where(s)} holds personal data but is classified terbuka: set classification to terbatas ` +
            "(or rahasia), or personalData: false if it holds none",
        ),
      );
  },
};

export const walidata: ModelRule = {
  kind: "model",
  id: "satu-data-walidata",
  severity: "medium",
  description: "Every data service names its walidata, a tenant with the Satu Data role walidata.",
  source: "Perpres 39/2019 (Satu Data Indonesia): walidata and produsen data",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(inventory) {
    const stewards = new Set(inventory.tenants.filter((t) => t.dataRole === "walidata").map((t) => t.id));
    const out: ModelFinding[] = [];
    for (const s of running(inventory)) {
      const named = s.data?.walidata;
      if (!DATA_AREAS.has(s.area) && named === undefined) continue;
      if (named === undefined)
        out.push(
          about(
            s,
            `${where(s)} publishes data (area ${s.area}) without a walidata: set data.walidata to ` +
              `${[...stewards].join(" or ") || "the walidata tenant"}`,
          ),
        );
      else if (!stewards.has(named))
        out.push(
          about(
            s,
            `${where(s)} names walidata ${named}, which is not a walidata in inventory/tenants.yaml ` +
              `(walidata: ${[...stewards].join(", ") || "none"}); name one, or give ${named} dataRole: walidata`,
          ),
        );
    }
    return out;
  },
};

export const storageInIndonesia: ModelRule = {
  kind: "model",
  id: "pp71-storage-in-indonesia",
  severity: "critical",
  description: "Every running service records where its data is stored, and that is Indonesia.",
  source: "PP 71/2019: public-scope electronic systems store their data in Indonesia",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(inventory) {
    const out: ModelFinding[] = [];
    for (const s of running(inventory)) {
      const country = s.data?.storageCountry;
      if (country === undefined)
        out.push(
          about(
            s,
            `${where(s)} does not record where its data is stored: set data.storageCountry (ID for Indonesia)`,
          ),
        );
      else if (country !== "ID")
        out.push(
          about(
            s,
            `${where(s)} stores its data in ${country}: move it to Indonesia and set data.storageCountry: ID`,
          ),
        );
    }
    return out;
  },
};

export const encryption: ModelRule = {
  kind: "model",
  id: "bssn-encryption",
  severity: "critical",
  description: "Services above `terbuka` encrypt their data at rest and serve over TLS only.",
  source: "BSSN 4/2021 (SPBE security); Peraturan BSSN 8/2020",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(inventory) {
    const out: ModelFinding[] = [];
    for (const s of running(inventory)) {
      if (s.classification === "terbuka") continue;
      const missing = [
        s.data?.encryptionAtRest === true ? "" : "data.encryptionAtRest: true",
        s.data?.tls === true ? "" : "data.tls: true",
      ].filter(Boolean);
      if (missing.length)
        out.push(
          about(
            s,
            `${where(s)} is ${s.classification}: encrypt it and record ${missing.join(" and ")} ` +
              "(absent means not known to be done)",
          ),
        );
    }
    return out;
  },
};

export const backup: ModelRule = {
  kind: "model",
  id: "bssn-backup",
  severity: "critical",
  description:
    "Every running data-center service has an off-site, encrypted backup restore-tested within its policy.",
  source:
    "BSSN 4/2021; tenant backups mandatory after the 2024 national data center (PDN) ransomware incident",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(inventory, now) {
    const dcSite = inventory.datacenter.site;
    const out: ModelFinding[] = [];
    for (const s of running(inventory)) {
      if (s.hosting !== "datacenter") continue;
      const b = s.data?.backup;
      if (!b) {
        out.push(
          about(
            s,
            `${where(s)} records no backup: set data.backup (offsite site, encrypted, restoreTestedOn, restoreTestEveryDays)`,
          ),
        );
        continue;
      }
      if (b.offsite === dcSite)
        out.push(
          about(
            s,
            `${where(s)}: the backup is kept at ${dcSite}, the data center itself; keep it at another site`,
          ),
        );
      if (!b.encrypted)
        out.push(about(s, `${where(s)}: encrypt the backup and set data.backup.encrypted: true`));
      const ageDays = Math.floor((now.getTime() - Date.parse(`${b.restoreTestedOn}T00:00:00Z`)) / DAY_MS);
      if (ageDays < 0)
        out.push(
          about(
            s,
            `${where(s)}: data.backup.restoreTestedOn ${b.restoreTestedOn} is in the future; record the real date`,
          ),
        );
      else if (ageDays > b.restoreTestEveryDays)
        out.push(
          about(
            s,
            `${where(s)}: the last restore test (${b.restoreTestedOn}) is ${ageDays} days old, the policy allows ` +
              `${b.restoreTestEveryDays}: restore the backup, check it, and record the date`,
          ),
        );
    }
    return out;
  },
};
