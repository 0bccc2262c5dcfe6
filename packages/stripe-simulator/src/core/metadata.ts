/** A metadata patch from a request: `null` values delete keys; `null` as a whole clears them all. */
export type MetadataPatch = Record<string, string | null> | null;

/** Applies a metadata patch in place (see `Params.metadata`). */
export function applyMetadata(target: Record<string, string>, patch: MetadataPatch | undefined): void {
  if (patch === undefined) return;
  if (patch === null) {
    for (const key of Object.keys(target)) delete target[key];
    return;
  }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else target[key] = value;
  }
}

/** Metadata for a new object: the patch without its deletions. */
export function newMetadata(patch: MetadataPatch | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (patch) applyMetadata(metadata, patch);
  return metadata;
}
