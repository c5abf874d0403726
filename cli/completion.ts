/** `slipway completion bash|zsh`: completes command names, subcommands and flags. */
import type { Command } from "./context";

export function completionScript(shell: string, commands: Record<string, Command>): string {
  const top = [...new Set(Object.keys(commands).map((name) => name.split(" ")[0]!))].sort();
  const subs = Object.keys(commands)
    .filter((name) => name.includes(" "))
    .reduce<Record<string, string[]>>((acc, name) => {
      const [group, sub] = name.split(" ") as [string, string];
      (acc[group] ??= []).push(sub);
      return acc;
    }, {});
  const flags = (name: string) =>
    ["--json", "--server", "--team", "--help", ...Object.keys(commands[name]?.options ?? {}).map((option) => `--${option}`)].join(" ");
  if (shell === "bash") {
    const cases = Object.keys(commands)
      .map((name) => `    "${name}") words="${flags(name)}" ;;`)
      .join("\n");
    const groups = Object.entries(subs)
      .map(([group, list]) => `    ${group}) COMPREPLY=($(compgen -W "${list.join(" ")}" -- "$cur")); return ;;`)
      .join("\n");
    return `# bash completion for slipway: eval "$(slipway completion bash)", e.g. in ~/.bashrc
_slipway() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words=""
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=($(compgen -W "${top.join(" ")}" -- "$cur")); return; fi
  if [ "$COMP_CWORD" -eq 2 ]; then
    case "\${COMP_WORDS[1]}" in
${groups}
    esac
  fi
  local command="\${COMP_WORDS[1]}"
  case "\${COMP_WORDS[1]} \${COMP_WORDS[2]}" in
${Object.keys(subs)
  .flatMap((group) => subs[group]!.map((sub) => `    "${group} ${sub}") command="${group} ${sub}" ;;`))
  .join("\n")}
  esac
  case "$command" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$words" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -F _slipway slipway
`;
  }
  if (shell === "zsh") {
    const describe = (name: string) => `'${name.split(" ")[0]}:${commands[name]!.summary.replace(/'/g, "'\\''").replace(/:/g, "\\:")}'`;
    const firsts = top.map((group) => describe(Object.keys(commands).find((name) => name.split(" ")[0] === group)!));
    return `#compdef slipway
# zsh completion for slipway: eval "$(slipway completion zsh)", e.g. in ~/.zshrc (after compinit)
_slipway() {
  local -a commands
  commands=(${firsts.join(" ")})
  if (( CURRENT == 2 )); then _describe 'command' commands; return; fi
  case "$words[2]" in
${Object.entries(subs)
  .map(([group, list]) => `    ${group}) if (( CURRENT == 3 )); then compadd ${list.join(" ")}; return; fi ;;`)
  .join("\n")}
  esac
  local key="$words[2]"
  [[ -n "$words[3]" && "$words[3]" != -* ]] && [[ " ${Object.keys(subs).join(" ")} " == *" $words[2] "* ]] && key="$words[2] $words[3]"
  case "$key" in
${Object.keys(commands)
  .map((name) => `    "${name}") compadd -- ${flags(name)} ;;`)
  .join("\n")}
  esac
  _files
}
compdef _slipway slipway
`;
  }
  throw new Error("usage: slipway completion bash|zsh");
}
