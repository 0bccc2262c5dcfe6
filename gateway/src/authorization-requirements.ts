/**
 * The authorization requirements of a supergraph: which types and fields carry
 * `@authenticated` or `@requiresScopes`, read from the composed SDL (the API schema drops them).
 */
import { type ConstDirectiveNode, Kind, parse, type ValueNode } from 'graphql';

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
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const url = stringArgument(directive, 'url');
      const as = stringArgument(directive, 'as');
      if (url?.startsWith(AUTHENTICATED_SPEC)) authenticatedName = as ?? 'authenticated';
      if (url?.startsWith(REQUIRES_SCOPES_SPEC)) requiresScopesName = as ?? 'requiresScopes';
    }
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
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        collect(definition.name.value, definition.directives);
        for (const field of definition.fields ?? []) {
          collect(`${definition.name.value}.${field.name.value}`, field.directives);
        }
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        collect(definition.name.value, definition.directives);
        break;
      default:
        break;
    }
  }
  return requirements;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function scopesArgument(directive: ConstDirectiveNode, coordinate: string): string[][] {
  const value = directive.arguments?.find((argument) => argument.name.value === 'scopes')?.value;
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
