// The SmartService CRD (smartcity.baubaukota.go.id/v1alpha1). Its spec schema is generated from
// the zod schema that validates inventory/services.yaml (a catalog record without its id, which
// is the object's name, and provenance); the record's cross-field rules, which a schema cannot
// say, are CEL rules here with the loader's messages, so the API server refuses what the loader
// refuses. Status is the operator's: observedGeneration, conditions, children, replicas, URL.
import { recordCrdSchema } from "../../model/schema/json-schema.ts";
import type { Service } from "../../model/types.ts";
import { commonLabels, GROUP, type Manifest } from "../labels.ts";

export const SMART_SERVICE = {
  group: GROUP,
  version: "v1alpha1",
  kind: "SmartService",
  plural: "smartservices",
  singular: "smartservice",
} as const;

/** Record fields that are not part of the spec: `id` is metadata.name, provenance is the catalog's. */
const NOT_IN_SPEC = ["id", "provenance"];

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] };

const rule = (rule: string, message: string, fieldPath?: string) => ({
  rule,
  message,
  ...(fieldPath ? { fieldPath } : {}),
});

function lookaround(pattern: string): boolean {
  return /\(\?[=!<]/.test(pattern);
}

/** Kubernetes checks `pattern` with Go's RE2, which has no lookahead: the image rule "a tag other
 * than latest" becomes the pattern without it plus a CEL rule. Any other lookaround is refused
 * here, when the CRD is built, rather than by the API server at install. */
function re2Image(image: Schema): Schema {
  const pattern = String(image.pattern);
  const plain = pattern.replace("(?!latest$)", "");
  if (lookaround(plain)) throw new Error(`workload.image pattern ${pattern} has lookaround RE2 cannot run`);
  return {
    ...image,
    pattern: plain,
    "x-kubernetes-validations": [
      rule(
        "!self.endsWith(':latest')",
        "the tag latest moves under a running service: pin a version or a digest",
      ),
    ],
  };
}

export function smartServiceSpecSchema(): Schema {
  const record = recordCrdSchema("service") as Schema;
  const properties = { ...(record.properties ?? {}) };
  for (const f of NOT_IN_SPEC) delete properties[f];
  const workload = properties.workload as Schema;
  const wp = { ...(workload.properties ?? {}) };
  wp.image = re2Image(wp.image as Schema);
  // CEL cost estimation needs bounds on what a rule iterates (dependsOn ids are DNS labels).
  wp.dependsOn = { ...(wp.dependsOn as Schema), maxItems: 64, items: { type: "string", maxLength: 63 } };
  wp.cluster = { ...(wp.cluster as Schema), maxLength: 63 };
  properties.workload = { ...workload, properties: wp };
  for (const [name, schema] of Object.entries(properties)) {
    if (typeof schema.pattern === "string" && lookaround(schema.pattern)) {
      throw new Error(`spec.${name}: pattern has lookaround RE2 cannot run`);
    }
  }
  return {
    ...record,
    properties,
    // A SmartService is a workload: the catalog's optional workload is required here.
    required: [...new Set([...(record.required ?? []).filter((r) => !NOT_IN_SPEC.includes(r)), "workload"])],
    "x-kubernetes-validations": [
      rule(
        "self.hosting == 'datacenter'",
        "a SmartService runs in the data center: hosting must be datacenter",
        ".hosting",
      ),
      rule(
        "!self.essential || self.kind == 'public'",
        "only public services can be essential (the KPI counts essential public services); set essential: false or kind: public",
        ".essential",
      ),
      rule(
        "!has(self.workload.host) || self.kind == 'public'",
        "only public services get a public host",
        ".workload.host",
      ),
      rule(
        "!self.essential || self.workload.replicas >= 2",
        "an essential public service needs at least 2 replicas (one per rack zone)",
        ".workload.replicas",
      ),
      rule(
        "!has(self.workload.maxReplicas) || self.workload.maxReplicas >= self.workload.replicas",
        "maxReplicas must be at least replicas",
        ".workload.maxReplicas",
      ),
    ],
  };
}

const conditionSchema = {
  type: "object",
  required: ["type", "status", "reason", "message", "lastTransitionTime"],
  properties: {
    type: { type: "string", maxLength: 316 },
    status: { type: "string", enum: ["True", "False", "Unknown"] },
    reason: { type: "string", maxLength: 1024 },
    message: { type: "string", maxLength: 32768 },
    observedGeneration: { type: "integer", format: "int64", minimum: 0 },
    lastTransitionTime: { type: "string", format: "date-time" },
  },
};

const statusSchema = {
  type: "object",
  properties: {
    observedGeneration: { type: "integer", format: "int64" },
    conditions: {
      type: "array",
      items: conditionSchema,
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["type"],
    },
    children: { type: "array", items: { type: "string" }, "x-kubernetes-list-type": "set" },
    availableReplicas: { type: "integer", format: "int32" },
    url: { type: "string" },
  },
};

const readyColumn = (name: string, field: string) => ({
  name,
  type: "string",
  jsonPath: `.status.conditions[?(@.type=="Ready")].${field}`,
});

export function smartServiceCrd(): Manifest {
  const { group, version, kind, plural, singular } = SMART_SERVICE;
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: {
      name: `${plural}.${group}`,
      labels: commonLabels({ name: plural, component: "crd", tenant: "platform" }),
    },
    spec: {
      group,
      scope: "Namespaced",
      names: {
        kind,
        plural,
        singular,
        listKind: `${kind}List`,
        shortNames: ["smsvc"],
        categories: ["smartcity"],
      },
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: [
            readyColumn("Ready", "status"),
            readyColumn("Reason", "reason"),
            { name: "Replicas", type: "integer", jsonPath: ".spec.workload.replicas" },
            { name: "Available", type: "integer", jsonPath: ".status.availableReplicas" },
            { name: "URL", type: "string", jsonPath: ".status.url", priority: 1 },
            { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
          ],
          schema: {
            openAPIV3Schema: {
              type: "object",
              required: ["spec"],
              properties: {
                apiVersion: { type: "string" },
                kind: { type: "string" },
                metadata: { type: "object" },
                spec: smartServiceSpecSchema(),
                status: statusSchema,
              },
              "x-kubernetes-validations": [
                rule(
                  "self.metadata.name.size() <= 63",
                  "the name is the service id: at most 63 characters (it names the Deployment and labels)",
                ),
                rule(
                  "!self.spec.workload.dependsOn.exists(d, d == self.metadata.name)",
                  "a service cannot depend on itself",
                  ".spec.workload.dependsOn",
                ),
              ],
            },
          },
        },
      ],
    },
  };
}

/** The SmartService the stacks create for a catalog service (hosting datacenter, with a workload). */
export function smartServiceResource(service: Service, namespace: string): Manifest {
  if (!service.workload) throw new Error(`service ${service.id}: no workload (hosting ${service.hosting})`);
  const { id, provenance, ...spec } = service;
  return {
    apiVersion: `${SMART_SERVICE.group}/${SMART_SERVICE.version}`,
    kind: SMART_SERVICE.kind,
    metadata: {
      name: id,
      namespace,
      labels: commonLabels({ name: id, component: "smart-service", tenant: service.tenant }),
      annotations: {
        [`${GROUP}/provenance`]: `${provenance.source}${provenance.illustrative ? " (illustrative)" : ""}`,
      },
    },
    spec,
  };
}
