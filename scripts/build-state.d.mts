export const ROOT: string;
export const STAMP: string;
export const WEB_INDEX: string;
export function newestSource(part: 'server' | 'all'): number;
export function buildIsFresh(options?: { web?: boolean }): boolean;
