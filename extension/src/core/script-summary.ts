/** What a lifecycle script says it does and what it touches, shown before it runs on a learner's machine. */
export interface ScriptSummary {
  /** The script's own comments, in order: its author's account of each step (shebang and Usage/Auteur/Date left out). */
  comments: string[];
  /** Lines that run something (neither blank nor a comment; heredoc bodies count with their command). */
  commandLines: number;
  /** Absolute paths under the usual system folders that the script names, first mention first. */
  paths: string[];
  /** `systemctl VERB UNIT…` steps, e.g. `restart rsyslog`. */
  services: string[];
}

const HEADER_FIELD = /^(Usage|Auteur|Author|Date)\s*:/i;
const PATH = /(?:^|[\s'"=(])(\/(?:etc|var|srv|home|opt|usr|run|root|tmp)\/[^\s'"`;|&)<>]*)/g;
const TEST = /\[\[?\s+!?\s*-[a-zA-Z]\s+\S+\s*\]\]?/g;
const SYSTEMCTL = /\bsystemctl\s+((?:-[-\w=]+\s+)*)(\w[\w-]*)((?:\s+[\w@.:-]+)+)/g;

/** Reads a bash script as text (never runs it): comments outside heredocs, command lines, named paths and services. */
export function summariseScript(text: string): ScriptSummary {
  const out: ScriptSummary = { comments: [], commandLines: 0, paths: [], services: [] };
  let heredoc: string | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (heredoc !== undefined) {
      if (line === heredoc) heredoc = undefined;
      return;
    }
    if (line === '') return;
    if (line.startsWith('#')) {
      const body = line.replace(/^#+\s?/, '').trim();
      if ((i === 0 && line.startsWith('#!')) || body === '' || HEADER_FIELD.test(body)) return;
      out.comments.push(body.replace(/^Description\s*:\s*/i, ''));
      return;
    }
    out.commandLines++;
    heredoc = /<<-?\s*['"]?([A-Za-z_][\w]*)['"]?/.exec(line)?.[1];
    // A path only tested (`[ -d /run/systemd/system ]`) is not one the script changes.
    for (const m of line.replace(TEST, ' ').matchAll(PATH)) if (!out.paths.includes(m[1])) out.paths.push(m[1]);
    for (const m of line.matchAll(SYSTEMCTL)) {
      const step = `${m[2]}${m[3].replace(/\s+/g, ' ')}`.replace(/\s+(\|\||&&).*$/, '');
      if (!['is-active', 'is-enabled', 'status', 'cat', 'show', 'list-units'].includes(m[2]) && !out.services.includes(step)) out.services.push(step);
    }
  });
  return out;
}
