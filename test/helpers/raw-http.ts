// HTTP/1.1 over a plain socket, for requests fetch would refuse to send or would rewrite on the way out
// (absolute-form targets, dot segments, percent-encoded letters, missing Host, bad chunking).
import net from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

/** Parses one HTTP/1.1 response (the connection was closed after it). */
export function parseRawResponse(raw: string): RawResponse {
  const headEnd = raw.indexOf('\r\n\r\n');
  const head = headEnd === -1 ? raw : raw.slice(0, headEnd);
  const body = headEnd === -1 ? '' : raw.slice(headEnd + 4);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colonAt = line.indexOf(':');
    if (colonAt > 0) headers[line.slice(0, colonAt).trim().toLowerCase()] = line.slice(colonAt + 1).trim();
  }
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body, json };
}

/**
 * Sends `request` (the exact bytes) to 127.0.0.1:`port` and resolves with everything the server wrote
 * until it closed the connection (or `timeoutMs` passed).
 */
export function sendRaw(port: number, request: string | Buffer, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      // A reset after the answer arrived still leaves the answer to inspect.
      if (chunks.length > 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.write(request);
  });
}

/** One request with `Connection: close`, a Host header unless `host` is null, and an optional JSON body. */
export async function rawRequest(
  port: number,
  options: { method: string; target: string; headers?: Record<string, string>; body?: string; host?: string | null },
): Promise<RawResponse> {
  const lines = [`${options.method} ${options.target} HTTP/1.1`];
  if (options.host !== null) lines.push(`Host: ${options.host ?? `127.0.0.1:${port}`}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${value}`);
  if (options.body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(options.body)}`);
  lines.push('Connection: close');
  return parseRawResponse(await sendRaw(port, `${lines.join('\r\n')}\r\n\r\n${options.body ?? ''}`));
}
