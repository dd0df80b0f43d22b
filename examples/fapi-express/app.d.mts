import type { Express } from 'express';

export interface ExampleConfig {
  /** Roster's base URL (its Backend API), e.g. `http://localhost:3000`. */
  rosterUrl: string;
  /** Roster's Frontend API, e.g. `http://localhost:3000/fapi` (clerk-js's `proxyUrl`). */
  frontendApiUrl: string;
  secretKey: string;
  publishableKey: string;
}

export function publishableKeyFor(frontendApiUrl: string, instance?: 'test' | 'live'): string;
export function configFromEnv(env?: Record<string, string | undefined>): ExampleConfig;
export function createExampleApp(config: ExampleConfig): Express;
