/**
 * Estimated operation cost and list breadth (demand control), after IBM's GraphQL cost
 * directive specification as Apollo Router applies it:
 *
 * - an operation costs its base (a mutation 10, a query or subscription 0) plus its fields;
 * - a field costs its weight — `@cost` on the field, else `@cost` on its type, else 1 for an
 *   object, interface or union and 0 for a scalar or enum — plus its selections, times its
 *   list size when it returns a list, plus the `@cost` of the arguments it is given;
 * - a list's size is the largest value of its slicing arguments (`@listSize(slicingArguments:)`,
 *   literal, variable or default value), else its `@listSize(assumedSize:)`, else
 *   `defaultListSize`; with `sizedFields` the size applies to those fields of the returned
 *   object instead (a connection's `edges`). Without `@listSize`, a list or connection field
 *   with `first`/`last` arguments is sliced by them (the Relay connection convention);
 * - introspection fields cost nothing (no subgraph is called for them).
 *
 * The estimate is static (the document and its variables, before planning), so an operation
 * over the limit is refused before any subgraph is called (see plugin.ts). A slicing argument
 * above `maxListSize` is refused too, whatever the cost.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getArgumentValues,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  getVariableValues,
} from 'graphql';
import { includedWith } from '../../skip-include';
import type { CostDirectives, ListSize } from './directives';
import { limitError } from './errors';

/** The list sizes an estimate assumes and allows. */
export interface ListLimits {
  /** Highest value of a slicing argument (`first: 1000`). */
  maxListSize: number;
  /** The size assumed for a list without a slicing argument or `@listSize(assumedSize:)`. */
  defaultListSize: number;
}

/** Base cost by operation type (Apollo Router's defaults). */
const OPERATION_BASE = { query: 0, mutation: 10, subscription: 0 } as const;
/** The Relay connection convention, for list fields without `@listSize`. */
const CONVENTION_SLICING = ['first', 'last'];
const CONVENTION_SIZED = ['edges', 'nodes'];

export interface CostInput {
  schema: GraphQLSchema;
  directives: CostDirectives;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The request's variables as sent (coerced here). */
  variables?: Record<string, unknown>;
  limits: ListLimits;
}

export interface CostEstimate {
  cost: number;
  /** Slicing arguments above `maxListSize`, or missing where `requireOneSlicingArgument`. */
  errors: GraphQLError[];
}

/** Estimates an operation's cost and checks its list breadth. */
export function estimateCost(input: CostInput): CostEstimate {
  const { schema, directives, document, operation, limits } = input;
  const errors: GraphQLError[] = [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], input.variables ?? {});
  // Bad variables are refused when the operation executes; estimate with the defaults meanwhile.
  const variables = coerced.coerced ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A fragment spread many times is costed once per type and list size (documents can nest
  // spreads to make a naive walk exponential).
  const fragmentCosts = new Map<string, number>();

  const included = includedWith(variables);

  const argumentsCost = (
    coordinate: string,
    field: GraphQLField<unknown, unknown>,
    args: Record<string, unknown>,
  ) => {
    let cost = 0;
    for (const arg of field.args) {
      if (args[arg.name] === undefined) continue;
      cost += directives.weights.get(`${coordinate}(${arg.name}:)`) ?? 0;
      cost += inputCost(arg.type, args[arg.name]);
    }
    return cost;
  };
  const inputCost = (type: GraphQLInputType, value: unknown): number => {
    const nullable = getNullableType(type);
    if (value === null || value === undefined) return 0;
    if (isListType(nullable)) {
      return Array.isArray(value)
        ? value.reduce((sum: number, item) => sum + inputCost(nullable.ofType, item), 0)
        : 0;
    }
    if (!isInputObjectType(nullable) || typeof value !== 'object') return 0;
    let cost = 0;
    for (const [name, field] of Object.entries(nullable.getFields())) {
      const inner = (value as Record<string, unknown>)[name];
      if (inner === undefined) continue;
      cost += (directives.weights.get(`${nullable.name}.${name}`) ?? 0) + inputCost(field.type, inner);
    }
    return cost;
  };

  const listSizeOf = (
    coordinate: string,
    field: GraphQLField<unknown, unknown>,
    isList: boolean,
  ): ListSize | undefined => {
    const declared = directives.listSizes.get(coordinate);
    if (declared) return declared;
    const slicing = field.args.filter((arg) => CONVENTION_SLICING.includes(arg.name)).map((arg) => arg.name);
    if (!slicing.length) return undefined;
    const named = getNamedType(field.type);
    const sized =
      !isList && isObjectType(named)
        ? CONVENTION_SIZED.filter((name) => {
            const inner = named.getFields()[name];
            return inner && isListType(getNullableType(inner.type));
          })
        : [];
    if (!isList && !sized.length) return undefined; // `first` of something that is not a list
    return { slicingArguments: slicing, sizedFields: sized, requireOneSlicingArgument: false };
  };

  const fieldCost = (
    parent: GraphQLCompositeType,
    node: FieldNode,
    upstreamSize: number | undefined,
    path: string,
  ): number => {
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = parent.getFields()[node.name.value];
    if (!field) return 0;
    const coordinate = `${parent.name}.${field.name}`;
    const isList = isListType(getNullableType(field.type));
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(field, node, variables);
    } catch {
      // refused when the operation executes
    }

    let ownSize: number | undefined;
    let sized: { names: string[]; size: number } | undefined;
    const listSize = listSizeOf(coordinate, field, isList);
    if (listSize) {
      const given = listSize.slicingArguments.filter((name) => typeof args[name] === 'number');
      for (const name of given) {
        const value = args[name] as number;
        if (value > limits.maxListSize) {
          errors.push(
            limitError(
              `Operation exceeds the list size limit: ${name}: ${value} > ${limits.maxListSize} at ${path}`,
              { limit: 'maxListSize', max: limits.maxListSize, actual: value, coordinate, argument: name },
            ),
          );
        }
      }
      if (listSize.requireOneSlicingArgument && listSize.slicingArguments.length && given.length !== 1) {
        errors.push(
          limitError(
            `${path} needs exactly one of ${listSize.slicingArguments.join(', ')} to bound its size`,
            { limit: 'slicingArguments', coordinate, arguments: listSize.slicingArguments },
          ),
        );
      }
      const size = given.length
        ? Math.max(...given.map((name) => args[name] as number))
        : (listSize.assumedSize ?? limits.defaultListSize);
      if (listSize.sizedFields.length) sized = { names: listSize.sizedFields, size };
      else ownSize = size;
    }

    const named = getNamedType(field.type);
    const weight =
      directives.weights.get(coordinate) ??
      directives.weights.get(named.name) ??
      (isCompositeType(named) ? 1 : 0);
    const selections =
      node.selectionSet && isCompositeType(named)
        ? selectionSetCost(named, node.selectionSet, sized, path)
        : 0;
    const count = isList ? (upstreamSize ?? ownSize ?? limits.defaultListSize) : 1;
    return count * (weight + selections) + argumentsCost(coordinate, field, args);
  };

  const selectionSetCost = (
    parent: GraphQLCompositeType,
    set: SelectionSetNode,
    sized: { names: string[]; size: number } | undefined,
    path: string,
  ): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue; // introspection, __typename
        const key = selection.alias?.value ?? selection.name.value;
        const size = sized?.names.includes(selection.name.value) ? sized.size : undefined;
        cost += fieldCost(parent, selection, size, path ? `${path}.${key}` : key);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type))
          cost += selectionSetCost(type, selection.selectionSet, sized, path);
      } else {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type || !isCompositeType(type)) continue;
        const key = `${fragment.name.value}|${parent.name}|${sized ? `${sized.names}:${sized.size}` : ''}`;
        let fragmentCost = fragmentCosts.get(key);
        if (fragmentCost === undefined) {
          fragmentCosts.set(key, 0); // a cycle (refused by validation anyway) adds nothing
          fragmentCost = selectionSetCost(type, fragment.selectionSet, sized, path);
          fragmentCosts.set(key, fragmentCost);
        }
        cost += fragmentCost;
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  const cost = root
    ? OPERATION_BASE[operation.operation] + selectionSetCost(root, operation.selectionSet, undefined, '')
    : 0;
  return { cost: Math.min(cost, Number.MAX_SAFE_INTEGER), errors };
}
