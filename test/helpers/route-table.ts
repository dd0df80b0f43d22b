import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  /** The route's path template, e.g. `/v1/users/:user_id/ban`. */
  url: string;
}

/**
 * Every (method, path) Fastify will serve, read from Fastify's own route table (`printRoutes`), so a route
 * registered anywhere, by anyone, later, is in the list without being named here. The tree is read with its
 * common prefixes (each node a fragment of the path, joined on the way down): without them find-my-way prints
 * any route ending in a wildcard as a bare `*`.
 */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  const entries: RouteEntry[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes().split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?$/u.exec(line);
    if (!match) continue;
    const depth = [...match[1]!].length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const url = stack.join('');
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean)) entries.push({ method, url });
  }
  return entries;
}
