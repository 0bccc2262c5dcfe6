import { invalidRequest } from './errors';
import { exampleOf } from './schema';

type Json = Record<string, unknown>;

/** A chat completion's `response_format`: plain text, any JSON object, or JSON fitting a schema. */
export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Json | undefined; strict: boolean };

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function missing(param: string) {
  return invalidRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

function jsonSchemaOf(value: unknown): ResponseFormat {
  if (!isObject(value)) throw missing('response_format.json_schema');
  const { name, schema, strict } = value;
  if (typeof name !== 'string') throw missing('response_format.json_schema.name');
  if (!NAME.test(name)) {
    throw invalidRequest(
      `Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$' (at most 64 characters), but got ${JSON.stringify(name)} instead.`,
      'response_format.json_schema.name',
      'invalid_value',
    );
  }
  if (schema !== undefined && schema !== null && !isObject(schema)) {
    throw invalidRequest(
      `Invalid type for 'response_format.json_schema.schema': expected an object, but got ${JSON.stringify(schema)} instead.`,
      'response_format.json_schema.schema',
      'invalid_type',
    );
  }
  return {
    type: 'json_schema',
    name,
    schema: isObject(schema) ? schema : undefined,
    strict: strict === true,
  };
}

/**
 * The request's `response_format` (text without one), checked as OpenAI does: `json_object`
 * needs the word "json" somewhere in the messages (`promptText`, all their text).
 */
export function responseFormatOf(body: Json, promptText: string): ResponseFormat {
  const format = body.response_format;
  if (format === undefined || format === null) return { type: 'text' };
  const type = isObject(format) ? format.type : undefined;
  switch (type) {
    case 'text':
      return { type: 'text' };
    case 'json_object':
      if (!/json/i.test(promptText)) {
        throw invalidRequest(
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
          'messages',
        );
      }
      return { type: 'json_object' };
    case 'json_schema':
      return jsonSchemaOf((format as Json).json_schema);
    default:
      throw invalidRequest(
        `Invalid value: ${JSON.stringify(type)}. Supported values are: 'json_object', 'json_schema', and 'text'.`,
        'response_format.type',
        'invalid_value',
      );
  }
}

/** The unscripted answer to a JSON format: `{}` for `json_object`, else a document fitting the schema. */
export function jsonAnswer(format: Exclude<ResponseFormat, { type: 'text' }>): string {
  if (format.type === 'json_object' || format.schema === undefined) return '{}';
  return JSON.stringify(exampleOf(format.schema));
}
