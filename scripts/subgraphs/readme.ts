import type { SubgraphEntry } from '@lattice/manifest';
import { internalServiceVariable } from '@lattice/subgraph-kit';

const local = (entry: SubgraphEntry) => `${entry.name}=http://localhost:${entry.port}/graphql`;

/** README's list of subgraphs and the commands that run each as its own process. */
export function readmeSection(entries: SubgraphEntry[]): string {
  const rows = entries.map(
    (entry) =>
      `| [${entry.name}](subgraphs/${entry.name}/README.md) | ${entry.port} | \`@lattice/subgraph-${entry.name}\` | ${entry.description} |`,
  );
  const processes = entries.map((entry) => {
    const env = [`DATABASE_URL=postgres://… REDIS_URL=redis://… PORT=${entry.port}`];
    if (entry.name !== 'identity') env.push('JWKS_URL=http://localhost:4001/.well-known/jwks.json');
    // Where the subgraphs it calls listen (their internal routes need SUBGRAPH_SECRET on both sides).
    for (const other of entries.filter((candidate) => entry.calls.includes(candidate.name))) {
      env.push(`${internalServiceVariable(other.name)}=http://localhost:${other.port}`);
    }
    if (entry.monitorsOthers) {
      env.push(
        `MONITORED_SERVICES=${entries
          .filter((other) => other !== entry)
          .map(local)
          .join(',')}`,
      );
    }
    return `${env.join(' \\\n  ')} \\\n  node subgraphs/${entry.name}/dist/src/main.js`;
  });
  return `## Subgraphs

| subgraph | port | package | owns |
| --- | --- | --- | --- |
${rows.join('\n')}

Each runs as its own process in production:

\`\`\`sh
npm run build
${processes.join('\n')}
SUPERGRAPH_PATH=schema/supergraph.graphql \\
  SUBGRAPH_URLS=${entries.map(local).join(',')} \\
  node gateway/dist/src/main.js
\`\`\`
`;
}
