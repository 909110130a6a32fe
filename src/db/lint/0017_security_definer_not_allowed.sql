/*
 * Outside the exposed schemas the request roles may execute only the
 * reviewed helpers of REQUEST_ROLE_HELPERS in src/db/lint.ts: each entry is
 * a decision that policies may run that function with its owner's rights.
 */
select 'WARN', f.name,
       format('a security definer function outside the reviewed helpers is executable by %s',
              case when f.public_execute then 'PUBLIC' else f.callers end),
       format('Revoke execute on %s from %s, or add it to REQUEST_ROLE_HELPERS in src/db/lint.ts once reviewed.',
              f.name, case when f.public_execute then 'public' else f.callers end)
from definer_functions f
where not f.exposed and not f.allowed and f.callers is not null
