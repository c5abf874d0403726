/**
 * The `slipway` command line: the same tools as the UI, over the same /api/v1 with a
 * personal token (lib/adapters/openapi.ts describes it; ./generated/api.ts is typed
 * from it). runCli takes its input and output as arguments, so tests run commands in
 * process against a real Slipway; ./bin.ts wires it to the terminal.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./api";
import { completionScript } from "./completion";
import { Context, type Command, type Flags, type Io } from "./context";
import { accessApprove, accessDeny, accessList, accessRequest } from "./commands/access";
import { adminCreateToken } from "./commands/admin";
import { apps, diff, releases, restart, scale, status } from "./commands/apps";
import { logs } from "./commands/logs";
import { deploy, rollback } from "./commands/deploy";
import { approve, promote } from "./commands/promote";
import { kubeconfig, kubeToken } from "./commands/kube";
import { login, logout, whoami } from "./commands/session";
import { secretsList, secretsSet, secretsUnset } from "./commands/secrets";
import { specApply, specExport } from "./commands/spec";
import { activity, grant, members, revoke } from "./commands/team";

const completion: Command = {
  usage: "completion bash|zsh",
  summary: 'Shell completion: eval "$(slipway completion bash)"',
  async run(ctx) {
    try {
      ctx.io.stdout(completionScript(ctx.arg(0, "bash or zsh"), COMMANDS));
    } catch (error) {
      throw new CliError((error as Error).message, 2);
    }
  },
};

export const COMMANDS: Record<string, Command> = {
  login,
  logout,
  whoami,
  apps,
  status,
  deploy,
  releases,
  rollback,
  diff,
  logs,
  scale,
  restart,
  "spec export": specExport,
  "spec apply": specApply,
  "secrets list": secretsList,
  "secrets set": secretsSet,
  "secrets unset": secretsUnset,
  activity,
  members,
  grant,
  revoke,
  "access request": accessRequest,
  "access list": accessList,
  "access approve": accessApprove,
  "access deny": accessDeny,
  kubeconfig,
  "kube-token": kubeToken,
  "admin create-token": adminCreateToken,
  promote,
  approve,
  completion,
};

const GLOBAL_OPTIONS: ParseArgsConfig["options"] = {
  json: { type: "boolean" },
  server: { type: "string" },
  team: { type: "string", short: "t" },
  env: { type: "string", short: "e" },
  help: { type: "boolean", short: "h" },
};

function help(): string {
  const width = Math.max(...Object.values(COMMANDS).map((command) => command.usage.length));
  const lines = Object.values(COMMANDS).map((command) => `  slipway ${command.usage.padEnd(width)}  ${command.summary}`);
  return `slipway: Slipway from the terminal, with your permissions.\n\n${lines.join("\n")}\n\nEvery command takes --json (for scripts), --server URL, --team TEAM and --env ENVIRONMENT (default: the team's first environment). APP is team/app, or app with --team or the default team.\n`;
}

/** Runs one command line; the exit code: 0 done, 1 refused or failed, 2 misused. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [first, second] = argv;
  const name = first && second && COMMANDS[`${first} ${second}`] ? `${first} ${second}` : first;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    if (first && !["help", "--help", "-h"].includes(first)) io.stderr(`slipway: unknown command ${first}\n\n`);
    io[first ? "stdout" : "stderr"](help());
    return first && ["help", "--help", "-h"].includes(first) ? 0 : 2;
  }
  const rest = argv.slice(name!.split(" ").length);
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(`usage: slipway ${command.usage}\n${command.summary}\n`);
      return 0;
    }
    const ctx = await Context.create(io, values as Flags, positionals);
    return (await command.run(ctx)) ?? 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`slipway: ${error.message}\n`);
      if (error.exitCode === 2) io.stderr(`usage: slipway ${command.usage}\n`);
      return error.exitCode;
    }
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`slipway: ${(error as Error).message}\nusage: slipway ${command.usage}\n`);
      return 2;
    }
    io.stderr(`slipway: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
