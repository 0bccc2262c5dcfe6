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
  getNamedType,
  getVariableValues,
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
import type { Viewer } from '@lattice/server-kit';
import { includedWith } from '../skip-include';
import { type Denial, fieldDenials } from './denial';
import type { Requirements } from './requirements';

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

  const denialOf = fieldDenials(schema, requirements, viewer);

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
