/**
 * The header a browser must add to a request the refresh cookie
 * authenticates. A cross-site page cannot add a custom header without a
 * CORS preflight, which only NEXUS_CORS_ORIGINS pass, so the header proves
 * the request comes from a page the gateway trusts.
 */
export const CSRF_HEADER = "x-nexus-csrf";
