// npm run db:seed: demo data for `npm run demo`. Idempotent: upserts by natural keys.
import { db } from "@/lib/db";
import { adminConfigFromEnv, isPlatformAdmin } from "@/lib/auth/platform-admin";
import { devUsers } from "@/lib/auth/dev-users";
import { provisionTeamNamespace } from "@/lib/teams/provision-team-namespace";

async function main() {
  const prisma = db();
  // The dev IdP's people, pending until they first sign in (which sets issuer and subject).
  // Admins come from SLIPWAY_ADMIN_EMAILS, as at sign-in.
  const admins = adminConfigFromEnv();
  const people = devUsers.map(({ email, name }) => ({ email, name, isPlatformAdmin: isPlatformAdmin({ email }, admins) }));
  for (const person of people) {
    await prisma.user.upsert({ where: { email: person.email }, update: {}, create: person });
  }
  const teams = [
    { slug: "payments", name: "Payments", namespace: "team-payments" },
    { slug: "search", name: "Search", namespace: "team-search" },
  ];
  for (const team of teams) {
    await prisma.team.upsert({ where: { slug: team.slug }, update: {}, create: team });
  }
  const memberships = [
    { team: "payments", email: "lead@slipway.test", role: "LEAD" },
    { team: "payments", email: "deployer@slipway.test", role: "DEPLOYER" },
    { team: "payments", email: "viewer@slipway.test", role: "VIEWER" },
    { team: "search", email: "other@slipway.test", role: "LEAD" },
  ] as const;
  for (const { team, email, role } of memberships) {
    const [teamRow, user] = await Promise.all([
      prisma.team.findUniqueOrThrow({ where: { slug: team } }),
      prisma.user.findUniqueOrThrow({ where: { email } }),
    ]);
    await prisma.membership.upsert({
      where: { teamId_userId: { teamId: teamRow.id, userId: user.id } },
      update: {},
      create: { teamId: teamRow.id, userId: user.id, role },
    });
  }
  const apps = [
    {
      team: "payments",
      name: "api",
      imageRepository: "registry.example.com/payments/api",
      containerPort: 8080,
      replicas: 2,
      healthCheckPath: "/healthz",
    },
    { team: "search", name: "indexer", imageRepository: "registry.example.com/search/indexer", containerPort: 9000, replicas: 1 },
  ];
  for (const { team, ...app } of apps) {
    const teamRow = await prisma.team.findUniqueOrThrow({ where: { slug: team } });
    await prisma.app.upsert({
      where: { teamId_name: { teamId: teamRow.id, name: app.name } },
      update: {},
      create: {
        ...app,
        teamId: teamRow.id,
        env: [{ name: "LOG_LEVEL", value: "info" }],
        resources: { requests: { cpu: "100m", memory: "64Mi" } },
      },
    });
  }
  // Namespaces in the cluster, when there is one (the local control plane in the demo).
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@slipway.test" } });
  for (const team of await prisma.team.findMany({ where: { slug: { in: teams.map((t) => t.slug) } } })) {
    const outcome = await provisionTeamNamespace({ actor: { ...admin, via: "cli" }, request: { id: "seed" }, team });
    console.log(`team ${team.slug}: namespace ${outcome.status}${"error" in outcome ? `: ${outcome.error}` : ""}`);
  }
  console.log(`seeded ${people.length} users, ${teams.length} teams, ${memberships.length} memberships`);
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
