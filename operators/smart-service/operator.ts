// One SmartService operator process: informers on SmartServices and on every child kind, the
// controller with its work queue, leader election, /metrics /healthz /readyz. Child events
// enqueue their owner, so a deleted or hand-edited child is put back.
import { hostname } from "node:os";
import {
  CoordinationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubernetesListObject,
  type KubernetesObject,
  KubernetesObjectApi,
} from "@kubernetes/client-node";
import { OPERATOR_LEASE } from "../../charts/operator.ts";
import { Controller } from "../runtime/controller.ts";
import { Informer } from "../runtime/informer.ts";
import { loadKubeConfig } from "../runtime/kube-config.ts";
import { LeaderElector } from "../runtime/leader-election.ts";
import type { Logger } from "../runtime/log.ts";
import { Manager } from "../runtime/manager.ts";
import { controllerMetrics, leaderMetric, newRegistry } from "../runtime/metrics.ts";
import { defaultControllerRateLimiter } from "../runtime/rate-limit.ts";
import { WorkQueue } from "../runtime/work-queue.ts";
import {
  API_VERSION,
  CHILD_KINDS,
  CONTROLLER,
  collectionPath,
  FIELD_MANAGER,
  GROUP,
  KIND,
  keyOf,
  OWNER_LABEL,
  PLURAL,
  type SmartService,
  VERSION,
} from "./api.ts";
import { EventRecorder } from "./events.ts";
import { smartServiceReconciler } from "./reconcile.ts";
import type { SmartServiceSpec } from "./render.ts";

export interface OperatorOptions {
  /** A kubeconfig file, or "in-cluster" for the pod's service account. */
  kubeconfig: string;
  log: Logger;
  /** @default 8 */
  workers?: number;
  /** @default 127.0.0.1:8080 */
  bind?: { host: string; port: number };
  /** false: reconcile without a lease (one replica, tests). */
  leaderElection?:
    | false
    | {
        namespace: string;
        name?: string;
        identity?: string;
        leaseDurationMs?: number;
        renewDeadlineMs?: number;
        retryPeriodMs?: number;
      };
  informer?: { quietMs?: number; stallMs?: number; resyncMs?: number; listTimeoutMs?: number };
  /** @default 30_000 */
  requestTimeoutMs?: number;
}

export function createOperator(opts: OperatorOptions): Manager {
  const kc = loadKubeConfig(opts.kubeconfig, { headersTimeoutMs: opts.requestTimeoutMs ?? 30_000 });
  const objects = KubernetesObjectApi.makeApiClient(kc);
  const log = opts.log;
  const registry = newRegistry();
  const workers = opts.workers ?? 8;
  const election = opts.leaderElection || undefined;
  const identity = election?.identity || `${hostname()}_${process.pid}`;

  const informerOpts = (path: string) => ({
    kubeConfig: kc,
    path,
    log,
    ...opts.informer,
  });
  const listAll =
    <T extends KubernetesObject>(apiVersion: string, kind: string, labelSelector?: string) =>
    () =>
      objects.list(
        apiVersion,
        kind,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        labelSelector,
      ) as Promise<KubernetesListObject<T>>;

  const smartServices = new Informer<SmartService<SmartServiceSpec>>({
    ...informerOpts(`/apis/${GROUP}/${VERSION}/${PLURAL}`),
    list: listAll(API_VERSION, KIND),
  });
  const children = new Map<string, Informer<KubernetesObject>>();
  for (const k of CHILD_KINDS) {
    children.set(
      `${k.apiVersion}/${k.kind}`,
      new Informer<KubernetesObject>({
        ...informerOpts(collectionPath(k)),
        labelSelector: OWNER_LABEL,
        list: listAll(k.apiVersion, k.kind, OWNER_LABEL),
      }),
    );
  }

  let queue: WorkQueue | undefined;
  const metrics = controllerMetrics(registry, CONTROLLER, workers, () => queue?.inFlight.values() ?? []);
  queue = new WorkQueue(defaultControllerRateLimiter(), metrics.queue);
  const q = queue;
  const enqueue = (o: KubernetesObject) => q.add(keyOf(o));
  for (const event of ["add", "update", "delete", "resync"] as const) smartServices.on(event, enqueue);
  const enqueueOwner = (o: KubernetesObject) => {
    const owner = o.metadata?.ownerReferences?.find((r) => r.kind === KIND && r.apiVersion === API_VERSION);
    if (owner) q.add(`${o.metadata?.namespace}/${owner.name}`);
  };
  for (const informer of children.values()) {
    for (const event of ["add", "update", "delete"] as const) informer.on(event, enqueueOwner);
  }

  const events = new EventRecorder(kc.makeApiClient(CoreV1Api), FIELD_MANAGER, identity, log);
  const controller = new Controller({
    name: CONTROLLER,
    workers,
    queue,
    metrics,
    log,
    reconcile: smartServiceReconciler({
      smartServices,
      children,
      objects,
      customObjects: kc.makeApiClient(CustomObjectsApi),
      events,
    }),
  });

  let leaderElection: LeaderElector | undefined;
  if (election) {
    const setLeading = leaderMetric(registry, election.name ?? OPERATOR_LEASE);
    leaderElection = new LeaderElector({
      api: kc.makeApiClient(CoordinationV1Api),
      namespace: election.namespace,
      name: election.name ?? OPERATOR_LEASE,
      identity,
      leaseDurationMs: election.leaseDurationMs,
      renewDeadlineMs: election.renewDeadlineMs,
      retryPeriodMs: election.retryPeriodMs,
      log,
      onLeading: setLeading,
    });
  }

  return new Manager({
    log,
    registry,
    bind: opts.bind ?? { host: "127.0.0.1", port: 8080 },
    informers: [smartServices, ...children.values()],
    controllers: [controller],
    leaderElection,
    beforeStop: () => events.flush(),
    afterStop: () => kc.close(),
  });
}
