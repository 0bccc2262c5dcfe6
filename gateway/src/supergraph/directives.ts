/**
 * Walking the directives of a composed supergraph SDL by schema coordinate: the API schema
 * drops the directives the gateway enforces (`@authenticated`, `@requiresScopes`, `@cost`,
 * `@listSize`), so they are read from the supergraph document itself.
 */
import { type ConstDirectiveNode, type ConstValueNode, type DocumentNode, Kind } from 'graphql';

type DirectiveVisitor = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => void;

/**
 * Calls `visit` with the directives of every type (`User`), field (`Query.users`), field
 * argument (`Query.users(first:)`) and input field (`UserFilter.role`) of the document.
 */
export function forEachDirectiveSite(document: DocumentNode, visit: DirectiveVisitor): void {
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const type = definition.name.value;
        visit(type, definition.directives);
        for (const field of definition.fields ?? []) {
          visit(`${type}.${field.name.value}`, field.directives);
          for (const arg of field.arguments ?? []) {
            visit(`${type}.${field.name.value}(${arg.name.value}:)`, arg.directives);
          }
        }
        break;
      }
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        for (const field of definition.fields ?? []) {
          visit(`${definition.name.value}.${field.name.value}`, field.directives);
        }
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        visit(definition.name.value, definition.directives);
        break;
      default:
        break;
    }
  }
}

/** The `@link(url:, as:, import:)` directives on the document's schema definition. */
export function linksOf(document: DocumentNode): ConstDirectiveNode[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION
      ? (definition.directives ?? []).filter((directive) => directive.name.value === 'link')
      : [],
  );
}

export function argumentValue(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((arg) => arg.name.value === name)?.value;
}

export function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = argumentValue(directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}
