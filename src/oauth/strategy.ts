/** A provider as Clerk spells its strategy: `google` and `oauth_google` are both `oauth_google`. */
export function toStrategy(provider: string): string {
  return provider.startsWith('oauth_') ? provider : `oauth_${provider}`;
}
