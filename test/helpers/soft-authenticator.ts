import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/** CBOR values the attestation object and COSE key need: unsigned and negative integers, bytes, text, maps. */
type CBORValue = number | string | Uint8Array | Map<CBORValue, CBORValue>;

function cborHead(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  const head = Buffer.alloc(5);
  head[0] = (major << 5) | 26;
  head.writeUInt32BE(length, 1);
  return head;
}

/** A minimal CBOR encoder (RFC 8949), enough for `fmt: none` attestation objects and COSE EC2 keys. */
export function encodeCBOR(value: CBORValue): Buffer {
  if (typeof value === 'number') return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([cborHead(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), Buffer.from(value)]);
  const parts: Buffer[] = [cborHead(5, value.size)];
  for (const [key, item] of value) parts.push(encodeCBOR(key), encodeCBOR(item));
  return Buffer.concat(parts);
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64url = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');

/** Flags of authenticatorData: user present, user verified, attested credential data included. */
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface CeremonyOptions {
  /** The page origin named in clientDataJSON. @default http://localhost:5173 */
  origin?: string;
  /** The relying party id hashed into authenticatorData. @default the options' rp id, else localhost */
  rpId?: string;
  /** Whether the authenticator verified the person (the UV flag). @default true */
  userVerified?: boolean;
}

/**
 * A software WebAuthn authenticator holding one ES256 passkey: answers creation options with a `none` attestation
 * and request options with a signed assertion, as clerk-js's `public_key_credential` (JSON text). Its signature
 * counter goes up by one per assertion; `counter` can be set to play a cloned authenticator.
 */
export function createSoftAuthenticator(defaults: { origin?: string } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const credentialId = randomBytes(32);
  const state = { counter: 0, userHandle: '' };
  const origin = (options: CeremonyOptions) => options.origin ?? defaults.origin ?? 'http://localhost:5173';

  function coseKey(key: KeyObject): Buffer {
    const jwk = key.export({ format: 'jwk' });
    return encodeCBOR(
      new Map<CBORValue, CBORValue>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
  }

  function authenticatorData(rpId: string, flags: number, attested: Buffer | null): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(state.counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  const clientData = (type: string, challenge: string, options: CeremonyOptions) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: origin(options), crossOrigin: false }));

  return {
    /** base64url of the credential id. */
    credentialId: b64url(credentialId),

    /** The signature counter the next assertion will exceed (set lower to play a clone of an earlier state). */
    get counter() {
      return state.counter;
    },
    set counter(value: number) {
      state.counter = value;
    },

    /** Answers `navigator.credentials.create` for creation options (the JSON a passkey's nonce carries). */
    register(creation: { challenge: string; rp: { id?: string }; user: { id: string } }, options: CeremonyOptions = {}): string {
      const rpId = options.rpId ?? creation.rp.id ?? 'localhost';
      state.userHandle = creation.user.id;
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, coseKey(publicKey)]);
      const flags = FLAG_UP | FLAG_AT | (options.userVerified === false ? 0 : FLAG_UV);
      const attestationObject = encodeCBOR(
        new Map<CBORValue, CBORValue>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authenticatorData(rpId, flags, attested)],
        ]),
      );
      return JSON.stringify({
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key',
        response: { clientDataJSON: b64url(clientData('webauthn.create', creation.challenge, options)), attestationObject: b64url(attestationObject), transports: ['internal'] },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      });
    },

    /** Answers `navigator.credentials.get` for request options (the JSON a sign-in's nonce carries). */
    assert(request: { challenge: string; rpId?: string }, options: CeremonyOptions = {}): string {
      const rpId = options.rpId ?? request.rpId ?? 'localhost';
      state.counter += 1;
      const flags = FLAG_UP | (options.userVerified === false ? 0 : FLAG_UV);
      const authData = authenticatorData(rpId, flags, null);
      const clientDataJSON = clientData('webauthn.get', request.challenge, options);
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), { key: privateKey, dsaEncoding: 'der' });
      return JSON.stringify({
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key',
        response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: state.userHandle },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      });
    },
  };
}

export type SoftAuthenticator = ReturnType<typeof createSoftAuthenticator>;
