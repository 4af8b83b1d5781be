import type pg from "pg";
import { APP_ROLE } from "./pool.js";

// What both functions return and how they run (as their caller, with a pinned search_path).
const actorFunctionHead = `returns table (user_id text, user_name text, user_email text, user_language text,
                     expires_at timestamptz, firm_id uuid, firm_name text, firm_language text,
                     staff_role text)
      language plpgsql volatile
      set search_path = pg_catalog, pg_temp`;

/**
 * `session_actor(token)`: the session with that token, its account and the account's active staff
 * membership with the firm's name — what every signed-in request needs first, in one round trip
 * instead of six (ADR 0007). It runs as its caller (not SECURITY DEFINER): it sets app.user_id and
 * then app.firm_id LOCAL for the two firm tables' policies, exactly as the transaction it replaces
 * did, and puts both back before it returns so a caller's scope is never changed.
 */
export async function createSessionActorFunction(client: pg.PoolClient | pg.Client): Promise<void> {
  await client.query(`
    create or replace function public.session_actor(session_token text)
      ${actorFunctionHead}
    as $fn$
    #variable_conflict use_column
    declare
      previous_user text := coalesce(current_setting('app.user_id', true), '');
      previous_firm text := coalesce(current_setting('app.firm_id', true), '');
      s record;
      member_firm uuid;
      member_role text;
      member_active boolean;
      the_firm_name text;
      the_firm_language text;
    begin
      select se.user_id, se.expires_at, u.name, u.email, u.language into s
        from public.sessions se join public.users u on u.id = se.user_id
       where se.token = session_token;
      if not found then
        return;
      end if;
      perform set_config('app.user_id', s.user_id, true);
      -- An account may be staff at several firms: an active membership wins, then the oldest.
      select sm.firm_id, sm.role, sm.active into member_firm, member_role, member_active
        from public.staff_members sm
       where sm.user_id = s.user_id
       order by sm.active desc, sm.created_at asc
       limit 1;
      if member_active then
        perform set_config('app.firm_id', member_firm::text, true);
        select fi.name, fi.default_language into the_firm_name, the_firm_language
          from public.firms fi where fi.firm_id = member_firm;
      end if;
      perform set_config('app.user_id', previous_user, true);
      perform set_config('app.firm_id', previous_firm, true);
      return query select s.user_id, s.name, s.email, s.language, s.expires_at,
        case when the_firm_name is null then null else member_firm end, the_firm_name, the_firm_language,
        case when the_firm_name is null then null else member_role end;
    end
    $fn$`);
  await client.query("revoke all on function public.session_actor(text) from public");
  await client.query(`grant execute on function public.session_actor(text) to ${APP_ROLE}`);

  // The same, for a request that works in one firm (the portal's reads): sent together with BEGIN, it
  // leaves the transaction scoped to that firm and the session's account, so the request's first
  // round trip both identifies it and opens its transaction.
  await client.query(`
    create or replace function public.session_actor_in_firm(session_token text, firm text)
      ${actorFunctionHead}
    as $fn$
    #variable_conflict use_column
    declare
      r record;
    begin
      for r in select * from public.session_actor(session_token) loop
        perform set_config('app.user_id', r.user_id, true);
        perform set_config('app.firm_id', firm, true);
        user_id := r.user_id;
        user_name := r.user_name;
        user_email := r.user_email;
        user_language := r.user_language;
        expires_at := r.expires_at;
        firm_id := r.firm_id;
        firm_name := r.firm_name;
        firm_language := r.firm_language;
        staff_role := r.staff_role;
        return next;
      end loop;
    end
    $fn$`);
  await client.query("revoke all on function public.session_actor_in_firm(text, text) from public");
  await client.query(`grant execute on function public.session_actor_in_firm(text, text) to ${APP_ROLE}`);
}
