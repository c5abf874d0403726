import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-600">There is nothing at this address, or you do not have access to it.</p>
      <Link href="/" className="text-blue-700 underline">
        Back to the start page
      </Link>
    </div>
  );
}
