// Validates an OFDS export against the vendored official schemas, so a package that leaves this toolkit is
// one that OFDS tooling (and the standard's own validator) will accept.
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { checkRecordArrays, RECORD_ARRAYS } from "./record-arrays.ts";

const schemaDir = new URL("./schema/", import.meta.url);
const readSchema = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, schemaDir), "utf8")) as Record<string, unknown>;

export interface OfdsValidation {
  valid: boolean;
  /** One line per violation: JSON pointer of the offending value and what the schema wanted. */
  errors: string[];
}

let compiled: ValidateFunction | undefined;

/** The network schema with `uniqueItems` left to record-arrays.ts for nodes and spans (see there why). */
function withoutQuadraticUniqueness(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = { ...(schema.properties as Record<string, Record<string, unknown>>) };
  for (const name of RECORD_ARRAYS) {
    const { uniqueItems: _decidedLinearly, ...rest } = properties[name] ?? {};
    properties[name] = rest;
  }
  return { ...schema, properties };
}

function packageValidator(): ValidateFunction {
  if (compiled) return compiled;
  // allErrors: a publisher fixing an export wants every problem at once, not one per run.
  // Strict mode stays on to catch typos in our own use; the two relaxations are stylistic checks the
  // official schema does not meet (`type: ["number", "array"]` for GeoJSON positions, an open-ended
  // `prefixItems` for `links`), not semantics.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, strictTuples: false });
  // The schema annotates enums with the codelist they come from; these are documentation, not assertions.
  ajv.addVocabulary(["codelist", "openCodelist"]);
  // ajv-formats is CommonJS: under NodeNext its types put the plugin on .default (which it also sets at run time).
  addFormatsModule.default(ajv, ["date", "uri", "uuid"]);
  // RFC 3987 IRIs: ajv-formats has no IRI format; an absolute URL that WHATWG URL accepts is close enough.
  ajv.addFormat("iri", (value: string) => URL.canParse(value));
  ajv.addSchema(withoutQuadraticUniqueness(readSchema("network-schema.json")));
  compiled = ajv.compile(readSchema("network-package-schema.json"));
  return compiled;
}

const describe = (e: ErrorObject): string =>
  `${e.instancePath || "/"} ${e.message ?? e.keyword}${e.params && "allowedValues" in e.params ? ` (${(e.params.allowedValues as unknown[]).join(", ")})` : ""}`;

export function validateOfdsPackage(data: unknown): OfdsValidation {
  const validate = packageValidator();
  const schemaValid = validate(data) as boolean;
  const errors = [...(schemaValid ? [] : (validate.errors ?? []).map(describe)), ...checkRecordArrays(data)];
  return { valid: errors.length === 0, errors };
}
