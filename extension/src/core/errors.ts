/** Base of the project's typed errors: a stable `code` and a message that says what to do. */
export class LabError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    // The CLI prints the message, then the stack under TSSR_LAB_DEBUG. Bundles minify class names (`new.target.name`
    // became `Nt`), and V8's stack starts with the message again: the header names the class and the code instead.
    const frames = (this.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    this.stack = [`${this.name} [${code}]`, ...frames].join('\n');
  }
}
LabError.prototype.name = 'LabError';

/** A pack or exercise that cannot be loaded or is invalid. */
export class PackError extends LabError {}
PackError.prototype.name = 'PackError';

/** The target cannot be reached, authenticated, or lacks what the agent needs. */
export class TransportError extends LabError {}
TransportError.prototype.name = 'TransportError';

/** The agent broke the protocol, refused the request or died. */
export class AgentError extends LabError {}
AgentError.prototype.name = 'AgentError';

/** Bad command-line or settings input. */
export class UsageError extends LabError {}
UsageError.prototype.name = 'UsageError';
