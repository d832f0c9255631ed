// A consumer's first calls, typed by the client openapi-typescript generates from the live document (schema.d.ts,
// beside this file at test time). ApiDocsToolsIT compiles it with tsc --strict: a renamed field, a changed type or an
// operation that stops naming its component fails the build here, as it would in a consumer's.
import type { components, paths } from "./schema";

type Schemas = components["schemas"];
type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
/**
 * True only when A and B are the same type: an operation's answer must be the named component, not a copy, also where
 * the answer itself is a shared one of components.responses (401, 404, 429).
 */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const sameAnswer: [
    Same<Json<paths["/v1/auth/login"]["post"]["responses"][200]>, Schemas["LoginResponse"]>,
    Same<Json<paths["/v1/users"]["get"]["responses"][200]>, Schemas["UserView"][]>,
    Same<paths["/v1/users/{id}"]["get"]["responses"][404]["content"]["application/problem+json"], Schemas["ProblemDocument"]>,
    Same<paths["/v1/users"]["get"]["responses"][401]["content"]["application/problem+json"], Schemas["ProblemDocument"]>,
    Same<paths["/v1/auth/refresh"]["post"]["responses"][429]["content"]["application/problem+json"], Schemas["ProblemDocument"]>,
] = [true, true, true, true, true];

type Credentials = Json<NonNullable<paths["/v1/auth/login"]["post"]["requestBody"]>>;

export async function login(base: string, credentials: Credentials): Promise<Schemas["LoginResponse"]> {
    const answer = await fetch(`${base}/v1/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(credentials),
    });
    if (!answer.ok) {
        const problem = (await answer.json()) as Schemas["ProblemDocument"];
        throw new Error(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
    }
    return (await answer.json()) as Schemas["LoginResponse"];
}

export async function users(base: string, token: Schemas["LoginResponse"]["access_token"]): Promise<Schemas["UserView"][]> {
    const answer = await fetch(`${base}/v1/users`, { headers: { Authorization: `Bearer ${token}` } });
    return (await answer.json()) as Schemas["UserView"][];
}

export async function lastFailedLogin(base: string, token: string): Promise<Schemas["AuditEventView"] | undefined> {
    const answer = await fetch(`${base}/v1/audit-events?type=login_failed&limit=1`, { headers: { Authorization: `Bearer ${token}` } });
    const page = (await answer.json()) as Schemas["AuditEventsPage"];
    const event = page.events[0];
    const when: string | undefined = event?.occurred_at;
    const id: number | undefined = event?.id;
    return when === undefined || id === undefined ? undefined : event;
}

export async function firstAdministrator(base: string): Promise<string> {
    const session = await login(base, { username: "admin", password: "admin123" });
    const seconds: number = session.expires_in;
    const administrator: boolean = session.user.is_admin;
    const joined: string = session.user.created_at;
    const everyone = await users(base, session.access_token);
    const admin = everyone.find((user) => user.is_admin && user.is_active);
    const since: string = admin?.created_at ?? "";
    const lastLogin: string | undefined = admin?.last_login_at;
    // @ts-expect-error a user never carries a password: were the schema `any`, this line would compile and tsc fail.
    const password: string = session.user.password;
    const failed = await lastFailedLogin(base, session.access_token);
    return `${admin?.username} (id ${admin?.id}, since ${since}, last login ${lastLogin}), token for ${seconds} s `
        + `${administrator} ${joined} ${failed?.occurred_at} ${sameAnswer} ${password}`;
}
