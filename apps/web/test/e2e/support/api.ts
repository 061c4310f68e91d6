// Direct API calls for test set-up (the flows themselves go through the browser).
export async function apiLogin(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function apiCall<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function findProblemId(baseUrl: string, title: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/problems?q=${encodeURIComponent(title)}`);
  const body = (await res.json()) as { items: { id: number; title: string }[] };
  const found = body.items.find((p) => p.title === title);
  if (!found) throw new Error(`no problem titled ${title}`);
  return found.id;
}

export const ADMIN = { email: 'admin@logicode.local', password: 'admin-demo-pass' };
export const TEACHER = { email: 'teacher@logicode.local', password: 'teacher-demo-pass' };

/** Signs in over the API and returns the token with the user (for names and ids the browser will show). */
export async function apiSession(baseUrl: string, email: string, password: string): Promise<{ token: string; user: { id: number; name: string } }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string; user: { id: number; name: string } };
  return { token: body.accessToken, user: body.user };
}
