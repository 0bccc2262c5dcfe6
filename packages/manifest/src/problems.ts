import type { SubgraphEntry } from './manifest';

/** The gateway's port: no subgraph may take it. */
export const GATEWAY_PORT = 4000;
const NAME = /^[a-z][a-z0-9]*$/;

/**
 * What is wrong with a manifest, one sentence per mismatch naming the subgraph: a name that
 * is not a plain lower-case word, a package whose suffix differs from its folder, a missing
 * or repeated port, a missing description, calls (`lattice.calls`) to itself, to a subgraph
 * the manifest does not have, or going round in a circle (callers start after those they call). `definitionNames` (folder → the name its
 * `defineSubgraph` gives) is checked when known.
 */
export function manifestProblems(
  entries: readonly SubgraphEntry[],
  definitionNames: Readonly<Record<string, string>> = {},
): string[] {
  const problems: string[] = [];
  const byPort = new Map<number, string[]>();
  for (const entry of entries) {
    const where = `subgraphs/${entry.name}`;
    if (!NAME.test(entry.name)) {
      problems.push(`${where}: a subgraph name is lower-case letters and digits, starting with a letter`);
    }
    if (entry.packageName !== `@lattice/subgraph-${entry.name}`) {
      problems.push(
        `${where}: package.json name is "${entry.packageName}", expected "@lattice/subgraph-${entry.name}" (the folder's name)`,
      );
    }
    const defined = definitionNames[entry.name];
    if (defined !== undefined && defined !== entry.name) {
      problems.push(
        `${where}: defineSubgraph names it "${defined}", expected "${entry.name}" (the folder's name)`,
      );
    }
    if (!Number.isInteger(entry.port) || entry.port < 1024 || entry.port > 65535) {
      problems.push(`${where}: package.json needs lattice.port, an integer from 1024 to 65535`);
    } else if (entry.port === GATEWAY_PORT) {
      problems.push(`${where}: port ${GATEWAY_PORT} is the gateway's`);
    } else {
      byPort.set(entry.port, [...(byPort.get(entry.port) ?? []), entry.name]);
    }
    if (!entry.description) problems.push(`${where}: package.json needs a description of what it owns`);
    problems.push(...callProblems(entry, entries));
  }
  for (const [port, names] of byPort) {
    if (names.length > 1)
      problems.push(`port ${port} is taken by ${names.join(' and ')}: ports must be unique`);
  }
  const circle = callCircle(entries);
  if (circle) {
    problems.push(
      `calls go round in a circle (${circle.join(' → ')}): a subgraph starts after those it calls`,
    );
  }
  return problems;
}

function callProblems(entry: SubgraphEntry, entries: readonly SubgraphEntry[]): string[] {
  const where = `subgraphs/${entry.name}`;
  if (entry.malformedCalls)
    return [`${where}: package.json lattice.calls must be an array of subgraph names`];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of entry.calls) {
    if (seen.has(name)) problems.push(`${where}: lattice.calls names "${name}" twice`);
    else if (name === entry.name) problems.push(`${where}: lattice.calls names itself`);
    else if (!entries.some((other) => other.name === name)) {
      problems.push(`${where}: lattice.calls names "${name}", which is not a subgraph (subgraphs/${name})`);
    }
    seen.add(name);
  }
  return problems;
}

/** A circle of calls (`a → b → a`), if there is one. */
function callCircle(entries: readonly SubgraphEntry[]): string[] | undefined {
  const calls = new Map(entries.map((entry) => [entry.name, entry.calls]));
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(name);
    if (at >= 0) return [...path.slice(at), name];
    if (done.has(name)) return undefined;
    for (const next of calls.get(name) ?? []) {
      if (next === name) continue; // reported as calling itself
      const circle = visit(next, [...path, name]);
      if (circle) return circle;
    }
    done.add(name);
    return undefined;
  };
  for (const entry of entries) {
    const circle = visit(entry.name, []);
    if (circle) return circle;
  }
  return undefined;
}

/** The lowest port above every subgraph's: where a new subgraph goes. */
export function nextFreePort(entries: readonly SubgraphEntry[]): number {
  return Math.max(GATEWAY_PORT, ...entries.map((entry) => entry.port).filter(Number.isInteger)) + 1;
}
