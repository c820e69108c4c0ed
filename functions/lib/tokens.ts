import { createHash } from 'node:crypto';
import { EncryptJWT, SignJWT, jwtDecrypt, jwtVerify } from 'jose';
import { config } from './config';

const ISSUER = 'staff-home';
export const SESSION_TTL_SECONDS = 2 * 60 * 60;
const BINDING_TTL_SECONDS = 10 * 60;

const keyOf = (purpose: string) =>
  new Uint8Array(createHash('sha256').update(`${purpose}:${config().tokenSecret}`).digest());

/** A short-lived session: who the member is. Roles are read fresh from the table on every request. */
export async function issueSession(memberId: string): Promise<string> {
  return new SignJWT({ typ: 'session' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(memberId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_TTL_SECONDS}s`)
    .sign(keyOf('session'));
}

/** The member id in a valid session token, or undefined. */
export async function verifySession(token: string): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf('session'), { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
    return payload.typ === 'session' && typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

/** An encrypted token carrying a not-yet-bound openid through the binding step (the client can't read it). */
export async function issueBindingToken(openid: string): Promise<string> {
  return new EncryptJWT({ typ: 'binding', openid })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${BINDING_TTL_SECONDS}s`)
    .encrypt(keyOf('binding'));
}

export async function readBindingToken(token: string): Promise<string | undefined> {
  try {
    const { payload } = await jwtDecrypt(token, keyOf('binding'), { issuer: ISSUER, requiredClaims: ['exp'] });
    return payload.typ === 'binding' && typeof payload.openid === 'string' ? payload.openid : undefined;
  } catch {
    return undefined;
  }
}
