import { db } from "@/lib/db";

/** A user, a team named `slug` (its namespace team-`slug`) and its app `appName`, as rows only: for the release queue's tests. */
export async function teamWithApp(slug: string, appName = "web") {
  const user = await db().user.create({ data: { email: `${slug}@example.com` } });
  const team = await db().team.create({ data: { slug, name: slug, namespace: `team-${slug}` } });
  const app = await db().app.create({
    data: {
      teamId: team.id,
      name: appName,
      imageRepository: `registry.example.com/${appName}`,
      containerPort: 8080,
      replicas: 1,
      env: [],
      resources: {},
    },
  });
  return { user, team, app };
}
