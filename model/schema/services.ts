// The service catalog. Rules that need more than one field (a public host only for public services,
// a workload exactly for data-center services) are refinements here, so the loader and the
// SmartService CRD (whose CEL rules say the same) refuse the same records.
import { z } from "zod";
import {
  CLASSIFICATIONS,
  ROADMAP_PHASES,
  SERVICE_AREAS,
  SERVICE_HOSTINGS,
  SERVICE_KINDS,
  SERVICE_STATUSES,
} from "../types.ts";
import { id, isoDate, provenance, ref } from "./common.ts";

/** Kubernetes quantities as the API accepts them for CPU and memory (no exponent forms). */
const cpu = z.string().regex(/^([0-9]+m|[0-9]+(\.[0-9]+)?)$/, 'must be a CPU quantity such as "250m" or "1"');
const memory = z
  .string()
  .regex(/^[0-9]+(Ki|Mi|Gi|Ti)?$/, 'must be a memory quantity such as "256Mi" or "1Gi"');
const amounts = z.strictObject({ cpu, memory });

/** A registry path with a tag or a digest; `latest` moves under a running service, so it is refused. */
export const IMAGE_PATTERN =
  /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]+)?(\/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)+(:(?!latest$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;

/** DNS name, lowercase, at least two labels. */
const host = z
  .string()
  .max(253)
  .regex(
    /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a lowercase DNS name such as perizinan.baubaukota.go.id",
  );

export const serviceWorkloadSchema = z.strictObject({
  cluster: ref,
  image: z
    .string()
    .regex(IMAGE_PATTERN, "must be registry/path:tag (not latest) or registry/path@sha256:<64 hex>"),
  port: z.int().min(1024).max(65535),
  replicas: z.int().min(1).max(50),
  maxReplicas: z.int().min(1).max(100).optional(),
  resources: z.strictObject({ requests: amounts, limits: amounts }),
  host: host.optional(),
  sloTarget: z.number().min(0.9).lt(1),
  dependsOn: z.array(ref),
});

const backup = z.strictObject({
  offsite: ref,
  encrypted: z.boolean(),
  restoreTestedOn: isoDate,
  restoreTestEveryDays: z.int().min(1).max(366),
});

/** Optional facts for the policy pack's data rules (policy/model/data-protection.ts). */
const data = z.strictObject({
  walidata: ref.optional(),
  storageCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as "ID"')
    .optional(),
  encryptionAtRest: z.boolean().optional(),
  tls: z.boolean().optional(),
  backup: backup.optional(),
});

export const serviceSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1),
    tenant: ref,
    kind: z.enum(SERVICE_KINDS),
    area: z.enum(SERVICE_AREAS),
    phase: z.enum(ROADMAP_PHASES),
    essential: z.boolean(),
    status: z.enum(SERVICE_STATUSES),
    classification: z.enum(CLASSIFICATIONS),
    personalData: z.boolean(),
    hosting: z.enum(SERVICE_HOSTINGS),
    workload: serviceWorkloadSchema.optional(),
    data: data.optional(),
    provenance,
  })
  .superRefine((s, ctx) => {
    if (s.essential && s.kind !== "public") {
      ctx.addIssue({
        code: "custom",
        path: ["essential"],
        message:
          "only public services can be essential (the KPI counts essential public services); set essential: false or kind: public",
      });
    }
    if (s.hosting === "datacenter" && !s.workload) {
      ctx.addIssue({
        code: "custom",
        path: ["workload"],
        message: "a service hosted in the data center needs a workload",
      });
    }
    if (s.hosting !== "datacenter" && s.workload) {
      ctx.addIssue({
        code: "custom",
        path: ["workload"],
        message: `a service hosted by "${s.hosting}" runs elsewhere: remove the workload or set hosting: datacenter`,
      });
    }
    const w = s.workload;
    if (!w) return;
    if (w.host !== undefined && s.kind !== "public") {
      ctx.addIssue({
        code: "custom",
        path: ["workload", "host"],
        message: "only public services get a public host",
      });
    }
    if (s.essential && w.replicas < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["workload", "replicas"],
        message: "an essential public service needs at least 2 replicas (one per rack zone)",
      });
    }
    if (w.maxReplicas !== undefined && w.maxReplicas < w.replicas) {
      ctx.addIssue({
        code: "custom",
        path: ["workload", "maxReplicas"],
        message: `must be at least replicas (${w.replicas})`,
      });
    }
    if (w.dependsOn.includes(s.id)) {
      ctx.addIssue({
        code: "custom",
        path: ["workload", "dependsOn"],
        message: "a service cannot depend on itself",
      });
    }
  });
