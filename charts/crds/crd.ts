// A CustomResourceDefinition of the city's API group, one served and stored version, its spec schema
// given (generated from the loader's zod schemas by the callers) so the API server refuses what the
// loader refuses.
import { k8s } from "cdk8s-plus-33";
import type { Construct } from "constructs";
import { GROUP } from "../labels.ts";

export interface CrdProps {
  kind: string;
  plural: string;
  shortNames: string[];
  scope: "Cluster" | "Namespaced";
  version: string;
  /** OpenAPI v3 schema of `.spec`. */
  specSchema: Record<string, unknown>;
  /** Schema of `.status`; an open object when absent. */
  statusSchema?: Record<string, unknown>;
  printColumns: { name: string; type: string; jsonPath: string; description?: string }[];
  /** CEL rules on `.spec` where the schema alone cannot say it. */
  specValidations?: { rule: string; message: string; fieldPath?: string }[];
}

export function crd(scope: Construct, props: CrdProps): void {
  const spec = props.specValidations?.length
    ? { ...props.specSchema, "x-kubernetes-validations": props.specValidations }
    : props.specSchema;
  new k8s.KubeCustomResourceDefinition(scope, props.kind, {
    metadata: {
      name: `${props.plural}.${GROUP}`,
      labels: { "app.kubernetes.io/part-of": "baubau-smartcity" },
    },
    spec: {
      group: GROUP,
      scope: props.scope,
      names: {
        kind: props.kind,
        listKind: `${props.kind}List`,
        plural: props.plural,
        singular: props.kind.toLowerCase(),
        shortNames: props.shortNames,
        categories: ["baubau"],
      },
      versions: [
        {
          name: props.version,
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: [
            ...props.printColumns,
            { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
          ],
          schema: {
            openApiv3Schema: {
              type: "object",
              required: ["spec"],
              properties: {
                spec,
                status: props.statusSchema ?? {
                  type: "object",
                  "x-kubernetes-preserve-unknown-fields": true,
                },
              },
            },
          },
        },
      ],
    },
  });
}
