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

/** What `check` reports on each of these services, as findings about it (its id is what a waiver names). */
function findings(
  services: readonly Service[],
  check: (s: Service, report: (message: string) => void) => void,
): ModelFinding[] {
  const out: ModelFinding[] = [];
  for (const s of services) check(s, (message) => out.push({ subject: s.id, message }));
  return out;
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
    const held = inventory.services.filter((s) => s.status !== "retired");
    return findings(held, (s, report) => {
      if (s.personalData && s.classification === "terbuka")
        report(
          `${where(s)} holds personal data but is classified terbuka: set classification to terbatas ` +
            "(or rahasia), or personalData: false if it holds none",
        );
    });
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
    return findings(running(inventory), (s, report) => {
      const named = s.data?.walidata;
      if (named === undefined) {
        if (DATA_AREAS.has(s.area))
          report(
            `${where(s)} publishes data (area ${s.area}) without a walidata: set data.walidata to ` +
              `${[...stewards].join(" or ") || "the walidata tenant"}`,
          );
      } else if (!stewards.has(named))
        report(
          `${where(s)} names walidata ${named}, which is not a walidata in inventory/tenants.yaml ` +
            `(walidata: ${[...stewards].join(", ") || "none"}); name one, or give ${named} dataRole: walidata`,
        );
    });
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
    return findings(running(inventory), (s, report) => {
      const country = s.data?.storageCountry;
      if (country === undefined)
        report(
          `${where(s)} does not record where its data is stored: set data.storageCountry (ID for Indonesia)`,
        );
      else if (country !== "ID")
        report(
          `${where(s)} stores its data in ${country}: move it to Indonesia and set data.storageCountry: ID`,
        );
    });
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
    const aboveTerbuka = running(inventory).filter((s) => s.classification !== "terbuka");
    return findings(aboveTerbuka, (s, report) => {
      const missing = [
        s.data?.encryptionAtRest === true ? "" : "data.encryptionAtRest: true",
        s.data?.tls === true ? "" : "data.tls: true",
      ].filter(Boolean);
      if (missing.length)
        report(
          `${where(s)} is ${s.classification}: encrypt it and record ${missing.join(" and ")} ` +
            "(absent means not known to be done)",
        );
    });
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
    const inDataCenter = running(inventory).filter((s) => s.hosting === "datacenter");
    return findings(inDataCenter, (s, report) => {
      const b = s.data?.backup;
      if (!b) {
        report(
          `${where(s)} records no backup: set data.backup (offsite site, encrypted, restoreTestedOn, restoreTestEveryDays)`,
        );
        return;
      }
      if (b.offsite === dcSite)
        report(
          `${where(s)}: the backup is kept at ${dcSite}, the data center itself; keep it at another site`,
        );
      if (!b.encrypted) report(`${where(s)}: encrypt the backup and set data.backup.encrypted: true`);
      const ageDays = Math.floor((now.getTime() - Date.parse(`${b.restoreTestedOn}T00:00:00Z`)) / DAY_MS);
      if (ageDays < 0)
        report(
          `${where(s)}: data.backup.restoreTestedOn ${b.restoreTestedOn} is in the future; record the real date`,
        );
      else if (ageDays > b.restoreTestEveryDays)
        report(
          `${where(s)}: the last restore test (${b.restoreTestedOn}) is ${ageDays} days old, the policy allows ` +
            `${b.restoreTestEveryDays}: restore the backup, check it, and record the date`,
        );
    });
  },
};
