/**
 * The demand-control directives of a supergraph: `@cost` and `@listSize` of the cost spec
 * (https://specs.apollo.dev/cost/v0.1, IBM's GraphQL cost directive specification). The API
 * schema drops them, so they are read from the composed SDL, under the names its `@link`
 * gives them (composition keeps `@cost` and imports `@listSize`; a renamed import counts).
 */
import { type ConstDirectiveNode, type DocumentNode, Kind, parse } from 'graphql';
import { argumentValue, forEachDirectiveSite, linksOf, stringArgument } from '../../supergraph/directives';

export interface ListSize {
  /** The list's size when no slicing argument says it. */
  assumedSize?: number;
  /** Arguments whose value is the list's size (`first`, `last`, `limit`). */
  slicingArguments: string[];
  /** Fields of the returned object that the size applies to (`edges` of a connection). */
  sizedFields: string[];
  /** Exactly one slicing argument must have a value. */
  requireOneSlicingArgument: boolean;
}

export interface CostDirectives {
  /** `@cost(weight:)` by coordinate: `Type`, `Type.field`, `Type.field(arg:)`, `Input.field`. */
  weights: ReadonlyMap<string, number>;
  /** `@listSize` by field coordinate (`Query.users`). */
  listSizes: ReadonlyMap<string, ListSize>;
}

export const NO_COST_DIRECTIVES: CostDirectives = { weights: new Map(), listSizes: new Map() };

const COST_SPEC = 'https://specs.apollo.dev/cost/';

/** Reads `@cost` and `@listSize` from a supergraph's SDL; none when it does not link the cost spec. */
export function costDirectivesFromSupergraph(supergraphSdl: string): CostDirectives {
  const document = parse(supergraphSdl, { noLocation: true });
  const names = directiveNames(document);
  if (!names) return NO_COST_DIRECTIVES;

  const weights = new Map<string, number>();
  const listSizes = new Map<string, ListSize>();
  const read = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      if (directive.name.value === names.cost) {
        const weight = argumentValue(directive, 'weight');
        if (weight?.kind === Kind.INT) weights.set(coordinate, Number(weight.value));
      } else if (directive.name.value === names.listSize) {
        listSizes.set(coordinate, listSizeOf(directive));
      }
    }
  };
  forEachDirectiveSite(document, read);
  return { weights, listSizes };
}

/** The names under which the supergraph's `@link` to the cost spec puts its two directives. */
function directiveNames(document: DocumentNode): { cost: string; listSize: string } | undefined {
  const link = linksOf(document).find((candidate) => stringArgument(candidate, 'url')?.startsWith(COST_SPEC));
  if (!link) return undefined;
  const feature = stringArgument(link, 'as') ?? 'cost';
  // Without an import, a feature's directives are `@feature` and `@feature__name`.
  const names = { cost: feature, listSize: `${feature}__listSize` };
  const imports = argumentValue(link, 'import');
  for (const entry of imports?.kind === Kind.LIST ? imports.values : []) {
    let name: string | undefined;
    let alias: string | undefined;
    if (entry.kind === Kind.STRING) name = alias = entry.value;
    else if (entry.kind === Kind.OBJECT) {
      const field = (key: string) => entry.fields.find((f) => f.name.value === key)?.value;
      const n = field('name');
      const a = field('as');
      name = n?.kind === Kind.STRING ? n.value : undefined;
      alias = a?.kind === Kind.STRING ? a.value : name;
    }
    if (name === '@cost' && alias) names.cost = alias.slice(1);
    if (name === '@listSize' && alias) names.listSize = alias.slice(1);
  }
  return names;
}

function listSizeOf(directive: ConstDirectiveNode): ListSize {
  const strings = (name: string): string[] => {
    const value = argumentValue(directive, name);
    if (value?.kind === Kind.STRING) return [value.value];
    if (value?.kind !== Kind.LIST) return [];
    return value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
  };
  const assumed = argumentValue(directive, 'assumedSize');
  const requireOne = argumentValue(directive, 'requireOneSlicingArgument');
  return {
    assumedSize: assumed?.kind === Kind.INT ? Number(assumed.value) : undefined,
    slicingArguments: strings('slicingArguments'),
    sizedFields: strings('sizedFields'),
    requireOneSlicingArgument: requireOne?.kind === Kind.BOOLEAN ? requireOne.value : true,
  };
}
