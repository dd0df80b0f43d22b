/** Per-request context the JSON needs: where Roster is reachable, for `image_url`. */
export interface SerializeContext {
  baseUrl: string;
}
