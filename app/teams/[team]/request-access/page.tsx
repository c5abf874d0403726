import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestAccessForm } from "@/components/access/request-access-form";
import { pageCall } from "@/lib/adapters/page-call";
import { getAccessSettings } from "@/lib/access/get-access-settings";
import { requestAccessAction } from "../access-actions";

export const metadata: Metadata = { title: "Request access" };

const ROLES = ["VIEWER", "DEPLOYER", "LEAD"];

export default async function RequestAccessPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ role?: string }>;
}) {
  const { team } = await params;
  const wanted = (await searchParams).role?.toUpperCase();
  const { output } = await pageCall(getAccessSettings, { team });
  if (!output) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Request access to {output.name}</h1>
      <p className="text-sm text-slate-600">
        {output.leads.length > 0
          ? `Your request goes to its leads: ${output.leads.join(", ")}. They may grant a lower role or a shorter time.`
          : `${output.name} has no lead yet; a platform admin can answer your request.`}{" "}
        A request nobody answers expires after 3 days.
      </p>
      <RequestAccessForm
        action={requestAccessAction.bind(null, { team: output.team })}
        teamName={output.name}
        maxHours={output.accessMaxHours}
        defaultRole={wanted && ROLES.includes(wanted) ? wanted : undefined}
      />
    </div>
  );
}
