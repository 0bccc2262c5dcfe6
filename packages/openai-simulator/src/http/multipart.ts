import { invalidRequest } from '../errors';
import type { Upload } from '../transcription';

/** A `multipart/form-data` body: its text fields and its files. */
export interface Form {
  fields: Record<string, string>;
  files: Record<string, Upload>;
}

export function isMultipart(contentType: string | undefined): boolean {
  return /^multipart\/form-data\b/i.test(contentType ?? '');
}

/** Parses a multipart body with Node's own parser (undici's, behind `Response.formData()`). */
export async function parseForm(raw: Buffer, contentType: string): Promise<Form> {
  let data: FormData;
  try {
    data = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalidRequest('We could not parse the multipart/form-data body of your request.');
  }
  const form: Form = { fields: {}, files: {} };
  for (const [name, value] of data) {
    if (typeof value === 'string') form.fields[name] = value;
    else form.files[name] = { filename: value.name, type: value.type, size: value.size };
  }
  return form;
}
