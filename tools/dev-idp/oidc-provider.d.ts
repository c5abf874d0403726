// The part of oidc-provider's API that the development IdP uses (the package ships no types).
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type OidcContext = {
    oidc: {
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { login?: unknown; consent?: { grantId?: string } };
      provider: Provider;
    };
  };

  export type Account = {
    accountId: string;
    claims(): Record<string, unknown> | Promise<Record<string, unknown>>;
  };

  export type InteractionDetails = { uid: string; prompt: { name: string; reasons: string[] } };

  export class Grant {
    constructor(properties: { clientId: string; accountId?: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  export namespace interactionPolicy {
    class Check {
      constructor(reason: string, description: string, error: string, check: (ctx: OidcContext) => boolean);
    }
    type Prompt = { name: string; checks: Check[] };
    function base(): Prompt[] & { get(name: string): Prompt | undefined };
  }

  export default Provider;
}
