/** What a browser asks for when it starts OAuth (`strategy: oauth_x` with clerk-js's redirect URLs). */
export interface OAuthStartRequest {
  strategy: string;
  /** Where the browser lands after the provider (an allowed origin, checked by the route). */
  redirectUrl: string;
  actionCompleteRedirectUrl: string | null;
  /** The Frontend API's `/v1/oauth_callback`, as registered at the provider. */
  callbackUrl: string;
  loginHint?: string | undefined;
  prompt?: string | undefined;
  additionalScopes?: readonly string[] | undefined;
}
