"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">Something went wrong</h1>
      <p className="text-red-800">The page could not be loaded. It has been logged{error.digest ? ` (reference ${error.digest})` : ""}.</p>
      <button
        type="button"
        onClick={reset}
        className="rounded bg-red-700 px-3 py-1.5 text-white hover:bg-red-800 focus-visible:outline focus-visible:outline-2"
      >
        Try again
      </button>
    </div>
  );
}
