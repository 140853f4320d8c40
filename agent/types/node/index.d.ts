// The `node` type library for the agent is Node 18's (the @types/node18 alias): every `/// <reference types="node" />`,
// including undici-types', resolves here first, so the client's newer @types/node never joins the agent's check.
/// <reference path="../../../node_modules/@types/node18/index.d.ts" />
