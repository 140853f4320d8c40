/** Base of the project's typed errors: a stable `code` and a message that says what to do. */
export class LabError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A pack or exercise that cannot be loaded or is invalid. */
export class PackError extends LabError {}

/** The target cannot be reached, authenticated, or lacks what the agent needs. */
export class TransportError extends LabError {}

/** The agent broke the protocol, refused the request or died. */
export class AgentError extends LabError {}

/** Bad command-line or settings input. */
export class UsageError extends LabError {}
