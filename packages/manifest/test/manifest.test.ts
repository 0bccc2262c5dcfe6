import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestProblems, nextFreePort, readSubgraphManifest } from '../src';

let root: string;

function subgraph(folder: string, pkg: Record<string, unknown>): void {
  mkdirSync(join(root, 'subgraphs', folder), { recursive: true });
  writeFileSync(join(root, 'subgraphs', folder, 'package.json'), JSON.stringify(pkg));
}

const declared = (name: string, port: unknown, extra: Record<string, unknown> = {}) => ({
  name: `@lattice/subgraph-${name}`,
  description: `what ${name} owns`,
  lattice: { port, ...extra },
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lattice-manifest-'));
  writeFileSync(join(root, 'turbo.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the subgraph manifest', () => {
  it('lists every subgraph folder with a package.json, ordered by port, dot-folders aside', () => {
    subgraph('accounts', declared('accounts', 4002));
    subgraph('identity', declared('identity', 4001));
    subgraph('analytics', declared('analytics', 4003, { monitorsOthers: true }));
    subgraph('.template-check', declared('scratch', 4004));
    mkdirSync(join(root, 'subgraphs', 'empty'));
    const entries = readSubgraphManifest(root);
    expect(entries.map(({ name, port, monitorsOthers }) => [name, port, monitorsOthers])).toEqual([
      ['identity', 4001, false],
      ['accounts', 4002, false],
      ['analytics', 4003, true],
    ]);
    expect(manifestProblems(entries, { identity: 'identity', accounts: 'accounts' })).toEqual([]);
    expect(nextFreePort(entries)).toBe(4004);
  });

  it('names both subgraphs when a port repeats', () => {
    subgraph('identity', declared('identity', 4001));
    subgraph('billing', declared('billing', 4001));
    expect(manifestProblems(readSubgraphManifest(root))).toEqual([
      'port 4001 is taken by billing and identity: ports must be unique',
    ]);
  });

  it('names the folder whose package or definition is called something else', () => {
    subgraph('billing', declared('payments', 4005));
    const problems = manifestProblems(readSubgraphManifest(root), { billing: 'stripe' });
    expect(problems).toEqual([
      'subgraphs/billing: package.json name is "@lattice/subgraph-payments", expected "@lattice/subgraph-billing" (the folder\'s name)',
      'subgraphs/billing: defineSubgraph names it "stripe", expected "billing" (the folder\'s name)',
    ]);
  });

  it('refuses a missing port, the gateway’s port, an odd name and no description', () => {
    subgraph('media', declared('media', undefined));
    subgraph('ai', declared('ai', 4000));
    subgraph('Social', { name: '@lattice/subgraph-Social', lattice: { port: 4010 } });
    expect(manifestProblems(readSubgraphManifest(root))).toEqual([
      "subgraphs/ai: port 4000 is the gateway's",
      'subgraphs/Social: a subgraph name is lower-case letters and digits, starting with a letter',
      'subgraphs/Social: package.json needs a description of what it owns',
      'subgraphs/media: package.json needs lattice.port, an integer from 1024 to 65535',
    ]);
  });

  it('reads lattice.calls, empty when absent', () => {
    subgraph('billing', declared('billing', 4004));
    subgraph('bookings', declared('bookings', 4008, { calls: ['billing'] }));
    const entries = readSubgraphManifest(root);
    expect(entries.map(({ name, calls }) => [name, calls])).toEqual([
      ['billing', []],
      ['bookings', ['billing']],
    ]);
    expect(manifestProblems(entries)).toEqual([]);
  });

  it('refuses calls to an unknown subgraph, to itself, twice, or not a list of names', () => {
    subgraph('billing', declared('billing', 4004, { calls: 'media' }));
    subgraph(
      'bookings',
      declared('bookings', 4008, { calls: ['billing', 'billing', 'payments', 'bookings'] }),
    );
    subgraph('media', declared('media', 4005, { calls: [4004] }));
    expect(manifestProblems(readSubgraphManifest(root))).toEqual([
      'subgraphs/billing: package.json lattice.calls must be an array of subgraph names',
      'subgraphs/media: package.json lattice.calls must be an array of subgraph names',
      'subgraphs/bookings: lattice.calls names "billing" twice',
      'subgraphs/bookings: lattice.calls names "payments", which is not a subgraph (subgraphs/payments)',
      'subgraphs/bookings: lattice.calls names itself',
    ]);
  });

  it('refuses calls going round in a circle', () => {
    subgraph('billing', declared('billing', 4004, { calls: ['media'] }));
    subgraph('media', declared('media', 4005, { calls: ['bookings'] }));
    subgraph('bookings', declared('bookings', 4008, { calls: ['billing'] }));
    expect(manifestProblems(readSubgraphManifest(root))).toEqual([
      'calls go round in a circle (billing → media → bookings → billing): a subgraph starts after those it calls',
    ]);
  });
});
