/** Every kind of event the audit log can hold. Add here first; the column is free text. */
export const AUDIT_ACTIONS = [
  "team.create",
  "team.provision",
  "membership.grant",
  "membership.change",
  "membership.revoke",
  "app.create",
  "app.update",
  "app.archive",
  "app.restart",
  "app.scale",
  "deploy.request",
  "deploy.succeeded",
  "deploy.failed",
  "token.create",
  "token.revoke",
  "kubeconfig.issue",
  "kubeconfig.revoke",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
