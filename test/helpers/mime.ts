// Just enough MIME to read what nodemailer sends in tests: headers, multipart bodies (recursively), and
// the quoted-printable and base64 transfer encodings.

export interface MimePart {
  headers: Map<string, string>;
  /** The decoded body of a leaf part (UTF-8, line ends as `\n`). */
  body: string;
  parts: MimePart[];
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    default:
      return body;
  }
}

/** Parses a raw message (CRLF line ends, as SMTP carries it). */
export function parseMime(raw: string): MimePart {
  const { headers, body } = splitHeaders(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary || !/^multipart\//i.test(headers.get('content-type') ?? '')) {
    return { headers, body: decodeBody(body, headers.get('content-transfer-encoding')).replace(/\r\n/g, '\n'), parts: [] };
  }
  const sections = body.split(`--${boundary}`).slice(1);
  const parts = sections.filter((section) => !section.startsWith('--')).map((section) => parseMime(section.replace(/^\r\n/, '').replace(/\r\n$/, '')));
  return { headers, body: '', parts };
}

/** The first leaf part whose content type starts with `type` (e.g. `text/html`). */
export function findPart(part: MimePart, type: string): MimePart | undefined {
  if (part.parts.length === 0) return (part.headers.get('content-type') ?? 'text/plain').toLowerCase().startsWith(type) ? part : undefined;
  for (const child of part.parts) {
    const found = findPart(child, type);
    if (found) return found;
  }
  return undefined;
}
