import { invalidRequest } from '../core/errors';
import type { MetadataPatch } from '../core/metadata';

type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array parsed by `qs`, or an object with numeric keys (what `qs` makes of sparse or long arrays). */
function asArray(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.keys(value)
      .sort((a, b) => Number(a) - Number(b))
      .map((key) => value[key]);
  }
  return undefined;
}

/**
 * A request's parameters in Stripe's bracket notation, parsed by `qs`: every value arrives as a
 * string and is read (and refused) field by field, with the field's full name in errors, e.g.
 * `items[0][quantity]`.
 */
export class Params {
  constructor(
    private readonly raw: Raw,
    private readonly path = '',
  ) {}

  name(key: string): string {
    return this.path ? `${this.path}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  isHash(key: string): boolean {
    return isObject(this.raw[key]);
  }

  string(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      throw invalidRequest(`Invalid string: ${JSON.stringify(value)}`, { param: this.name(key) });
    }
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === '') throw this.missing(key);
    return value;
  }

  /** A string that may be sent empty to unset the field: `''` reads as null. */
  emptyableString(key: string): string | null | undefined {
    const value = this.string(key);
    return value === '' ? null : value;
  }

  int(key: string): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(parsed)) {
      throw invalidRequest(`Invalid integer: ${value}`, {
        code: 'parameter_invalid_integer',
        param: this.name(key),
      });
    }
    return parsed;
  }

  requiredInt(key: string): number {
    const value = this.int(key);
    if (value === undefined) throw this.missing(key);
    return value;
  }

  decimal(key: string): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!/^-?\d+(\.\d+)?$/.test(value)) {
      throw invalidRequest(`Invalid decimal: ${value}`, { param: this.name(key) });
    }
    return Number(value);
  }

  bool(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') {
      throw invalidRequest(`Invalid boolean: ${value}`, { param: this.name(key) });
    }
    return value === 'true';
  }

  enum<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) {
      const choices =
        values.length > 1 ? `${values.slice(0, -1).join(', ')}, or ${values.at(-1)}` : values[0];
      throw invalidRequest(`Invalid ${this.name(key)}: must be one of ${choices}`, { param: this.name(key) });
    }
    return value as T;
  }

  requiredEnum<T extends string>(key: string, values: readonly T[]): T {
    const value = this.enum(key, values);
    if (value === undefined) throw this.missing(key);
    return value;
  }

  /** A timestamp, or `now` where Stripe accepts it (trial_end). */
  timestampOrNow(key: string): number | 'now' | undefined {
    return this.string(key) === 'now' ? 'now' : this.int(key);
  }

  object(key: string): Params | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (!isObject(value)) throw invalidRequest(`Invalid object`, { param: this.name(key) });
    return new Params(value, this.name(key));
  }

  /** A hash that may be sent empty (`field=`) to unset it: null then. */
  emptyableObject(key: string): Params | null | undefined {
    return this.raw[key] === '' ? null : this.object(key);
  }

  objectList(key: string): Params[] {
    const value = this.raw[key];
    if (value === undefined || value === '') return [];
    const items = asArray(value);
    if (!items || !items.every(isObject)) throw invalidRequest(`Invalid array`, { param: this.name(key) });
    return items.map((item, index) => new Params(item, `${this.name(key)}[${index}]`));
  }

  stringList(key: string): string[] {
    const value = this.raw[key];
    if (value === undefined || value === '') return [];
    const items = typeof value === 'string' ? [value] : asArray(value);
    if (!items || !items.every((item): item is string => typeof item === 'string')) {
      throw invalidRequest(`Invalid array`, { param: this.name(key) });
    }
    return items;
  }

  /** `metadata`: a patch where `''` deletes a key; `metadata=` (empty) clears them all (null). */
  metadata(): MetadataPatch | undefined {
    const value = this.raw.metadata;
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (!isObject(value)) throw invalidRequest(`Invalid object`, { param: 'metadata' });
    const patch: Record<string, string | null> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string') {
        throw invalidRequest(`Invalid string: ${JSON.stringify(entry)}`, { param: `metadata[${key}]` });
      }
      if (key.length > 40) {
        throw invalidRequest(`Metadata keys can have at most 40 characters.`, { param: `metadata[${key}]` });
      }
      if (entry.length > 500) {
        throw invalidRequest(`Metadata values can have at most 500 characters.`, {
          param: `metadata[${key}]`,
        });
      }
      patch[key] = entry === '' ? null : entry;
    }
    return patch;
  }

  expand(): string[] {
    return this.stringList('expand');
  }

  private missing(key: string) {
    return invalidRequest(`Missing required param: ${this.name(key)}.`, {
      code: 'parameter_missing',
      param: this.name(key),
    });
  }
}
