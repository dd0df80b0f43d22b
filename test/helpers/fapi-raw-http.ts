// Plain node:http for Frontend API tests: answers the spec-validating fetch of test/setup would reject (500s) stay visible.
import http from 'node:http';

export interface Answer { status: number; headers: http.IncomingHttpHeaders; text: string; json: any }

/** Plain node:http (bypasses the spec-validating fetch of the test setup). */
export function raw(baseUrl: string, method: string, path: string, options: { headers?: Record<string, string | string[]>; body?: string | Buffer } = {}): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const cookieFrom = (answer: Answer, name: string): string | undefined => {
  const lines = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
  const line = lines.find((l) => l.startsWith(`${name}=`));
  return line?.split(';')[0]!.slice(name.length + 1);
};
