// The service catalog: the real one loads with the KPI flags it documents, and each broken catalog
// gives its own precise problem (file, line, field path, message, what is allowed).
import { describe, expect, it, vi } from "vitest";
import { type Problem, parseInventory } from "../../../model/load/index.ts";
import { editFile, editRecord, positionOf, realFiles, recordIndex } from "./inventory-fixture.ts";

// Each case reads the whole city inventory with the yaml library (about 0.1 s on a quiet machine):
// a CI machine busy with other suites needs more than the default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const GOOD = realFiles();
const SERVICES = "inventory/services.yaml";

function problemsOf(files: Record<string, string>): Problem[] {
  const result = parseInventory(files);
  if (result.ok) throw new Error("expected problems, the inventory loaded");
  return result.problems;
}

function only(files: Record<string, string>): Problem {
  const problems = problemsOf(files);
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  return problems[0] as Problem;
}

const at = (id: string) => recordIndex(GOOD, SERVICES, id);
/** One edit inside the service record `id` of services.yaml. */
const editService = (id: string, from: string, to: string) => editRecord(GOOD, SERVICES, id, from, to);

describe("the service catalog", () => {
  it("loads every record, and only public services are essential", () => {
    const result = parseInventory(GOOD);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { services } = result.inventory;
    expect(services.length).toBeGreaterThanOrEqual(20);
    expect(services.filter((s) => s.essential).every((s) => s.kind === "public")).toBe(true);
    // Every area of Perpres 95/2018 art. 34 named in DOMAIN.md has an administration service.
    const adminAreas = new Set(services.filter((s) => s.kind === "internal").map((s) => s.area));
    const perpres =
      "planning budgeting finance procurement staffing archives assets internal-audit performance";
    for (const area of perpres.split(" ")) {
      expect(adminAreas, area).toContain(area);
    }
    expect(services.every((s) => (s.hosting === "datacenter") === (s.workload !== undefined))).toBe(true);
  });

  it("an inventory without services.yaml still loads, with an empty catalog", () => {
    const { [SERVICES]: _, ...rest } = GOOD;
    const result = parseInventory(rest);
    expect(result.ok && result.inventory.services).toEqual([]);
  });

  it("an unknown owner tenant: the nearest tenant id", () => {
    const files = editService("perizinan-online", "tenant: dpmptsp", "tenant: dpmtpsp");
    expect(only(files)).toMatchObject({
      file: SERVICES,
      ...positionOf(files, SERVICES, "tenant: dpmtpsp", "perizinan-online"),
      path: `services[${at("perizinan-online")}].tenant`,
      message: 'no tenant "dpmtpsp"',
      suggestion: "dpmptsp",
    });
  });

  it("an image on the moving tag latest is refused", () => {
    const files = editService("pengaduan", "pengaduan:1.7.0", "pengaduan:latest");
    const p = only(files);
    expect(p).toMatchObject({
      ...positionOf(files, SERVICES, "image: registry.baubaukota.go.id/diskominfo/pengaduan:latest"),
      path: `services[${at("pengaduan")}].workload.image`,
    });
    expect(p.message).toMatch(/not latest/);
  });

  it("an unknown status word lists the lifecycle", () => {
    const files = editService("ppid", "status: online", "status: onlien");
    const p = only(files);
    expect(p).toMatchObject({ path: `services[${at("ppid")}].status`, suggestion: "online" });
    expect(p.allowed).toEqual(["planned", "pilot", "online", "retired"]);
  });

  it("an essential internal service is refused: the KPI counts public services only", () => {
    const files = editService("simpeg", "essential: false", "essential: true");
    const p = only(files);
    expect(p.path).toBe(`services[${at("simpeg")}].essential`);
    expect(p.message).toMatch(/only public services can be essential/);
  });

  it("a public host on an internal service is refused", () => {
    const files = editService(
      "simpeg",
      "      sloTarget: 0.99",
      "      host: simpeg.baubaukota.go.id\n      sloTarget: 0.99",
    );
    const p = only(files);
    expect(p.path).toBe(`services[${at("simpeg")}].workload.host`);
    expect(p.message).toBe("only public services get a public host");
  });

  it("an essential public service with one replica is refused", () => {
    const files = editService("ppid", "replicas: 2", "replicas: 1");
    const p = only(files);
    expect(p.path).toBe(`services[${at("ppid")}].workload.replicas`);
    expect(p.message).toMatch(/at least 2 replicas/);
  });

  it("a data-center service without a workload, and a national one with a workload", () => {
    const files = editService("e-planning", "hosting: national", "hosting: datacenter");
    expect(only(files)).toMatchObject({
      path: `services[${at("e-planning")}].workload`,
      message: "a service hosted in the data center needs a workload",
    });
  });

  it("an unknown cluster: the inventory's clusters are allowed", () => {
    const files = editService("ppid", "cluster: dc-prod", "cluster: dc-prd");
    expect(only(files)).toMatchObject({
      path: `services[${at("ppid")}].workload.cluster`,
      message: 'no cluster "dc-prd"',
      suggestion: "dc-prod",
      allowed: ["dc-prod", "dc-mgmt"],
    });
  });

  it("a dependency on an unknown service, on a planned one, and on a national one", () => {
    const unknown = editService(
      "perizinan-online",
      "dependsOn: [satu-data-api]",
      "dependsOn: [satu-data-ap]",
    );
    expect(only(unknown)).toMatchObject({
      path: `services[${at("perizinan-online")}].workload.dependsOn[0]`,
      message: 'no service "satu-data-ap"',
      suggestion: "satu-data-api",
    });
    const planned = editService("perizinan-online", "dependsOn: [satu-data-api]", "dependsOn: [iot-ingest]");
    const p = only(planned);
    expect(p.message).toBe(
      '"iot-ingest" is planned; a online service can only depend on pilot or online services',
    );
    expect(p.related?.path).toBe(`services[${at("iot-ingest")}].status`);
    const national = editService(
      "perizinan-online",
      "dependsOn: [satu-data-api]",
      "dependsOn: [e-budgeting]",
    );
    expect(only(national).message).toMatch(/"e-budgeting" is hosted by "national"/);
  });

  it("a cycle of dependencies names every service in it", () => {
    const files = editService("satu-data-api", "dependsOn: []", "dependsOn: [perizinan-online]");
    const p = only(files);
    expect(p.message).toBe(
      'services "perizinan-online", "satu-data-api" depend on each other in a cycle; one of them must not depend on the others',
    );
  });

  it("a duplicate service id and a duplicate public host point at the first", () => {
    const dupId = editFile(GOOD, SERVICES, "  - id: pengaduan\n", "  - id: ppid\n");
    const p = problemsOf(dupId).find((x) => x.message.startsWith("duplicate service id"));
    expect(p).toMatchObject({
      message: 'duplicate service id "ppid"; ids must be unique',
      related: { path: `services[${at("pengaduan")}].id` },
    });
    const dupHost = editService("ppid", "host: ppid.baubaukota.go.id", "host: pengaduan.baubaukota.go.id");
    expect(only(dupHost).message).toBe(
      'host "pengaduan.baubaukota.go.id" is already the host of service "pengaduan"; each public host routes to one service',
    );
  });

  it("the data facts for the policy pack: walidata a tenant, the backup's site a site, a country code", () => {
    const walidata = editService("satu-data-api", "walidata: balitbangda", "walidata: balitbanda");
    expect(only(walidata)).toMatchObject({
      ...positionOf(walidata, SERVICES, "walidata: balitbanda", "satu-data-api"),
      path: `services[${at("satu-data-api")}].data.walidata`,
      message: 'no tenant "balitbanda"',
      suggestion: "balitbangda",
    });
    const data = [
      "    data:",
      "      storageCountry: Indonesia",
      "      backup: { offsite: core-comand-center, encrypted: true, restoreTestedOn: 2026-10-01, restoreTestEveryDays: 90 }",
      "    provenance:",
    ].join("\n");
    const files = editService("pengaduan", "    provenance:", data);
    const problems = problemsOf(files);
    expect(problems.map((p) => [p.path, p.message, p.suggestion])).toEqual([
      [
        `services[${at("pengaduan")}].data.storageCountry`,
        '"Indonesia": must be an ISO 3166-1 alpha-2 country code such as "ID"',
        undefined,
      ],
    ]);
    const site = editService("pengaduan", "    provenance:", data.replace("Indonesia", "ID"));
    expect(only(site)).toMatchObject({
      path: `services[${at("pengaduan")}].data.backup.offsite`,
      message: 'no site "core-comand-center"',
      suggestion: "core-command-center",
    });
  });
});
