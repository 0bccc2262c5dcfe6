/**
 * The authorization requirements of a supergraph: which types and fields carry
 * `@authenticated` or `@requiresScopes`, read from the composed SDL (the API schema drops them).
 */
import { type ConstDirectiveNode, Kind, parse, type ValueNode } from 'graphql';
import { argumentValue, forEachDirectiveSite, linksOf, stringArgument } from '../supergraph/directives';

/** What a field or type asks of the caller. */
export interface Requirement {
  authenticated: boolean;
  /** One entry per `@requiresScopes`, all to be met; each is an OR of ANDs of scopes. */
  scopes: string[][][];
}

/** Requirements by type name (`User`) and by field coordinate (`Query.users`). */
export type Requirements = ReadonlyMap<string, Requirement>;

const AUTHENTICATED_SPEC = 'https://specs.apollo.dev/authenticated/';
const REQUIRES_SCOPES_SPEC = 'https://specs.apollo.dev/requiresScopes/';

/**
 * Reads the requirements from a supergraph's SDL (the API schema drops these directives).
 * The directives' names come from the supergraph's `@link`s, so a renamed import still counts.
 */
export function requirementsFromSupergraph(supergraphSdl: string): Requirements {
  const document = parse(supergraphSdl, { noLocation: true });
  let authenticatedName: string | undefined;
  let requiresScopesName: string | undefined;
  for (const link of linksOf(document)) {
    const url = stringArgument(link, 'url');
    const as = stringArgument(link, 'as');
    if (url?.startsWith(AUTHENTICATED_SPEC)) authenticatedName = as ?? 'authenticated';
    if (url?.startsWith(REQUIRES_SCOPES_SPEC)) requiresScopesName = as ?? 'requiresScopes';
  }

  const requirements = new Map<string, Requirement>();
  const collect = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      const name = directive.name.value;
      if (name !== authenticatedName && name !== requiresScopesName) continue;
      const requirement = requirements.get(coordinate) ?? { authenticated: false, scopes: [] };
      if (name === authenticatedName) requirement.authenticated = true;
      else requirement.scopes.push(scopesArgument(directive, coordinate));
      requirements.set(coordinate, requirement);
    }
  };
  forEachDirectiveSite(document, collect);
  return requirements;
}

function scopesArgument(directive: ConstDirectiveNode, coordinate: string): string[][] {
  const value = argumentValue(directive, 'scopes');
  const list = (node: ValueNode | undefined): ValueNode[] => {
    if (node?.kind === Kind.LIST) return [...node.values];
    if (node) return [node]; // input coercion: a single value is a list of one
    throw new Error(`@requiresScopes on ${coordinate} has no scopes`);
  };
  return list(value).map((alternative) =>
    list(alternative).map((scope) => {
      if (scope.kind !== Kind.STRING) throw new Error(`@requiresScopes on ${coordinate}: scopes are strings`);
      return scope.value;
    }),
  );
}
