/**
 * A JSON value that conforms to a JSON Schema (the subset structured outputs accept), built
 * from the schema alone: what the simulator answers for `response_format: json_schema` when
 * nothing is scripted. Objects get every property, arrays one item (or `minItems`), enums their
 * first value, unions their first non-null alternative, numbers their `minimum` (else 1),
 * booleans true, strings a text fitting `pattern`, `format` and the length limits.
 */

type Schema = Record<string, unknown>;

/** Past this depth a recursive schema stops: arrays get `minItems` items (0 unless set), unions prefer null. */
const MAX_DEPTH = 8;

const UUID = '00000000-0000-4000-8000-000000000000';
const EMAIL = 'simulated@example.com';

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `#/$defs/Name` or `#/definitions/Name` (any JSON pointer into the root schema). */
function resolve(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#')) return {};
  let target: unknown = root;
  for (const segment of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
    target = isSchema(target) ? target[key] : undefined;
  }
  return isSchema(target) ? target : {};
}

function isNull(schema: unknown): boolean {
  return isSchema(schema) && (schema.type === 'null' || (schema.const === null && schema.type === undefined));
}

class Builder {
  constructor(private readonly root: Schema) {}

  value(schema: Schema, name: string | undefined, depth: number): unknown {
    if (typeof schema.$ref === 'string') return this.value(resolve(schema.$ref, this.root), name, depth + 1);
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
    const union = [schema.anyOf, schema.oneOf].find(Array.isArray) as unknown[] | undefined;
    if (union) {
      const chosen =
        depth >= MAX_DEPTH && union.some(isNull) ? undefined : union.find((item) => !isNull(item));
      return isSchema(chosen) ? this.value(chosen, name, depth + 1) : null;
    }
    if (Array.isArray(schema.allOf)) {
      const parts = schema.allOf.filter(isSchema).map((part) => this.value(part, name, depth + 1));
      return parts.every(isSchema) ? Object.assign({}, ...parts) : parts[0];
    }
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as unknown[];
    const concrete = types.find((each) => typeof each === 'string' && each !== 'null');
    const type = types.includes('null') && (concrete === undefined || depth >= MAX_DEPTH) ? 'null' : concrete;
    switch (type ?? (isSchema(schema.properties) ? 'object' : isSchema(schema.items) ? 'array' : undefined)) {
      case 'object':
        return this.object(schema, depth);
      case 'array':
        return this.array(schema, name, depth);
      case 'integer':
      case 'number':
        return this.number(schema, type === 'integer');
      case 'boolean':
        return true;
      case 'null':
        return null;
      default:
        return this.string(schema, name);
    }
  }

  private object(schema: Schema, depth: number): Record<string, unknown> {
    const properties = isSchema(schema.properties) ? schema.properties : {};
    return Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [
        key,
        this.value(isSchema(property) ? property : {}, key, depth + 1),
      ]),
    );
  }

  private array(schema: Schema, name: string | undefined, depth: number): unknown[] {
    const minimum = integer(schema.minItems);
    const maximum = integer(schema.maxItems);
    const wanted = depth >= MAX_DEPTH ? (minimum ?? 0) : Math.max(minimum ?? 1, 1);
    const count = maximum === undefined ? wanted : Math.min(wanted, maximum);
    const items = isSchema(schema.items) ? schema.items : {};
    return Array.from({ length: count }, () => this.value(items, name, depth + 1));
  }

  private number(schema: Schema, whole: boolean): number {
    const { minimum, exclusiveMinimum, maximum, exclusiveMaximum } = schema;
    if (typeof minimum === 'number') return whole ? Math.ceil(minimum) : minimum;
    if (typeof exclusiveMinimum === 'number') return Math.floor(exclusiveMinimum) + 1;
    if (typeof maximum === 'number' && maximum < 1) return whole ? Math.floor(maximum) : maximum;
    if (typeof exclusiveMaximum === 'number' && exclusiveMaximum <= 1) return Math.ceil(exclusiveMaximum) - 1;
    return 1;
  }

  private string(schema: Schema, name: string | undefined): string {
    const fallback = `Simulated ${name ?? 'text'}`;
    const formats: Record<string, string> = {
      date: today(),
      'date-time': `${today()}T00:00:00Z`,
      time: '00:00:00Z',
      email: EMAIL,
      uuid: UUID,
      uri: 'https://example.com/simulated',
    };
    let text = (typeof schema.format === 'string' ? formats[schema.format] : undefined) ?? fallback;
    if (typeof schema.pattern === 'string') {
      const candidates = ['1', '1.00', '10', today(), 'USD', EMAIL, 'simulated', text];
      text = candidates.find((candidate) => matches(schema.pattern as string, candidate)) ?? text;
    }
    const minLength = integer(schema.minLength);
    const maxLength = integer(schema.maxLength);
    if (minLength !== undefined && [...text].length < minLength) text = text.padEnd(minLength, '.');
    if (maxLength !== undefined && [...text].length > maxLength)
      text = [...text].slice(0, maxLength).join('');
    return text;
  }
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

/** A value conforming to `schema` (its `$ref`s resolved against it). */
export function exampleOf(schema: Schema): unknown {
  return new Builder(schema).value(schema, undefined, 0);
}
