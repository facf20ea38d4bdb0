export function contentSecurityPolicy(scripts: { nonce: string } | { hashes: string[] }, dev: boolean, https: boolean): string;
export function basePolicy(https: boolean): string;
export function isFrameworkScript(body: string): boolean;
export function frameworkScriptHashes(html: string): string[];
