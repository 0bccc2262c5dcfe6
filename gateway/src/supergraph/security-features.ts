import type { SupergraphSdlHook } from '@apollo/gateway';

const SECURITY_LINK =
  /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes)\/v[0-9.]+"), for: SECURITY\)/g;

/**
 * @apollo/gateway refuses a supergraph linking a `for: SECURITY` feature it does not know
 * (`@authenticated`, `@requiresScopes`), since it would not enforce it. This gateway enforces
 * both itself (authorization/), so their links lose the purpose before the gateway reads
 * the supergraph; the directives stay, and `onSchemaLoadOrUpdate` still sees them.
 */
export function declareSecurityFeaturesEnforced(supergraphSdl: string): string {
  return supergraphSdl.replace(SECURITY_LINK, '$1)');
}

/** A supergraph hook whose SDL (initial and each update) goes through the function above. */
export function withEnforcedSecurityFeatures(hook: SupergraphSdlHook): SupergraphSdlHook {
  return async (options) => {
    const result = await hook({
      ...options,
      update: (sdl) => options.update(declareSecurityFeaturesEnforced(sdl)),
    });
    return { ...result, supergraphSdl: declareSecurityFeaturesEnforced(result.supergraphSdl) };
  };
}
