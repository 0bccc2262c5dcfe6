/** Fills the fields that authorization cut into an operation's result, as `null` with errors. */
import {
  getNullableType,
  type GraphQLFormattedError,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';

import { includedWith } from '../skip-include';
import { type CompletionPlan, TYPENAME_ALIAS } from './rewrite';

type JsonObject = Record<string, unknown>;

/**
 * Answers the cut fields of an executed rewritten operation: `null` at each of their paths
 * in `data`, with the error saying why; drops the added `__typename` aliases. A refused root
 * field is null on its own so the rest of the operation is still served — unless nothing
 * else is left and it is non-null, when `data` itself is null as GraphQL requires.
 */
export function completeResult(
  plan: CompletionPlan,
  data: JsonObject | null | undefined,
): { data: JsonObject | null | undefined; errors: GraphQLFormattedError[] } {
  const errors: GraphQLFormattedError[] = [];
  if (!data) return { data, errors };
  const { schema, fragments, cut } = plan;
  const included = includedWith(plan.variables);
  const rootType = schema.getRootType(plan.operation.operation)!;
  const answered = new Set<string>();

  const fillObject = (
    object: JsonObject,
    set: SelectionSetNode,
    type: GraphQLObjectType,
    path: Array<string | number>,
  ) => {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const denial = cut.get(selection);
        if (denial) {
          const at = [...path, key];
          const id = JSON.stringify(at);
          if (answered.has(id)) continue;
          answered.add(id);
          object[key] = null;
          errors.push({ message: denial.message, path: at, extensions: { code: denial.code } });
          continue;
        }
        const field = type.getFields()[selection.name.value];
        if (field && selection.selectionSet) {
          fillValue(object[key], selection.selectionSet, getNullableType(field.type), [...path, key]);
        }
        continue;
      }
      const definition =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!definition) continue;
      const condition = definition.typeCondition?.name.value;
      const conditionType = condition ? schema.getType(condition) : type;
      const applies =
        conditionType === type ||
        (conditionType !== undefined &&
          isAbstractType(conditionType) &&
          schema.isSubType(conditionType, type));
      if (applies) fillObject(object, definition.selectionSet, type, path);
    }
  };

  const fillValue = (value: unknown, set: SelectionSetNode, type: unknown, path: Array<string | number>) => {
    if (value === null || value === undefined) return;
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isListType(nullable)) {
      if (!Array.isArray(value)) return;
      value.forEach((item, index) =>
        fillValue(item, set, getNullableType(nullable.ofType), [...path, index]),
      );
      return;
    }
    if (typeof value !== 'object') return;
    const object = value as JsonObject;
    let runtime: unknown = nullable;
    if (isAbstractType(nullable)) {
      const name = object[TYPENAME_ALIAS];
      runtime = typeof name === 'string' ? schema.getType(name) : undefined;
    }
    if (isObjectType(runtime)) fillObject(object, set, runtime, path);
  };

  fillObject(data, plan.operation.selectionSet, rootType, []);
  stripTypenameAlias(data);
  const cutRoots = new Set(errors.filter((error) => error.path?.length === 1).map((error) => error.path![0]));
  const onlyCutRoots = Object.keys(data).every((key) => cutRoots.has(key));
  const nonNullCut = [...cut.keys()].some((node) => {
    const key = node.alias?.value ?? node.name.value;
    return cutRoots.has(key) && isNonNullType(rootType.getFields()[node.name.value]?.type);
  });
  return { data: onlyCutRoots && nonNullCut ? null : data, errors };
}

function stripTypenameAlias(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) stripTypenameAlias(item);
  } else if (value !== null && typeof value === 'object') {
    const object = value as JsonObject;
    delete object[TYPENAME_ALIAS];
    for (const key of Object.keys(object)) stripTypenameAlias(object[key]);
  }
}
