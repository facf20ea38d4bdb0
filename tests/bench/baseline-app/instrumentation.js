// Nothing to start. (Without this file the build picks up the repository's own instrumentation.ts, the shop's
// timers and environment checks, which the bare page must not run.)
export function register() {}
