/**
 * Whether a caller may select a field: every `@authenticated` / `@requiresScopes` that applies
 * to it — on the field, on its parent type, on the type it returns and, for an interface, on
 * each implementation's field and type — checked against the caller and its role's scopes.
 */
import {
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  isAbstractType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { ErrorCode, type Viewer } from '@lattice/server-kit';
import type { Requirements } from './requirements';
import { scopesOf } from './scopes';

/** Why a field is refused. */
export interface Denial {
  /** The refused field's coordinate, e.g. `Query.users`. */
  coordinate: string;
  code: typeof ErrorCode.Unauthenticated | typeof ErrorCode.Forbidden;
  message: string;
}

/**
 * The verdict on `parent.fieldName` for this caller: null when it may be selected (so are
 * `__typename` and introspection fields), else the first unmet requirement — UNAUTHENTICATED
 * without a caller, FORBIDDEN when its role lacks a scope.
 */
export function fieldDenials(
  schema: GraphQLSchema,
  requirements: Requirements,
  viewer: Viewer | null,
): (parent: GraphQLCompositeType, fieldName: string) => Denial | null {
  const scopes = viewer ? scopesOf(viewer.role) : new Set<string>();
  return (parent: GraphQLCompositeType, fieldName: string): Denial | null => {
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[fieldName] : undefined;
    if (!field) return null; // __typename and introspection
    const coordinate = `${parent.name}.${fieldName}`;
    const applicable = [
      requirements.get(coordinate),
      requirements.get(parent.name),
      requirements.get(getNamedType(field.type).name),
    ];
    if (isAbstractType(parent)) {
      for (const type of schema.getPossibleTypes(parent)) {
        applicable.push(requirements.get(`${type.name}.${fieldName}`), requirements.get(type.name));
      }
    }
    for (const requirement of applicable) {
      if (!requirement) continue;
      const needsViewer = requirement.authenticated || requirement.scopes.length > 0;
      if (needsViewer && !viewer) {
        return {
          coordinate,
          code: ErrorCode.Unauthenticated,
          message: requirement.scopes.length
            ? `${coordinate} requires ${describeScopes(requirement.scopes)}`
            : `${coordinate} requires authentication`,
        };
      }
      const unmet = requirement.scopes.find(
        (alternatives) => !alternatives.some((all) => all.every((scope) => scopes.has(scope))),
      );
      if (unmet) {
        return {
          coordinate,
          code: ErrorCode.Forbidden,
          message: `${coordinate} requires ${describeScopes([unmet])}`,
        };
      }
    }
    return null;
  };
}

function describeScopes(requirements: string[][][]): string {
  const all = (scopes: string[]) =>
    scopes.length === 1 ? `the ${scopes[0]} scope` : `the ${scopes.join(' and ')} scopes`;
  return requirements.map((alternatives) => alternatives.map(all).join(' or ')).join(', and ');
}
