import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type OperationTypeNode,
  parse,
  type SelectionSetNode,
} from 'graphql';

/** The public code of a field whose subgraph could not be reached (see server-kit errors). */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/**
 * The operation a fetch sends: the query plan's parsed document, or the query text parsed
 * here when the plan did not carry one.
 */
export function operationDocument(
  document: DocumentNode | undefined,
  query: string | undefined,
): { node?: DocumentNode; operation?: OperationTypeNode } {
  let node = document;
  if (!node && query) {
    try {
      node = parse(query);
    } catch {
      node = undefined;
    }
  }
  return { node, operation: node && operationOf(node)?.operation };
}

function operationOf(document: DocumentNode): OperationDefinitionNode | undefined {
  return document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
}

export interface SubgraphErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; subgraph: string };
}

/**
 * The answer the gateway gets instead of a subgraph's when that subgraph is unreachable: no
 * data and one SUBGRAPH_UNAVAILABLE error per field the fetch asked for. @apollo/gateway
 * places subgraph errors like any other (`_entities.<i>.<field>` becomes the entity's path in
 * the client response), so the client sees `null` with an error exactly at the fields this
 * subgraph owns, and everything the other subgraphs answered stays intact.
 */
export function unavailableResponse(
  subgraph: string,
  document: DocumentNode | undefined,
  variables: Record<string, unknown> | undefined,
): { errors: SubgraphErrorEntry[] } {
  const message = `The ${subgraph} service is unavailable`;
  const error = (path?: (string | number)[]): SubgraphErrorEntry => ({
    message,
    ...(path ? { path } : {}),
    extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph },
  });
  const operation = document && operationOf(document);
  if (!document || !operation) return { errors: [error()] };
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const fieldsOf = (selectionSet: SelectionSetNode, typename?: string, into: string[] = []): string[] => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        if (selection.name.value !== '__typename' && !into.includes(name)) into.push(name);
        continue;
      }
      const fragment =
        selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      if (condition && typename && condition !== typename) continue;
      fieldsOf(fragment.selectionSet, typename, into);
    }
    return into;
  };

  const roots = fieldsOf(operation.selectionSet);
  const entities = operation.selectionSet.selections.find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities',
  );
  const representations = variables?.representations;
  if (entities?.kind === Kind.FIELD && entities.selectionSet && Array.isArray(representations)) {
    // An entity fetch: errors at `_entities.<index>.<field>`, for the fields of each entity's type.
    const errors = representations.flatMap((representation: unknown, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      const fields = fieldsOf(entities.selectionSet!, typeof typename === 'string' ? typename : undefined);
      return fields.length
        ? fields.map((field) => error(['_entities', index, field]))
        : [error(['_entities', index])];
    });
    return { errors: errors.length ? errors : [error()] };
  }
  return { errors: roots.length ? roots.map((field) => error([field])) : [error()] };
}
