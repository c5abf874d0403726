/** The development IdP's pages: pick a demo user with one click (a form of submit buttons, so keyboard users get it for free). */
import type { DevUser } from "../../lib/auth/dev-users";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;margin:0;padding:3rem 1rem}
main{max-width:28rem;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 .5rem}p{color:#475569}
ul{list-style:none;padding:0;margin:1rem 0;display:grid;gap:.5rem}
button{width:100%;text-align:left;font:inherit;padding:.75rem 1rem;border:1px solid #cbd5e1;border-radius:.375rem;background:#fff;cursor:pointer}
button:hover{background:#f1f5f9}button:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.role{display:block;color:#64748b;font-size:.875rem}
.error{color:#b91c1c}
.cancel{text-align:center;color:#475569}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export function renderLoginPage(options: { uid: string; users: readonly DevUser[]; error?: string }): string {
  const action = `/interaction/${encodeURIComponent(options.uid)}`;
  const buttons = options.users
    .map(
      (user) => `<li><button type="submit" name="subject" value="${escapeHtml(user.subject)}">
<strong>${escapeHtml(user.name)}</strong> &lt;${escapeHtml(user.email)}&gt;
<span class="role">${escapeHtml(user.role)}</span></button></li>`,
    )
    .join("\n");
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : "";
  return page(
    "Sign in: Slipway development IdP",
    `<h1>Slipway development IdP</h1>
<p>For local use only: choose whom to sign in as. No password is needed.</p>
${error}
<form method="post" action="${action}/login" aria-label="Demo users"><ul>
${buttons}
</ul></form>
<form method="post" action="${action}/abort"><button type="submit" class="cancel">Cancel</button></form>`,
  );
}

export function renderMessagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`);
}
