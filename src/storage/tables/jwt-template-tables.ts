import type { Insertable, Selectable, Updateable } from 'kysely';

/** A JWT template: claims with shortcodes, lifetime, clock skew, and how its tokens are signed. */
export interface JwtTemplatesTable {
  id: string;
  /** Unique; what `POST /v1/sessions/{id}/tokens/{template_name}` names. */
  name: string;
  /** The claims as given (JSON text), shortcodes unrendered. */
  claims: string;
  lifetime: number;
  allowed_clock_skew: number;
  /** 1 when tokens are signed with `signing_key`, 0 for the instance's RS256 key. */
  custom_signing_key: number;
  signing_algorithm: string;
  /** The custom key (an HMAC secret or a PKCS#8/PKCS#1/SEC1 PEM), sealed with the instance key; never returned. */
  signing_key: string | null;
  created_at: number;
  updated_at: number;
}

export interface JwtTemplateTables {
  jwt_templates: JwtTemplatesTable;
}

export type JwtTemplateRow = Selectable<JwtTemplatesTable>;
export type NewJwtTemplateRow = Insertable<JwtTemplatesTable>;
export type JwtTemplateUpdate = Updateable<JwtTemplatesTable>;
