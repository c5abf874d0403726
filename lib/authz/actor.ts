/** Who is asking: a signed-in person (session cookie), a person's API token, or the admin CLI. */
export type Actor = {
  id: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
  via: "session" | "token" | "cli";
  /** The API token the request came with (via "token"): a token made with it is bound to it. */
  tokenId?: string;
};

/** The request id (on every log line and audit event) and the client's address. */
export type RequestInfo = { id?: string; ip?: string };
