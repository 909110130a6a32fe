/**
 * Sign-in limits for every gateway a test starts on the shared test
 * database. The limits are counted in the database, per client address, so
 * every test file's sign-ins from 127.0.0.1 fall into one bucket: at the
 * default 30 a minute, a gateway started with defaults refused a test's
 * sign-in (429) because other files had signed in. The throttle's own test
 * sets low limits and tells its clients apart by X-Forwarded-For.
 */
export const UNTHROTTLED_SIGN_IN = { NEXUS_LOGIN_RATE_PER_IP: "10000", NEXUS_LOGIN_RATE_PER_ACCOUNT: "10000" } as const;
