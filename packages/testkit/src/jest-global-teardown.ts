export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __latticeEmbedded?: () => Promise<void> }).__latticeEmbedded?.();
}
