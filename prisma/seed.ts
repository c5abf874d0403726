// npm run db:seed: demo data for `npm run demo`. Idempotent: upserts by natural keys.
import { db } from "@/lib/db";

async function main() {
  const prisma = db();
  const people = [
    { email: "admin@slipway.test", name: "Ada Admin", isPlatformAdmin: true },
    { email: "lead@slipway.test", name: "Lee Lead" },
    { email: "deployer@slipway.test", name: "Dee Deployer" },
    { email: "viewer@slipway.test", name: "Vic Viewer" },
    { email: "other@slipway.test", name: "Otto Other" },
  ];
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
  console.log(`seeded ${people.length} users and ${teams.length} teams`);
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
