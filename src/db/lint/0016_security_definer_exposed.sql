/* An exposed function becomes a GraphQL field: a request could run it with the owner's rights. */
select 'ERROR', f.name,
       format('a security definer function GraphQL exposes is executable by %s',
              case when f.public_execute then 'PUBLIC' else f.callers end),
       format('Move %s to an internal schema, or make it security invoker; revoke execute from %s.',
              f.name, case when f.public_execute then 'public' else f.callers end)
from definer_functions f
where f.exposed and f.callers is not null
