/** What every command gets: its flags and arguments, output, the config, and the API client. */
import type { ParseArgsConfig } from "node:util";
import { createApi, CliError, type Api } from "./api";
import { configDir, loadConfig, normalizeServer, type CliConfig, type ServerEntry } from "./config";

export type Io = {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
  /** Opens the approval page of `slipway login`; absent where there is no browser. */
  openBrowser?(url: string): void;
  /** Progress bars redraw in place on a terminal, and print a line per change elsewhere. */
  interactive?: boolean;
  /** Reads a file, "-" meaning standard input. */
  readFile(file: string): Promise<string>;
  /** Stops a command that follows (logs -f) cleanly, for a program that embeds runCli; the terminal's Ctrl-C just ends the process. */
  signal?: AbortSignal;
};

export type Flags = Record<string, string | boolean | undefined>;

export type Command = {
  usage: string;
  summary: string;
  options?: ParseArgsConfig["options"];
  run(ctx: Context): Promise<number | void>;
};

export class Context {
  readonly dir: string;
  constructor(
    readonly io: Io,
    readonly flags: Flags,
    readonly args: string[],
    readonly config: CliConfig,
  ) {
    this.dir = configDir(io.env);
  }

  static async create(io: Io, flags: Flags, args: string[]) {
    return new Context(io, flags, args, await loadConfig(configDir(io.env)));
  }

  get json(): boolean {
    return this.flags.json === true;
  }

  /** `{ environment }` from --env, for a request's body or query; empty without it (the team's default environment). */
  environment(): { environment?: string } {
    const environment = this.flag("env");
    return environment ? { environment } : {};
  }

  flag(name: string): string | undefined {
    const value = this.flags[name];
    return typeof value === "string" ? value : undefined;
  }

  arg(index: number, name: string): string {
    const value = this.args[index];
    if (value === undefined) throw new CliError(`missing ${name}`, 2);
    return value;
  }

  /** --server, else $SLIPWAY_SERVER, else the server of the last login. */
  server(): string {
    const server = this.flag("server") ?? this.io.env.SLIPWAY_SERVER ?? this.config.current;
    if (!server) throw new CliError("Not logged in. Run: slipway login --server https://slipway.example.com");
    return normalizeServer(server);
  }

  entry(): ServerEntry | undefined {
    return this.config.servers[this.server()];
  }

  /** $SLIPWAY_TOKEN (CI), else the token stored by `slipway login` for this server. */
  token(): string {
    const token = this.io.env.SLIPWAY_TOKEN ?? this.entry()?.token;
    if (!token) throw new CliError(`Not logged in to ${this.server()}. Run: slipway login --server ${this.server()}`);
    return token;
  }

  api(): Api {
    return createApi({ server: this.server(), token: this.token(), fetch: this.io.fetch });
  }

  /** --team, else $SLIPWAY_TEAM, else the default team saved at login. */
  team(): string {
    const team = this.flag("team") ?? this.io.env.SLIPWAY_TEAM ?? this.entry()?.team;
    if (!team) throw new CliError("Which team? Pass --team TEAM, write APP as TEAM/APP, or set a default: slipway login --team TEAM", 2);
    return team;
  }

  /** APP as `team/app`, or `app` in the team of team(). */
  app(index = 0): { team: string; app: string } {
    const ref = this.arg(index, "APP (team/app, or app with --team)");
    const [team, app, extra] = ref.split("/");
    if (extra !== undefined || app === "") throw new CliError(`APP must be team/app or app, not ${ref}`, 2);
    return app === undefined ? { team: this.team(), app: team! } : { team: team!, app };
  }

  out(human: string, data: unknown) {
    this.io.stdout(this.json ? `${JSON.stringify(data, null, 2)}\n` : human.endsWith("\n") || human === "" ? human : `${human}\n`);
  }
}

/** Columns padded to their widest cell. */
export function table(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [header, ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "-" : String(cell))))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return (
    cells
      .map((row) =>
        row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

export const when = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace("T", " ") : "-");
