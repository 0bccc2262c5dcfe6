import { simpleParser, type AddressObject, type EmailAddress, type HeaderLines } from 'mailparser';
import { extractLinks } from './links';

/** A mail the capture accepted, parsed. */
export interface CapturedMail {
  /** Ours, increasing in order of acceptance: zero-padded (`000042`) so it also sorts as a string. */
  id: string;
  /** When the SMTP DATA finished, i.e. when the mail was accepted (not when it was parsed). */
  receivedAt: Date;
  /** The SMTP envelope: `MAIL FROM` ('' for the null sender) and every `RCPT TO`. */
  envelope: { from: string; to: string[] };
  /** The `Message-ID` header, angle brackets included (as nodemailer's `info.messageId`). */
  messageId?: string;
  /** The decoded `Subject` ('' when there is none). */
  subject: string;
  /** The decoded `From` header as text, display name included: `"Ada \"A\" Lovelace" <ada@example.com>`. */
  from: string;
  /** The addresses of the `To` header(s), groups flattened, without display names. */
  to: string[];
  /** The text/plain part, decoded (not generated from the HTML). */
  text?: string;
  /** The text/html part, decoded. */
  html?: string;
  /** Header names in lower case, values raw (unfolded, encoded words kept); a repeated header keeps its first value. */
  headers: Record<string, string>;
  /** The whole RFC 5322 message, as received (CRLF line ends). */
  raw: string;
  /** Every http(s) URL in the text part, then the HTML part's link `href`s, each once, in order: tests follow links with it. */
  links: string[];
}

/** What is known of a mail the moment it is accepted, before parsing. */
export interface AcceptedMail {
  id: string;
  receivedAt: Date;
  envelope: { from: string; to: string[] };
  data: Buffer;
}

/**
 * Parses an accepted mail. A message mailparser cannot make sense of is still kept, with the
 * envelope, the raw text and empty parsed fields.
 */
export async function parseMail(accepted: AcceptedMail): Promise<CapturedMail> {
  const { id, receivedAt, envelope, data } = accepted;
  const raw = data.toString('utf8');
  try {
    const parsed = await simpleParser(data, PARSER_OPTIONS);
    const text = parsed.text || undefined;
    const html = parsed.html || undefined;
    return {
      id,
      receivedAt,
      envelope,
      ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
      subject: parsed.subject ?? '',
      from: parsed.from?.text ?? '',
      to: addresses(parsed.to),
      ...(text !== undefined ? { text } : {}),
      ...(html !== undefined ? { html } : {}),
      headers: rawHeaders(parsed.headerLines),
      raw,
      links: extractLinks(text, html),
    };
  } catch {
    return { id, receivedAt, envelope, subject: '', from: '', to: [], headers: {}, raw, links: [] };
  }
}

/** Only what CapturedMail needs: no HTML rendering of the text, no checksums, no inlined images. */
const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  keepCidLinks: true,
  checksumAlgo: false,
} as const;

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  const result: string[] = [];
  const visit = (entries: EmailAddress[]): void => {
    for (const entry of entries) {
      if (entry.group) visit(entry.group);
      else if (entry.address) result.push(entry.address);
    }
  };
  for (const object of header === undefined ? [] : Array.isArray(header) ? header : [header])
    visit(object.value);
  return result;
}

function rawHeaders(lines: HeaderLines): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    if (Object.hasOwn(headers, key) || key === '__proto__') continue;
    const colon = line.indexOf(':');
    headers[key] = line
      .slice(colon + 1)
      .replace(/\r?\n(?=[ \t])/g, '')
      .trim();
  }
  return headers;
}
