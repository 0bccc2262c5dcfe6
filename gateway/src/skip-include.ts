import {
  type FieldNode,
  type FragmentSpreadNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type InlineFragmentNode,
} from 'graphql';

/**
 * Whether a selection survives its `@skip` / `@include` under these variables: what
 * authorization and the cost estimate walk of an operation is what executes.
 */
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
