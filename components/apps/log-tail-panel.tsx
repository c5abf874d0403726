/**
 * Where the app's logs go on its page. Log tails are not read while the page renders (one
 * request per pod to the API server, on every view); until they stream in here, the panel
 * says where to read them.
 */
export function LogTailPanel({ team, app }: { team: string; app: string }) {
  return (
    <div className="space-y-2" data-testid="log-tail-panel">
      <h3 className="font-medium">Logs</h3>
      <p className="text-xs text-slate-600">
        Read the pods&apos; logs from a terminal:{" "}
        <code className="font-mono">
          slipway logs {team}/{app} -f
        </code>
      </p>
    </div>
  );
}
