// Nothing to start. (Without this file the build picks up the repository's own instrumentation.ts, the shop's
// timers and environment checks, which this app must not run.)
export function register() {}
