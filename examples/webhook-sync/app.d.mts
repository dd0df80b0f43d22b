import type { Express } from 'express';

export interface SyncedUser {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  banned: boolean;
  updatedAt: number;
  lastEventId: string;
}

export interface UserStore {
  users: Map<string, SyncedUser>;
  apply(event: { type: string; data: any }, eventId: string): void;
}

export function createUserStore(): UserStore;
export function createWebhookSyncApp(options: { signingSecret: string; store?: UserStore }): { app: Express; store: UserStore };
