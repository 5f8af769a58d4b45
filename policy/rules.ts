// Every rule of the pack, in the order reports list them.
import { imageDigest, imagePinned, requestsAndLimits } from "./kubernetes/containers.ts";
import { essentialDisruptionBudget, essentialRackSpread, essentialReplicas } from "./kubernetes/essential.ts";
import { namespacePodSecurity, noHostAccess, podSecurityRestricted } from "./kubernetes/pod-security.ts";
import { tenantDefaultDeny, tenantRbac } from "./kubernetes/tenancy.ts";
import { backup, classification, encryption, storageInIndonesia, walidata } from "./model/data-protection.ts";
import { linkMargin, popDiversity } from "./model/network.ts";
import { tier2Fuel, tier2NPlusOne } from "./model/tier2.ts";
import type { Rule } from "./rule.ts";

export const RULES: readonly Rule[] = [
  tier2NPlusOne,
  tier2Fuel,
  classification,
  walidata,
  storageInIndonesia,
  encryption,
  backup,
  popDiversity,
  linkMargin,
  noHostAccess,
  podSecurityRestricted,
  namespacePodSecurity,
  requestsAndLimits,
  imagePinned,
  imageDigest,
  tenantDefaultDeny,
  tenantRbac,
  essentialReplicas,
  essentialRackSpread,
  essentialDisruptionBudget,
];
