import type { Metadata } from "next";
import { CheckClusterForm } from "@/components/clusters/check-cluster-form";
import { RegisterClusterForm } from "@/components/clusters/register-cluster-form";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { pageCall } from "@/lib/adapters/page-call";
import { listClusters } from "@/lib/clusters/list-clusters";
import { checkClusterAction, registerClusterAction } from "./cluster-actions";

export const metadata: Metadata = { title: "Clusters" };

export default async function AdminClustersPage() {
  const { output, forbidden } = await pageCall(listClusters);
  if (!output) return <ForbiddenNotice title="Clusters" reason={forbidden} />;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Clusters</h1>
        <p className="text-slate-600">
          Where teams&apos; environments run. The default cluster is Slipway&apos;s own configuration; others are registered here with
          Slipway&apos;s credential for them, which is stored encrypted and never shown again.
        </p>
      </div>
      <ScrollRegion label="Clusters table">
        <DataTable columns={["Name", "API server", "Registered", "Check"]}>
          {output.clusters.map((cluster) => (
            <tr key={cluster.name} className="border-t border-slate-100 align-top" data-testid={`cluster-${cluster.name}`}>
              <td className="px-4 py-2 font-medium">
                {cluster.name}
                {cluster.builtIn && <span className="ml-2 text-xs text-slate-500">(built in)</span>}
              </td>
              <td className="px-4 py-2 font-mono text-xs break-all">{cluster.server}</td>
              <td className="px-4 py-2">
                {cluster.createdAt ? cluster.createdAt.toISOString().slice(0, 16).replace("T", " ") : "configuration"}
              </td>
              <td className="px-4 py-2">
                <CheckClusterForm action={checkClusterAction.bind(null, { cluster: cluster.name })} cluster={cluster.name} />
              </td>
            </tr>
          ))}
        </DataTable>
      </ScrollRegion>
      <RegisterClusterForm action={registerClusterAction.bind(null, {})} />
    </div>
  );
}
