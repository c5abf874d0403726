/** Downloads the app's spec file; a plain link, so nothing prefetches the route. */
export function ExportSpecLink({ team, app }: { team: string; app: string }) {
  return (
    <a
      href={`/api/v1/teams/${encodeURIComponent(team)}/apps/${encodeURIComponent(app)}/spec`}
      download
      className="text-sm text-blue-700 underline hover:text-blue-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      Export spec (YAML)
    </a>
  );
}
