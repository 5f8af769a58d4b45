// Alertmanager configuration: every alert goes to its owner OPD (the `opd` label the rules and the
// probe targets set), split by severity; pages also go to the NOC. Inhibition keeps one outage
// from paging many times: a PoP that is down silences the sites homed on it (same `pop` label).
//
// Receivers are named here and carry no integrations: who is called how (e-mail, chat, pager) is
// deployment configuration, passed in as `integrations` by the stack. Alertmanager accepts a
// receiver without integrations (it records the alert and notifies no one), which is what the twin uses.
import { stringify } from "yaml";

export interface AlertmanagerOptions {
  /** Owner OPD ids (tenants) that get their own receivers. */
  opds: string[];
  /** Integrations per receiver name, e.g. { "opd-dinkes-page": { email_configs: [...] } }. */
  integrations?: Record<string, Record<string, unknown>>;
  groupWait: string;
  groupInterval: string;
  repeatInterval: string;
}

export const DEFAULT_ALERTMANAGER_OPTIONS: Omit<AlertmanagerOptions, "opds"> = {
  groupWait: "30s",
  groupInterval: "5m",
  repeatInterval: "4h",
};

export const NOC_RECEIVER = "noc";
export const NOC_PAGE_RECEIVER = "noc-page";
export const opdReceiver = (opd: string, severity: "page" | "ticket") =>
  severity === "page" ? `opd-${opd}-page` : `opd-${opd}`;

const OPD_ID = /^[a-z0-9][a-z0-9-]*$/;

export function alertmanagerConfig(
  options: Pick<AlertmanagerOptions, "opds"> & Partial<AlertmanagerOptions>,
) {
  const o: AlertmanagerOptions = { ...DEFAULT_ALERTMANAGER_OPTIONS, ...options };
  const opds = [...new Set(o.opds)].sort();
  for (const opd of opds) {
    if (!OPD_ID.test(opd)) throw new Error(`OPD id "${opd}" cannot name a receiver: use [a-z0-9-]`);
  }
  const names = [
    NOC_RECEIVER,
    NOC_PAGE_RECEIVER,
    ...opds.flatMap((d) => [opdReceiver(d, "ticket"), opdReceiver(d, "page")]),
  ];
  for (const name of Object.keys(o.integrations ?? {})) {
    if (!names.includes(name))
      throw new Error(`integrations for unknown receiver "${name}"; receivers: ${names.join(", ")}`);
  }
  return {
    route: {
      receiver: NOC_RECEIVER,
      group_by: ["alertname", "opd"],
      group_wait: o.groupWait,
      group_interval: o.groupInterval,
      repeat_interval: o.repeatInterval,
      routes: [
        // The NOC hears every page, whoever owns it, and routing continues to the owner.
        { matchers: ['severity="page"'], receiver: NOC_PAGE_RECEIVER, continue: true },
        ...opds.map((opd) => ({
          matchers: [`opd="${opd}"`],
          receiver: opdReceiver(opd, "ticket"),
          routes: [{ matchers: ['severity="page"'], receiver: opdReceiver(opd, "page") }],
        })),
      ],
    },
    inhibit_rules: [
      {
        source_matchers: ['alertname="PopDown"'],
        target_matchers: ['alertname="SiteUnreachable"'],
        equal: ["pop"],
      },
      {
        source_matchers: ['alertname="DatacenterRedundancyLost"'],
        target_matchers: ['alertname="DatacenterComponentDown"'],
        equal: ["class"],
      },
      {
        source_matchers: ['alertname="Tier2ErrorBudgetBurn"', 'severity="page"'],
        target_matchers: ['alertname="Tier2ErrorBudgetBurn"', 'severity="ticket"'],
        equal: ["slo"],
      },
    ],
    receivers: names.map((name) => ({ name, ...(o.integrations?.[name] ?? {}) })),
  };
}

export function alertmanagerConfigFile(options: Parameters<typeof alertmanagerConfig>[0]): string {
  return stringify(alertmanagerConfig(options), { lineWidth: 0 });
}
