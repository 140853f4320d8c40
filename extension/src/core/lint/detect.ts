import type { ScriptLanguage } from './types';

/** The language of a script from its name and first line; undefined when it is not a script the coach reads. */
export function detectLanguage(fileName: string, text: string): ScriptLanguage | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ps1') || lower.endsWith('.psm1')) return 'powershell';
  if (lower.endsWith('.sh') || lower.endsWith('.bash')) return 'bash';
  const first = text.slice(0, text.indexOf('\n') >>> 0).trim();
  if (/^#!\s*\S*\/(env\s+)?(ba)?sh\b/.test(first)) return 'bash';
  if (/^#!\s*\S*\/(env\s+)?pwsh\b/.test(first)) return 'powershell';
  return undefined;
}
