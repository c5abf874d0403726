/** Why the person may not see or do this: the role needed and whom to ask (from the use-case's refusal). */
export function ForbiddenNotice({ title, reason }: { title: string; reason: string }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-6">
      <h1 className="text-lg font-semibold">{title}</h1>
      <p>{reason}</p>
    </div>
  );
}
