/**
 * Schema authorization: `@authenticated` and `@requiresScopes` of the supergraph, enforced on
 * an operation before it is planned. Unauthorised fields are cut from the operation (so no
 * subgraph is asked for them) and come back as `null` with an UNAUTHENTICATED or FORBIDDEN
 * error at their path, while the rest of the operation runs.
 *
 * Independent of Apollo Server and of the operation type: `authorizeOperation` rewrites a
 * validated document for a caller, `completeResult` fills the cut fields into a result
 * (query and mutation responses today, each subscription event later).
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type FragmentSpreadNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';
import { ErrorCode, type Viewer } from '@lattice/server-kit';
import { scopesOf } from './scopes';
import type { Requirements } from './authorization-requirements';

/** Why a field is refused. */
export interface Denial {
  /** The refused field's coordinate, e.g. `Query.users`. */
  coordinate: string;
  code: typeof ErrorCode.Unauthenticated | typeof ErrorCode.Forbidden;
  message: string;
}

/** An operation after authorization: what to execute, and what to fill into its result. */
export interface AuthorizedOperation {
  /** The document to plan and execute: `document` itself when nothing was refused. */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Whether fields were cut (then the result must go through `completeResult`). */
  rewritten: boolean;
  /** The original operation and the cut fields, for `completeResult`. */
  plan: CompletionPlan;
}

export interface CompletionPlan {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Field nodes of the original document that are answered with null, and why. */
  cut: ReadonlyMap<FieldNode, Denial>;
}

/**
 * An alias of `__typename` added to every selection set of a rewritten document: it keeps a
 * selection set that lost all its fields valid, and tells `completeResult` the runtime type
 * of each object. It is removed from the result.
 */
export const TYPENAME_ALIAS = '__latticeAuthzType';

/**
 * Checks every field the operation selects (fragments and aliases included) against the
 * caller, and cuts each refused field — or, when it is non-null, its nearest nullable
 * ancestor; a root field is always cut itself — from the document.
 */
export function authorizeOperation(input: {
  schema: GraphQLSchema;
  requirements: Requirements;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Record<string, unknown>;
  viewer: Viewer | null;
}): AuthorizedOperation {
  const { schema, requirements, document, operation, viewer } = input;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coerced = operation.variableDefinitions?.length
    ? getVariableValues(schema, operation.variableDefinitions, input.variables ?? {}).coerced
    : {};
  const variables = coerced ?? input.variables ?? {};
  const included = includedWith(variables);
  const scopes = viewer ? scopesOf(viewer.role) : new Set<string>();

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new Error(`The schema has no ${operation.operation} type`);

  const cut = new Map<FieldNode, Denial>();
  // A node's verdict does not depend on where it is used, so each is decided once (a
  // fragment spread many times costs one walk).
  const fieldVerdicts = [new Map<FieldNode, Denial | null>(), new Map<FieldNode, Denial | null>()];
  const setVerdicts = [
    new Map<SelectionSetNode, Denial | null>(),
    new Map<SelectionSetNode, Denial | null>(),
  ];

  const denialOf = (parent: GraphQLCompositeType, fieldName: string): Denial | null => {
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

  /** The denial a field passes up to its parent: it must be null but cannot be. */
  const visitField = (node: FieldNode, parent: GraphQLCompositeType, root: boolean): Denial | null => {
    const memo = fieldVerdicts[root ? 1 : 0]!;
    if (memo.has(node)) return memo.get(node)!;
    memo.set(node, null); // fragment cycles are refused by validation; this only guards
    let denial = denialOf(parent, node.name.value);
    const field =
      isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    if (!denial && field && node.selectionSet) {
      denial = visitSet(node.selectionSet, getNamedType(field.type) as GraphQLCompositeType, false);
    }
    let passed: Denial | null = null;
    if (denial) {
      if (root || !field || !isNonNullType(field.type)) cut.set(node, denial);
      else passed = denial;
    }
    memo.set(node, passed);
    return passed;
  };

  /** The first denial a non-null field of this selection set passes up, if any. */
  const visitSet = (set: SelectionSetNode, parent: GraphQLCompositeType, root: boolean): Denial | null => {
    const memo = setVerdicts[root ? 1 : 0]!;
    if (memo.has(set)) return memo.get(set)!;
    memo.set(set, null);
    let passed: Denial | null = null;
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      let denial: Denial | null = null;
      if (selection.kind === Kind.FIELD) {
        denial = visitField(selection, parent, root);
      } else {
        const [selections, type] = fragmentOf(selection, parent);
        if (selections && type) denial = visitSet(selections, type, root);
      }
      passed ??= denial;
    }
    memo.set(set, passed);
    return passed;
  };

  const fragmentOf = (
    selection: InlineFragmentNode | FragmentSpreadNode,
    parent: GraphQLCompositeType,
  ): [SelectionSetNode | undefined, GraphQLCompositeType | undefined] => {
    const definition =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    const condition = definition?.typeCondition?.name.value;
    const type = condition ? (schema.getType(condition) as GraphQLCompositeType | undefined) : parent;
    return [definition?.selectionSet, type];
  };

  visitSet(operation.selectionSet, rootType, true);

  const plan: CompletionPlan = { schema, operation, fragments, variables, cut };
  if (cut.size === 0) return { document, operation, rewritten: false, plan };
  const rewrittenOperation = rewrite(operation, cut);
  return {
    document: {
      kind: Kind.DOCUMENT,
      definitions: [rewrittenOperation, ...usedFragments(rewrittenOperation, fragments, cut)],
    },
    operation: rewrittenOperation,
    rewritten: true,
    plan,
  };
}

function describeScopes(requirements: string[][][]): string {
  const all = (scopes: string[]) =>
    scopes.length === 1 ? `the ${scopes[0]} scope` : `the ${scopes.join(' and ')} scopes`;
  return requirements.map((alternatives) => alternatives.map(all).join(' or ')).join(', and ');
}

/** Whether a selection survives its `@skip` / `@include` under these variables. */
export function includedWith(variables: Record<string, unknown>) {
  return (node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean => {
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
      if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
    } catch {
      // bad variables fail execution anyway; checking the node is the safe side
    }
    return true;
  };
}

const typenameField: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: TYPENAME_ALIAS },
  name: { kind: Kind.NAME, value: '__typename' },
};

function rewrite<T extends OperationDefinitionNode | FragmentDefinitionNode>(
  definition: T,
  cut: ReadonlyMap<FieldNode, Denial>,
): T {
  return visit(definition, {
    Field: { enter: (node) => (cut.has(node) ? null : undefined) },
    SelectionSet: {
      leave: (node) => ({ ...node, selections: [...node.selections, typenameField] }),
    },
  }) as T;
}

/** The fragments the rewritten operation still spreads (rewritten too), transitively. */
function usedFragments(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  cut: ReadonlyMap<FieldNode, Denial>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: Array<OperationDefinitionNode | FragmentDefinitionNode> = [operation];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment || used.has(name)) return;
        const rewritten = rewrite(fragment, cut);
        used.set(name, rewritten);
        pending.push(rewritten);
      },
    });
  }
  return [...used.values()];
}
