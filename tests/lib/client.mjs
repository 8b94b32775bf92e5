// A small API client for black-box tests: keeps the session cookie and sends the CSRF token.
export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookie = '';
    this.csrf = '';
    this.user = null;
  }

  /** Sends a request; returns { status, body, headers }. `body` objects are sent as JSON. */
  async request(method, path, body, { headers = {}, raw = false } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload;
    if (body instanceof FormData || typeof body === 'string' || body instanceof Uint8Array) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = setCookie.match(/sl_session=([^;]*)/);
      if (m) this.cookie = m[1] ? `sl_session=${m[1]}` : '';
    }
    let data;
    if (raw) data = Buffer.from(await res.arrayBuffer());
    else {
      const text = await res.text();
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        data = text;
      }
    }
    if (data && data.csrf_token) this.csrf = data.csrf_token;
    if (data && data.user && data.csrf_token) this.user = data.user;
    return { status: res.status, body: data, headers: res.headers };
  }

  get(path, opts) {
    return this.request('GET', path, undefined, opts);
  }
  post(path, body, opts) {
    return this.request('POST', path, body ?? {}, opts);
  }
  put(path, body, opts) {
    return this.request('PUT', path, body, opts);
  }
  patch(path, body, opts) {
    return this.request('PATCH', path, body, opts);
  }
  del(path, opts) {
    return this.request('DELETE', path, undefined, opts);
  }

  /** Logs in with a password; throws unless it succeeds. */
  async login(login, password) {
    const r = await this.post('/api/v1/auth/login', { login, password });
    if (r.status !== 200) throw new Error(`login ${login} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.user;
  }
}

/** A solved captcha: { captcha_id, captcha_answer } read through the test-only route. */
export async function solvedCaptcha(client) {
  const c = await client.get('/api/v1/auth/captcha');
  const a = await client.get(`/api/v1/test/captcha/${c.body.id}`);
  return { captcha_id: c.body.id, captcha_answer: a.body.answer };
}

/** The demo committee's logins (README), by the short names tests use. */
export const DEMO_LOGINS = {
  admin: ['admin', 'Admin12345'],
  staff: ['tianwei', 'Staff12345'],
  committeeStaff: ['jingji', 'Staff12345'],
  group: ['minmeng', 'Group12345'],
  unit: ['fagaiju', 'Unit12345'],
  lead: ['fagaiju_lead', 'Unit12345'],
  other: ['minzhengju', 'Unit12345'],
  leader: ['zhuxi', 'Leader12345'],
  supervisor: ['ducha', 'Super12345'],
  member: ['13900000001', 'Member12345'],
};

/** Signed-in clients of `baseUrl` for the demo logins named in `names` (default: all), by name. */
export async function demoClients(baseUrl, names = Object.keys(DEMO_LOGINS)) {
  const out = {};
  for (const name of names) {
    out[name] = new Client(baseUrl);
    await out[name].login(...DEMO_LOGINS[name]);
  }
  return out;
}
