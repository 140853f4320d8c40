// The progress events and their wording live in core (create-transport words them); re-exported for the transport.
export { progressText, type SshProgress } from '../core/ssh-options';
