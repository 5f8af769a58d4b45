// SPBE / Satu Data / BSSN rules on the service catalog: each fires on a service missing the fact or
// breaking it, and stays quiet on one that records it.
import { describe, expect, it } from "vitest";
import type { Service, ServiceData } from "../../../model/types.ts";
import {
  backup,
  classification,
  encryption,
  storageInIndonesia,
  walidata,
} from "../../../policy/model/data-protection.ts";
import type { ModelRule } from "../../../policy/rule.ts";
import { datacenter, inventory } from "../analyses/fixtures.ts";
import { modelViolations } from "./harness.ts";

const provenance = { source: "unit test", illustrative: true, asOf: "2026-11-01" };
const NOW = new Date("2026-12-01T00:00:00Z");

function service(id: string, overrides: Partial<Service> = {}): Service {
  return {
    id,
    name: id,
    tenant: "diskominfo",
    kind: "public",
    area: "complaints",
    phase: "II",
    essential: false,
    status: "online",
    classification: "terbatas",
    personalData: false,
    hosting: "datacenter",
    provenance,
    ...overrides,
  };
}

const compliant: ServiceData = {
  storageCountry: "ID",
  encryptionAtRest: true,
  tls: true,
  backup: { offsite: "core-b", encrypted: true, restoreTestedOn: "2026-10-01", restoreTestEveryDays: 90 },
};
const TENANTS = [
  { id: "balitbangda", name: "Balitbangda", kind: "badan" as const, dataRole: "walidata" as const },
  { id: "bappeda", name: "Bappeda", kind: "badan" as const },
];
const city = (...services: Service[]) => ({
  ...inventory({ datacenter: datacenter({ site: "core-a" }), tenants: TENANTS }),
  services,
});

const b = compliant.backup as NonNullable<ServiceData["backup"]>;

/** Each rule on services that comply (or that it leaves alone), and on services that break it. */
const CASES: {
  rule: ModelRule;
  passes: { title: string; services: Service[] };
  reports: { title: string; services: Service[]; messages: string[] };
}[] = [
  {
    rule: classification,
    passes: {
      title: "personal data classified terbatas, and open data without personal data",
      services: [service("a", { personalData: true }), service("b", { classification: "terbuka" })],
    },
    reports: {
      title: "personal data classified terbuka (a planned service too)",
      services: [service("musrenbang", { status: "planned", classification: "terbuka", personalData: true })],
      messages: [
        "service musrenbang (inventory/services.yaml) holds personal data but is classified terbuka: set " +
          "classification to terbatas (or rahasia), or personalData: false if it holds none",
      ],
    },
  },
  {
    rule: walidata,
    passes: {
      title: "a data service whose walidata has the role, and leaves other services alone",
      services: [service("portal", { area: "open-data", data: { walidata: "balitbangda" } }), service("x")],
    },
    reports: {
      title: "a data service without a walidata, and one naming a tenant that is not walidata",
      services: [
        service("portal", { area: "open-data" }),
        service("stats", { data: { walidata: "bappeda" } }),
      ],
      messages: [
        "service portal (inventory/services.yaml) publishes data (area open-data) without a walidata: set data.walidata to balitbangda",
        "service stats (inventory/services.yaml) names walidata bappeda, which is not a walidata in inventory/tenants.yaml " +
          "(walidata: balitbangda); name one, or give bappeda dataRole: walidata",
      ],
    },
  },
  {
    rule: storageInIndonesia,
    passes: {
      title: "data stored in Indonesia, and services not running yet",
      services: [service("a", { data: compliant }), service("b", { status: "planned" })],
    },
    reports: {
      title: "an unrecorded location and data stored abroad",
      services: [service("a"), service("b", { hosting: "vendor", data: { storageCountry: "SG" } })],
      messages: [
        "service a (inventory/services.yaml) does not record where its data is stored: set data.storageCountry (ID for Indonesia)",
        "service b (inventory/services.yaml) stores its data in SG: move it to Indonesia and set data.storageCountry: ID",
      ],
    },
  },
  {
    rule: encryption,
    passes: {
      title: "a terbatas service encrypted at rest and on TLS, and a terbuka one without",
      services: [service("a", { data: compliant }), service("b", { classification: "terbuka" })],
    },
    reports: {
      title: "what a rahasia service does not record",
      services: [service("simpeg", { classification: "rahasia", data: { encryptionAtRest: true } })],
      messages: [
        "service simpeg (inventory/services.yaml) is rahasia: encrypt it and record data.tls: true (absent means not known to be done)",
      ],
    },
  },
  {
    rule: backup,
    passes: {
      title: "an off-site, encrypted backup restore-tested within its policy; national services are not ours",
      services: [service("a", { data: compliant }), service("sipd", { hosting: "national" })],
    },
    reports: {
      title:
        "no backup, one kept in the data center, unencrypted, and a restore test too old or in the future",
      services: [
        service("none"),
        service("local", { data: { backup: { ...b, offsite: "core-a", encrypted: false } } }),
        service("stale", { data: { backup: { ...b, restoreTestedOn: "2026-06-01" } } }),
        service("future", { data: { backup: { ...b, restoreTestedOn: "2027-01-01" } } }),
      ],
      messages: [
        "service none (inventory/services.yaml) records no backup: set data.backup (offsite site, encrypted, restoreTestedOn, restoreTestEveryDays)",
        "service local (inventory/services.yaml): the backup is kept at core-a, the data center itself; keep it at another site",
        "service local (inventory/services.yaml): encrypt the backup and set data.backup.encrypted: true",
        "service stale (inventory/services.yaml): the last restore test (2026-06-01) is 183 days old, the policy allows 90: restore the backup, check it, and record the date",
        "service future (inventory/services.yaml): data.backup.restoreTestedOn 2027-01-01 is in the future; record the real date",
      ],
    },
  },
];

for (const { rule, passes, reports } of CASES) {
  describe(rule.id, () => {
    it(`passes ${passes.title}`, async () => {
      expect(await modelViolations(rule, city(...passes.services), NOW)).toEqual([]);
    });

    it(`reports ${reports.title}`, async () => {
      expect(await modelViolations(rule, city(...reports.services), NOW)).toEqual(reports.messages);
    });
  });
}
