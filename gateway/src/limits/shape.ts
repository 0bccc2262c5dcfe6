import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Shape limits every operation must respect before it is planned or executed. */
export interface OperationLimits {
  /** Deepest field nesting (fragments expanded). */
  maxDepth: number;
  /** Aliased fields in the whole operation (alias bombs multiply work per request). */
  maxAliases: number;
  /** Fields at the root of the operation. */
  maxRootFields: number;
}

function exceeded(limit: keyof OperationLimits, max: number, actual: number): GraphQLError {
  const name = { maxDepth: 'depth', maxAliases: 'aliases', maxRootFields: 'root fields' }[limit];
  // Apollo Server reports validation errors as GRAPHQL_VALIDATION_FAILED; `limit` says which.
  return new GraphQLError(`Operation exceeds the ${name} limit: ${actual} > ${max}`, {
    extensions: { limit, max, actual },
  });
}

interface Shape {
  depth: number;
  aliases: number;
}

/**
 * A validation rule measuring each operation's depth, aliases and root fields, fragments
 * included (each fragment measured once; a fragment cycle is left to graphql-js's own rule).
 * Validation results are cached with the document, so a refused shape costs one walk.
 */
export function operationLimitsRule(limits: OperationLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const measured = new Map<string, Shape>();

    const measure = (set: SelectionSetNode, visiting: Set<string>): Shape => {
      let depth = 0;
      let aliases = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) aliases += 1;
          const inner = selection.selectionSet
            ? measure(selection.selectionSet, visiting)
            : { depth: 0, aliases: 0 };
          depth = Math.max(depth, inner.depth + 1);
          aliases += inner.aliases;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const inner = measure(selection.selectionSet, visiting);
          depth = Math.max(depth, inner.depth);
          aliases += inner.aliases;
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue;
          let inner = measured.get(name);
          if (!inner) {
            inner = measure(fragment.selectionSet, new Set(visiting).add(name));
            measured.set(name, inner);
          }
          depth = Math.max(depth, inner.depth);
          aliases += inner.aliases;
        }
      }
      return { depth, aliases };
    };

    return {
      OperationDefinition(operation) {
        const rootFields = operation.selectionSet.selections.length;
        if (rootFields > limits.maxRootFields)
          context.reportError(exceeded('maxRootFields', limits.maxRootFields, rootFields));
        const shape = measure(operation.selectionSet, new Set());
        if (shape.depth > limits.maxDepth)
          context.reportError(exceeded('maxDepth', limits.maxDepth, shape.depth));
        if (shape.aliases > limits.maxAliases)
          context.reportError(exceeded('maxAliases', limits.maxAliases, shape.aliases));
        return false; // measured here; nothing below needs visiting by this rule
      },
    };
  };
}
