// A consumer nobody here wrote: panva's `jose`, configured as its README says, with our issuer and our JWK Set URL.
// Usage: node verify-with-jose.mjs ISSUER AUDIENCE TOKEN...
// Prints one JSON line per token: {"ok":true,"sub":...,"groups":[...]} or {"ok":false,"code":"ERR_..."}.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [issuer, audience, ...tokens] = process.argv.slice(2);
const keys = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
for (const token of tokens) {
  try {
    const { payload, protectedHeader } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['ES256'] });
    console.log(JSON.stringify({ ok: true, sub: payload.sub, groups: payload.groups, kid: protectedHeader.kid }));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, code: error.code ?? error.name }));
  }
}
