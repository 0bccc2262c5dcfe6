import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode, UserError } from './errors';

// A NUL character, or a UTF-16 surrogate without its pair (with the `u` flag a well-formed
// pair is one code point, so `\p{Cs}` matches only lone ones).
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/**
 * Text found that cannot be stored: why, and where (filled in from the innermost value out,
 * so nothing is allocated while the walk finds nothing).
 */
interface Found {
  problem: string;
  /** The argument, then input fields and list indexes, innermost first while unwinding. */
  path: Array<string | number>;
}

function inString(value: string): Found | undefined {
  if (!UNSTORABLE.test(value)) return undefined;
  const problem = value.includes('\u0000')
    ? 'must not contain the NUL character (U+0000)'
    : 'must be valid Unicode text (it contains a lone surrogate)';
  return { problem, path: [] };
}

const at = (found: Found | undefined, key: string | number) => {
  found?.path.push(key);
  return found;
};

/** The first string in a runtime value (a variable's, object keys included) that cannot be stored. */
function inValue(value: unknown): Found | undefined {
  if (typeof value === 'string') return inString(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = at(inValue(value[index]), index);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key in value) {
      const found = inString(key) ?? at(inValue((value as Record<string, unknown>)[key]), key);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Finds text PostgreSQL cannot store in a JSON value (an internal route's body, see
 * subgraph-kit's internal-routes.ts): where (`reference`, `items.0.name`) and why.
 */
export function findUnstorableValue(value: unknown): { field: string; problem: string } | undefined {
  const found = inValue(value);
  return found && { field: found.path.reverse().join('.'), problem: found.problem };
}

/**
 * Finds text PostgreSQL cannot store in what an operation passes to its fields and directives:
 * string literals of the document, and the values of the variables it uses (or their
 * defaults), at any depth of input objects and lists. Fragments are followed once each.
 * Returns where (`input.email`: the argument, then input fields and list indexes) and why.
 */
export function findUnstorableText(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): { field: string; problem: string } | undefined {
  // Only operations with fragment spreads need these.
  let fragments: Map<string, FragmentDefinitionNode> | undefined;
  let visited: Set<string> | undefined;

  const inNode = (node: ValueNode): Found | undefined => {
    switch (node.kind) {
      case Kind.STRING:
        return inString(node.value);
      case Kind.LIST:
        for (let index = 0; index < node.values.length; index += 1) {
          const found = at(inNode(node.values[index]!), index);
          if (found) return found;
        }
        return undefined;
      case Kind.OBJECT:
        for (const field of node.fields) {
          const found = at(inNode(field.value), field.name.value);
          if (found) return found;
        }
        return undefined;
      case Kind.VARIABLE: {
        const name = node.name.value;
        if (Object.hasOwn(variables, name)) return inValue(variables[name]);
        const fallback = operation.variableDefinitions?.find(
          (definition) => definition.variable.name.value === name,
        )?.defaultValue;
        return fallback && inNode(fallback);
      }
      default:
        return undefined;
    }
  };
  const inArguments = (node: FieldNode | DirectiveNode): Found | undefined => {
    for (const argument of node.arguments ?? []) {
      const found = at(inNode(argument.value), argument.name.value);
      if (found) return found;
    }
    return undefined;
  };
  const inDirectives = (directives: readonly DirectiveNode[] | undefined): Found | undefined => {
    for (const directive of directives ?? []) {
      const found = inArguments(directive);
      if (found) return found;
    }
    return undefined;
  };
  const inFragment = (name: string): Found | undefined => {
    visited ??= new Set();
    if (visited.has(name)) return undefined;
    visited.add(name);
    fragments ??= new Map(
      document.definitions.flatMap((definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
      ),
    );
    const fragment = fragments.get(name);
    return fragment && (inDirectives(fragment.directives) ?? inSelections(fragment.selectionSet));
  };
  const inSelections = (selectionSet: SelectionSetNode): Found | undefined => {
    for (const selection of selectionSet.selections) {
      const found =
        inDirectives(selection.directives) ??
        (selection.kind === Kind.FIELD
          ? (inArguments(selection) ?? (selection.selectionSet && inSelections(selection.selectionSet)))
          : selection.kind === Kind.INLINE_FRAGMENT
            ? inSelections(selection.selectionSet)
            : inFragment(selection.name.value));
      if (found) return found;
    }
    return undefined;
  };

  const found = inDirectives(operation.directives) ?? inSelections(operation.selectionSet);
  return found && { field: found.path.reverse().join('.'), problem: found.problem };
}

// One listener shared by every request: nothing is allocated per request.
const listener: GraphQLRequestListener<BaseContext> = {
  async didResolveOperation({ document, operation, request }) {
    if (!operation) return;
    const found = findUnstorableText(document, operation, request.variables);
    if (!found) return;
    throw new UserError(ErrorCode.BadUserInput, `${found.field}: ${found.problem}`, {
      field: found.field,
      http: { status: 400 },
    });
  },
};

/**
 * Refuses, before anything runs, an operation passing text PostgreSQL cannot store: a NUL
 * character (text and jsonb refuse it, so the statement using it fails) or a lone surrogate
 * (it has no UTF-8 encoding: it would be replaced, so two different passwords could hash
 * alike). One boundary for every text input of every Lattice server, so no resolver and no
 * zod schema has to remember it: 400 BAD_USER_INPUT naming the field.
 */
export function storableTextPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return { requestDidStart: async () => listener as GraphQLRequestListener<T> };
}
