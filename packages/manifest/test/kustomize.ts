import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as parsed from YAML. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [key: string]: unknown };
  [key: string]: unknown;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
  patches?: { path?: string }[];
}

/** What this renderer does; an overlay using anything else fails instead of rendering wrong. */
const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'images', 'replicas', 'patches']);

export const parseObjects = (text: string): KubernetesObject[] =>
  parseAllDocuments(text)
    .map((document) => document.toJS() as KubernetesObject | null)
    .filter((object): object is KubernetesObject => object !== null);

/**
 * `kubectl kustomize <dir>` for what Lattice's overlays use, without kubectl (tests run
 * offline, and CI has no cluster tools): `resources` (files, or folders with a
 * kustomization.yaml), `images`, `replicas`, and `patches` given by `path` as strategic merge
 * patches, aimed at the object of the patch's kind and name. The merge (mergePatch) is the
 * strategic merge of the fields Lattice patches: maps merge key by key, a list of objects with
 * a `name` merges item by item on it (containers, env, ports, volumes), any other list is
 * replaced, `null` removes a key.
 */
export function kustomize(dir: string): KubernetesObject[] {
  const kustomization = parseObjects(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'))[0] as
    Kustomization | undefined;
  if (!kustomization) throw new Error(`${dir}/kustomization.yaml is empty`);
  const unsupported = Object.keys(kustomization).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length)
    throw new Error(`${dir}/kustomization.yaml: ${unsupported.join(', ')} not supported by this renderer`);
  const objects = (kustomization.resources ?? []).flatMap((resource) => {
    const path = join(dir, resource);
    return resource.endsWith('.yaml') ? parseObjects(readFileSync(path, 'utf8')) : kustomize(path);
  });
  for (const patch of kustomization.patches ?? []) {
    if (!patch.path) throw new Error(`${dir}: only patches with a path are supported`);
    for (const change of parseObjects(readFileSync(join(dir, patch.path), 'utf8'))) {
      const index = objects.findIndex(
        (object) => object.kind === change.kind && object.metadata.name === change.metadata.name,
      );
      if (index < 0) throw new Error(`${join(dir, patch.path)}: no ${change.kind} ${change.metadata.name}`);
      objects[index] = mergePatch(objects[index], change) as KubernetesObject;
    }
  }
  for (const { name, count } of kustomization.replicas ?? []) {
    const target = objects.find(
      (object) => ['Deployment', 'StatefulSet'].includes(object.kind) && object.metadata.name === name,
    );
    if (!target) throw new Error(`${dir}: replicas of ${name}, which is not there`);
    (target.spec as Record<string, unknown>).replicas = count;
  }
  for (const image of kustomization.images ?? []) {
    for (const container of objects.flatMap(containersOf)) {
      const [name, tag] = splitImage(container.image);
      if (name !== image.name) continue;
      const newTag = image.newTag ?? tag;
      container.image = `${image.newName ?? name}${newTag ? `:${newTag}` : ''}`;
    }
  }
  return objects;
}

/** The strategic merge of `patch` into `target` (see kustomize). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) {
    if (!Array.isArray(target) || !patch.every(isNamed) || !target.every(isNamed)) return patch;
    const merged = target.map((item) => {
      const change = patch.find((candidate) => candidate.name === item.name);
      return change ? mergePatch(item, change) : item;
    });
    return [...merged, ...patch.filter((item) => !target.some((existing) => existing.name === item.name))];
  }
  if (!isRecord(patch) || !isRecord(target)) return patch;
  const merged: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = key in target ? mergePatch(target[key], value) : value;
  }
  return merged;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNamed = (value: unknown): value is { name: string } =>
  isRecord(value) && typeof value.name === 'string';

/** The containers of a Deployment's or StatefulSet's pod template. */
export function containersOf(
  object: KubernetesObject,
): { name: string; image: string; [key: string]: unknown }[] {
  const spec = object.spec as { template?: { spec?: { containers?: unknown[] } } } | undefined;
  return (spec?.template?.spec?.containers ?? []) as { name: string; image: string }[];
}

function splitImage(image: string): [string, string | undefined] {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/')
    ? [image.slice(0, colon), image.slice(colon + 1)]
    : [image, undefined];
}
