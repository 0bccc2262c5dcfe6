/**
 * The Kubernetes manifests (deploy/kubernetes): the generated base is what the generator
 * makes from the manifest, the base and each overlay render, every object is valid against
 * the Kubernetes API schemas (kubernetes-models, offline), every subgraph has its Deployment
 * and Service, and a subgraph made from the template appears with no hand edit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Service } from 'kubernetes-models/v1/Service';
import { KUBERNETES_BASE, kubernetesBase } from '../../../scripts/subgraphs/kubernetes';
import { renderSubgraph } from '../../../scripts/subgraphs/template';
import { findRepositoryRoot, nextFreePort, readSubgraphManifest, type SubgraphEntry } from '../src';
import { containersOf, kustomize, mergePatch, parseObjects, type KubernetesObject } from './kustomize';

const root = findRepositoryRoot();
const deploy = join(root, 'deploy', 'kubernetes');
const entries = readSubgraphManifest(root);
const renders = {
  base: join(deploy, 'base'),
  trial: join(deploy, 'overlays', 'trial'),
  production: join(deploy, 'overlays', 'production'),
};

/** Each kind the manifests use, with its schema; any other kind fails the test. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1 Deployment': Deployment,
  'apps/v1 StatefulSet': StatefulSet,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
  'v1 ConfigMap': ConfigMap,
  'v1 PersistentVolumeClaim': PersistentVolumeClaim,
  'v1 Service': Service,
};

function validate(object: KubernetesObject): void {
  const Model = models[`${object.apiVersion} ${object.kind}`];
  if (!Model) throw new Error(`${object.apiVersion} ${object.kind} ${object.metadata.name}: no schema here`);
  try {
    new Model(object as never).validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata.name}: ${(error as Error).message}`, { cause: error });
  }
}

const find = (objects: KubernetesObject[], kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);

type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string }; configMapKeyRef?: { name: string } };
};
const envOf = (object: KubernetesObject | undefined) =>
  object ? containersOf(object).flatMap((container) => (container.env ?? []) as EnvVar[]) : [];
const envValue = (object: KubernetesObject | undefined, name: string) =>
  envOf(object).find((variable) => variable.name === name)?.value;

/** What makes Lattice's objects fit together: every subgraph deployed, every reference resolved. */
function checkWiring(objects: KubernetesObject[], subgraphs: SubgraphEntry[]): void {
  for (const entry of subgraphs) {
    const deployment = find(objects, 'Deployment', entry.name);
    const service = find(objects, 'Service', entry.name);
    expect(deployment).toBeDefined();
    expect(service).toBeDefined();
    expect(containersOf(deployment!)[0]?.command).toEqual([
      'node',
      `subgraphs/${entry.name}/dist/src/main.js`,
    ]);
    expect(envValue(deployment, 'PORT')).toBe(String(entry.port));
    expect((service!.spec as { ports: { port: number }[] }).ports[0]?.port).toBe(entry.port);
    expect(find(objects, 'PodDisruptionBudget', entry.name)).toBeDefined();
  }
  const gateway = find(objects, 'Deployment', 'gateway');
  expect(find(objects, 'Service', 'gateway')).toBeDefined();
  expect(find(objects, 'HorizontalPodAutoscaler', 'gateway')).toBeDefined();
  expect(envValue(gateway, 'METRICS_PORT')).toBe('9464');
  expect(envValue(gateway, 'SUBGRAPH_URLS')?.split(',').sort()).toEqual(
    subgraphs.map((entry) => `${entry.name}=http://${entry.name}:${entry.port}/graphql`).sort(),
  );

  // Every in-cluster URL names a Service of the render on its port.
  const services = new Map(
    objects
      .filter((object) => object.kind === 'Service')
      .map((object) => [
        object.metadata.name,
        (object.spec as { ports: { port: number }[] }).ports.map((port) => port.port),
      ]),
  );
  const configMaps = objects.filter((object) => object.kind === 'ConfigMap');
  const urls = [
    ...objects.flatMap((object) => envOf(object).map((variable) => variable.value ?? '')),
    ...configMaps.flatMap((object) => Object.values((object.data ?? {}) as Record<string, string>)),
  ].flatMap((value) => [...value.matchAll(/https?:\/\/([a-z0-9-]+):(\d+)/g)]);
  expect(urls.length).toBeGreaterThan(subgraphs.length);
  for (const [url, host, port] of urls) {
    expect({ url, ports: services.get(host!) }).toEqual({
      url,
      ports: expect.arrayContaining([Number(port)]),
    });
  }

  // What the pods read exists: the ConfigMap, the claims (the Secret is made by hand).
  for (const workload of objects.filter((object) => ['Deployment', 'StatefulSet'].includes(object.kind))) {
    const pod = (workload.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    for (const container of containersOf(workload)) {
      for (const source of (container.envFrom ?? []) as { configMapRef?: { name: string } }[])
        expect(find(objects, 'ConfigMap', source.configMapRef!.name)).toBeDefined();
      for (const variable of (container.env ?? []) as EnvVar[]) {
        if (variable.valueFrom?.secretKeyRef)
          expect(variable.valueFrom.secretKeyRef.name).toBe('lattice-secrets');
        if (variable.valueFrom?.configMapKeyRef)
          expect(find(objects, 'ConfigMap', variable.valueFrom.configMapKeyRef.name)).toBeDefined();
      }
    }
    for (const volume of (pod.volumes ?? []) as { persistentVolumeClaim?: { claimName: string } }[])
      if (volume.persistentVolumeClaim)
        expect(find(objects, 'PersistentVolumeClaim', volume.persistentVolumeClaim.claimName)).toBeDefined();
  }
}

describe('the Kubernetes manifests', () => {
  it('the base on disk is what the generator makes from the manifest, and lists every file', () => {
    const generated = kubernetesBase(entries);
    const onDisk = readdirSync(renders.base).map((file) => `${KUBERNETES_BASE}/${file}`);
    expect(onDisk.sort()).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) {
      // Prettier formats the files written; compare what they say.
      expect(parseObjects(readFileSync(join(root, file), 'utf8'))).toEqual(parseObjects(text));
    }
    const kustomization = parseObjects(generated[`${KUBERNETES_BASE}/kustomization.yaml`]!)[0] as unknown as {
      resources: string[];
    };
    expect(kustomization.resources.sort()).toEqual(
      onDisk
        .map((file) => file.slice(KUBERNETES_BASE.length + 1))
        .filter((file) => file !== 'kustomization.yaml')
        .sort(),
    );
  });

  it.each(Object.entries(renders))('%s renders valid objects that fit together', (_name, dir) => {
    const objects = kustomize(dir);
    for (const object of objects) validate(object);
    const names = objects.map((object) => `${object.kind}/${object.metadata.name}`);
    expect(new Set(names).size).toBe(names.length);
    checkWiring(objects, entries);
  });

  it('the trial overlay brings PostgreSQL and Redis; production pins the image', () => {
    const trial = kustomize(renders.trial);
    expect(find(trial, 'StatefulSet', 'postgres')).toBeDefined();
    expect(find(trial, 'Service', 'postgres')).toBeDefined();
    expect(find(trial, 'Deployment', 'redis')).toBeDefined();
    expect(find(trial, 'Service', 'redis')).toBeDefined();
    const production = kustomize(renders.production);
    const images = new Set(
      production
        .filter((object) => object.kind === 'Deployment')
        .flatMap(containersOf)
        .map((container) => container.image),
    );
    expect([...images]).toEqual(['registry.example.com/lattice:0.1.0']);
    expect(find(production, 'ConfigMap', 'lattice-config')?.data).toMatchObject({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://api.example.com',
    });
  });

  it('rejects what the Kubernetes schema rejects', () => {
    const deployment = structuredClone(find(kustomize(renders.base), 'Deployment', 'identity')!);
    containersOf(deployment)[0]!.ports = [{ name: 'http', containerPort: 'http' }];
    expect(() => validate(deployment)).toThrow(/containerPort must be integer/);
  });

  it('a subgraph made from the template gets its Deployment, Service and place in the gateway', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lattice-kubernetes-'));
    try {
      writeFileSync(join(scratch, 'turbo.json'), '{}');
      renderSubgraph(join(scratch, 'subgraphs', 'scratch'), {
        name: 'scratch',
        port: nextFreePort(entries),
        description: 'The template, deployed',
      });
      const [entry] = readSubgraphManifest(scratch);
      expect(entry?.name).toBe('scratch');
      const withScratch = [...entries, entry!];
      const files = kubernetesBase(withScratch);
      const objects = Object.values(files).flatMap(parseObjects);
      const kustomization = objects.find((object) => object.kind === 'Kustomization') as unknown as {
        resources: string[];
      };
      expect(kustomization.resources).toContain('scratch.yaml');
      const resources = objects.filter((object) => object.kind !== 'Kustomization');
      for (const object of resources) validate(object);
      checkWiring(resources, withScratch);
      expect(envValue(find(resources, 'Deployment', 'analytics'), 'MONITORED_SERVICES')).toContain(
        `scratch=http://scratch:${entry!.port}/graphql`,
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('merges patches the way kustomize does for what the overlays patch', () => {
    expect(
      mergePatch(
        {
          spec: {
            containers: [{ name: 'a', image: 'x', env: [{ name: 'A', value: '1' }] }],
            keep: 1,
            drop: 2,
          },
        },
        { spec: { containers: [{ name: 'a', env: [{ name: 'B', value: '2' }] }], drop: null } },
      ),
    ).toEqual({
      spec: {
        containers: [
          {
            name: 'a',
            image: 'x',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          },
        ],
        keep: 1,
      },
    });
    expect(mergePatch({ accessModes: ['ReadWriteMany'] }, { accessModes: ['ReadWriteOnce'] })).toEqual({
      accessModes: ['ReadWriteOnce'],
    });
  });

  // Where kubectl is installed, the renderer above must agree with the real kustomize.
  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  (kubectl.status === 0 ? it.each(Object.entries(renders)) : it.skip.each(Object.entries(renders)))(
    '%s renders as `kubectl kustomize` does (skipped without kubectl)',
    (_name, dir) => {
      const real = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
      expect(real.stderr).toBe('');
      const key = (object: KubernetesObject) => `${object.kind}/${object.metadata.name}`;
      const byKey = (objects: KubernetesObject[]) =>
        Object.fromEntries(objects.map((object) => [key(object), object]));
      expect(byKey(kustomize(dir))).toEqual(byKey(parseObjects(real.stdout)));
    },
  );
});
