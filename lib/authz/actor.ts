/** Who is asking: a signed-in person (session) or a person's API token. */
export type Actor = {
  id: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
  via: "session" | "token" | "cli";
};

export type RequestInfo = { id?: string; ip?: string };
