import type { FormAction } from "@/lib/adapters/form-action";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { SetSecretForm } from "./set-secret-form";

type SecretRow = { name: string; version: number; setBy: { email: string; name: string | null } | null; setAt: Date };

/**
 * The app's secrets: names, versions, who set each and when. Values are write-only, so
 * there is nothing to show; people who may change secrets get the set form and a remove
 * button per secret (behind a confirmation), everyone else the list.
 */
export function SecretsPanel(props: {
  app: string;
  secrets: SecretRow[];
  set?: FormAction;
  unset?: (name: string) => FormAction;
  deniedNote?: string;
}) {
  const { secrets } = props;
  return (
    <div className="space-y-3">
      {secrets.length === 0 ? (
        <p className="text-sm text-slate-600">No secrets yet.</p>
      ) : (
        <ScrollRegion label="Secrets table">
          <DataTable
            dense
            caption={`Secrets of ${props.app}`}
            columns={["Name", "Version", "Set by", "When", ...(props.unset ? [{ label: "Actions", hidden: true }] : [])]}
          >
            {secrets.map((secret) => (
              <tr key={secret.name} className="border-t border-slate-100" data-testid={`secret-${secret.name}`}>
                <td className="px-3 py-2 font-mono text-xs">{secret.name}</td>
                <td className="px-3 py-2">v{secret.version}</td>
                <td className="px-3 py-2">{secret.setBy?.name ?? secret.setBy?.email ?? "—"}</td>
                <td className="px-3 py-2">
                  <time dateTime={secret.setAt.toISOString()}>{secret.setAt.toISOString().slice(0, 19).replace("T", " ")}</time>
                </td>
                {props.unset && (
                  <td className="px-3 py-2 text-right">
                    <ConfirmForm
                      action={props.unset(secret.name)}
                      trigger={`Remove ${secret.name}`}
                      title={`Remove the secret ${secret.name}?`}
                      description="The value is deleted from the cluster and cannot be shown or restored. A deployed app rolls out without it."
                      confirmLabel="Remove"
                    />
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        </ScrollRegion>
      )}
      {props.set ? (
        <SetSecretForm action={props.set} names={secrets.map((s) => s.name)} />
      ) : (
        props.deniedNote && (
          <p data-testid="secrets-denied" className="text-sm text-slate-600">
            {props.deniedNote}
          </p>
        )
      )}
    </div>
  );
}
