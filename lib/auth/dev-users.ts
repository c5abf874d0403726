/**
 * The demo people of the bundled development IdP. The seed creates them as pending
 * users and the sign-in page lists them, so people know whom to pick. `role` only
 * describes them: memberships come from the seed, the admin flag from
 * SLIPWAY_ADMIN_EMAILS.
 */
export type DevUser = {
  /** The OIDC `sub`: stable, so the same person maps to the same Slipway user across restarts. */
  subject: string;
  email: string;
  name: string;
  role: string;
};

export const devUsers: readonly DevUser[] = [
  { subject: "dev-admin", email: "admin@slipway.test", name: "Ada Admin", role: "Platform admin" },
  { subject: "dev-lead", email: "lead@slipway.test", name: "Lee Lead", role: "Team lead" },
  { subject: "dev-deployer", email: "deployer@slipway.test", name: "Dee Deployer", role: "Deployer" },
  { subject: "dev-viewer", email: "viewer@slipway.test", name: "Vic Viewer", role: "Viewer" },
  { subject: "dev-other", email: "other@slipway.test", name: "Otto Other", role: "Member of another team" },
  { subject: "dev-newbie", email: "newbie@slipway.test", name: "Nia New", role: "No team yet" },
  { subject: "dev-rae", email: "rae@slipway.test", name: "Rae Requester", role: "No team yet; asks for access" },
];

export function findDevUser(subject: string): DevUser | undefined {
  return devUsers.find((user) => user.subject === subject);
}
