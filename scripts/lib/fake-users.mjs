// Realistic, reproducible fake users for `npm run seed` and `npm run bench`. User number `i` always gets the
// same names, identifiers, flags and timestamps (everything is derived from `i` by a hash), except the ids,
// which newId draws at random. Identifiers are unique by construction: every email local part, username and
// phone number ends in (or is) a bijective scramble of `i`, so no set of seen values is kept in memory.
//
// What the benchmarks rely on (see npm run bench):
// - last name "Hopper" for 10 % of users, so `query=hopper` matches about 10 %;
// - "Grace" and "Turing" about 1 % each, so `name_query=grace turing` matches about 0.01 %;
// - "Lovelace" about 0.1 %, so `email_address_query=ovelace12` matches a handful (emails end in scrambled numbers);
// - about 70 % with a phone (valid E.164 per libphonenumber-js/max), 2 % banned, a few locked.

const FIRST_NAMES = `James Mary Michael Patricia John Jennifer Robert Linda David Elizabeth William Barbara Richard Susan Joseph
Jessica Thomas Sarah Christopher Karen Charles Lisa Daniel Nancy Matthew Sandra Grace Anthony Ashley Mark Emily Donald
Kimberly Steven Donna Andrew Michelle Paul Carol Joshua Amanda Kenneth Melissa Kevin Deborah Brian Stephanie Timothy
Rebecca Ronald Laura George Sharon Jason Cynthia Edward Kathleen Jeffrey Helen Ryan Amy Jacob Anna Nicholas Angela Gary
Shirley Eric Brenda Jonathan Emma Stephen Pamela Larry Nicole Justin Samantha Scott Katherine Brandon Christine Benjamin
Debra Samuel Rachel Gregory Carolyn Alexander Janet Patrick Maria Frank Olivia Raymond Heather Jack Diane Dennis Julie
Jerry Joyce Tyler Victoria Aaron Ruth José Virginia Adam Lauren Nathan Kelly Henry Christina Zachary Joan Douglas Evelyn
Peter Judith Kyle Andrea Noah Hannah Ethan Megan Jeremy Cheryl Walter Jacqueline Christian Martha Keith Madison Roger
Teresa Terry Gloria Austin Sara Sean Janice Gerald Abigail Carl Ann Harold Kathryn Dylan Sophia Arthur Frances Lawrence
Jean Jordan Alice Jesse Judy Bryan Isabella Billy Julia Bruce Marie Gabriel Amber Joe Denise Logan Danielle Alan Beverly
Juan Charlotte Albert Natalie Willie Diana Elijah Brittany Wayne Kayla Randy Alexis Mason Lori Vincent Zoë Liam Chloé
Lukas Léa Mateo Camila Sofia Lucas Mia Leon Hugo Elena Yuki Haruto Aiko Wei Ming Priya Arjun Ananya Rohan Fatima Omar
Amira Yusuf Zeynep Emre Ingrid Lars Astrid Sven Mikko Aino Pierre Camille Chiara Giulia Marco Luca Pablo Lucía Diego
Valentina Thiago Beatriz João Inês Kwame Amara Chidi Ngozi Tariq Leila Dmitri Olga Ivan Katarzyna Piotr Björn Renée
Ada Edsger Linus Bjarne Guido Radia Hedy Barbara Margaret Dorothy Frances Shafi Leslie Whitfield Niklaus Tim Vint`
  .split(/\s+/)
  .filter((name, index, all) => all.indexOf(name) === index);

const LAST_NAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Turing Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell
Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook
Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks
Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez
Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Fisher Vasquez Simmons Romero Jordan
Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran
Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernández McDonald Woods Washington Kennedy Wells
Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder
Mason Dixon Muñoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice
Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold
Müller Schneider Fischer Weber Becker Dubois Lefèvre Moreau Rossi Russo Ferrari Esposito Bianchi Yamamoto Tanaka Suzuki
Watanabe Sato Wang Li Zhang Liu Singh Kumar Sharma Gupta Nowak Kowalski Novak Horvat Jensen Nielsen Andersson Johansson
Virtanen Korhonen O'Brien Okafor Mensah Diallo Haddad Yılmaz Kaya Ivanov Petrov Popescu Oliveira Souza Pereira
Berners-Lee Ritchie Kernighan Stroustrup Liskov Dijkstra Knuth Backus Torvalds Lovelace Lamarr Perlman Goldberg Wirth`
  .split(/\s+/)
  .filter((name, index, all) => all.indexOf(name) === index && name !== 'Hopper');

const EMAIL_DOMAINS = weighted([
  ['example.com', 30], ['example.org', 12], ['example.net', 10], ['mail.example', 10], ['inbox.example', 8],
  ['post.example', 6], ['acme.test', 5], ['globex.test', 5], ['initech.test', 4], ['umbrella.test', 4],
  ['hooli.test', 3], ['piedpiper.test', 3],
]);
/** Second addresses use other domains than first ones, so the two sets can never collide. */
const WORK_DOMAINS = ['work.example', 'corp.example', 'staff.test'];
const LOCALES = ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'pt-BR', 'ja-JP', 'it-IT', 'nl-NL', 'pl-PL'];
const PLANS = weighted([['free', 60], ['pro', 25], ['team', 10], ['enterprise', 5]]);
const SOURCES = ['organic', 'ads', 'referral', 'newsletter', 'partner'];

/**
 * Phone numbering plans: number `n` (below 10^8) → a valid E.164 number (libphonenumber-js/max), distinct for
 * distinct `n` within a plan (each plan has room for at least 10^8 numbers; ranges checked prefix by prefix).
 */
const US_AREA_CODES = [201, 202, 206, 212, 213, 214, 305, 310, 312, 404, 408, 415, 503, 512, 602, 617, 646, 702, 713, 718, 720, 801, 917, 919];
const digits = (value, width) => String(value).padStart(width, '0');
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
/** `prefixes[n mod P]` followed by `width` digits of `n div P`. */
const block = (prefixes, width) => (n) => `${prefixes[n % prefixes.length]}${digits(Math.floor(n / prefixes.length) % 10 ** width, width)}`;
const PHONE_PLANS = weighted([
  // +1 NPA NXX XXXX: any exchange 200–999 of these area codes (24 × 8,000,000 numbers).
  [(n) => `+1${US_AREA_CODES[n % 24]}${200 + Math.floor(Math.floor(n / 24) / 10_000) % 800}${digits(Math.floor(n / 24) % 10_000, 4)}`, 55],
  // UK mobile 074, 075, 078 (077 and 079 hold unallocated and drama-reserved blocks).
  [block(['+4474', '+4475', '+4478'], 8), 12],
  // German mobile 0151, 0160, 0170, 0171, 0176, with 8 digits after the prefix.
  [block(['+49151', '+49160', '+49170', '+49171', '+49176'], 8), 10],
  // French mobile 06 10–38, 06 40–89 and 07 30–99 (06 39 and 06 9x are not allocated, nor 07 00–29).
  [block([...range(10, 38), ...range(40, 89)].map((p) => `+336${p}`).concat(range(30, 99).map((p) => `+337${p}`)), 6), 8],
  // Indian mobile 98xxx xxxxx.
  [block(['+9198'], 8), 8],
  // Spanish mobile 6xx xxx xxx.
  [block(['+346'], 8), 7],
]);

const FIRST = zipf(FIRST_NAMES);
const LAST = zipf(LAST_NAMES);
const DAY_MS = 86_400_000;
const SPAN_MS = 3 * 365 * DAY_MS;

/**
 * A factory of fake users. `newId` is Roster's (`lib/ids.ts`); `total` the users of this run and `startIndex`
 * the number of the first (a later `--append` run continues the numbering, so identifiers stay unique);
 * `nowMs` the instant "now" is (users are spread over the three years before it); `passwordDigest` an
 * argon2id digest given to `passwordShare` of the users (none without it).
 */
export function createUserFactory({ newId, total, startIndex = 0, nowMs = Date.now(), passwordDigest = null, passwordShare = 0 }) {
  // Numbers in emails and usernames: a bijection of [0, modulus) that looks random, so "lovelace12" is rare.
  const modulus = 10 ** Math.max(7, String(startIndex + total).length);
  const scramble = (i) => (i * 7_919_777 + 1_234_567) % modulus; // 7919777 is coprime with 10, so this is a bijection
  // Phone numbers: another bijection, of [0, 10^8), so numbers do not run in sequence (each plan holds 10^8).
  const phoneNumber = (i) => (i * 48_271 + 3_141_592) % 100_000_000;
  const firstCreatedAt = nowMs - SPAN_MS;

  /** User number `i` (from startIndex to startIndex + total - 1): `{ user, identifications }`. */
  return function userAt(i) {
    const r = (salt) => unit(i, salt);
    const n = scramble(i);
    const firstName = FIRST(r(1));
    const lastName = r(2) < 0.1 ? 'Hopper' : LAST(r(3));
    const first = asciiLower(firstName);
    const last = asciiLower(lastName);
    // Sign-ups accelerate: the density of created_at grows linearly over the three years (and i stays in time order).
    const createdAt = Math.floor(firstCreatedAt + SPAN_MS * Math.sqrt((i - startIndex + 0.5) / total));
    const age = nowMs - createdAt;
    const updatedAt = createdAt + Math.floor(age * r(4) ** 2);
    const lastActiveAt = r(5) < 0.85 ? createdAt + Math.floor(age * (1 - r(6) ** 3)) : null;
    const lastSignInAt = lastActiveAt !== null && r(7) < 0.9 ? lastActiveAt - Math.floor((lastActiveAt - createdAt) * r(8) * 0.3) : null;

    const identifications = [];
    const add = (type, identifier, verified = 1) =>
      identifications.push({
        id: newId('idn', createdAt),
        user_id: '',
        type,
        identifier,
        verified,
        reserved: 0,
        reserved_for_second_factor: 0,
        default_second_factor: 0,
        position: identifications.length,
        created_at: createdAt,
        updated_at: createdAt,
      });
    const style = r(9);
    const local =
      style < 0.4 ? `${first}.${last}${n}` : style < 0.6 ? `${first[0]}${last}${n}` : style < 0.75 ? `${first}${n}` : style < 0.9 ? `${last}.${first}${n}` : `${first}_${last}${n}`;
    add('email_address', `${local}@${EMAIL_DOMAINS(r(10))}`);
    if (r(11) < 0.05) add('email_address', `${first}.${last}${n}@${WORK_DOMAINS[i % WORK_DOMAINS.length]}`, r(12) < 0.8 ? 1 : 0);
    if (r(13) < 0.7) add('phone_number', PHONE_PLANS(r(14))(phoneNumber(i)));
    if (r(15) < 0.005) add('web3_wallet', `0x${hex(i, 16)}${hex(i, 17)}${hex(i, 18)}${hex(i, 19)}${(i >>> 0).toString(16).padStart(8, '0')}`);

    const usernameStyle = r(16);
    const username =
      usernameStyle >= 0.4 ? null : usernameStyle < 0.15 ? `${first}_${last}${n}` : usernameStyle < 0.3 ? `${capitalize(first)}${capitalize(last[0] ?? 'x')}${n}` : `${last}${first[0]}${n}`;
    const primary = (type) => identifications.find((row) => row.type === type && row.verified === 1) ?? null;
    const banned = r(20) < 0.02 ? 1 : 0;
    const hasPassword = passwordDigest !== null && r(21) < passwordShare;
    const userId = newId('user', createdAt);
    for (const row of identifications) row.user_id = userId;

    const user = {
      id: userId,
      external_id: r(22) < 0.3 ? `crm-${(i + 1).toString(36).padStart(6, '0')}` : null,
      username,
      username_normalized: username?.toLowerCase() ?? null,
      first_name: r(23) < 0.97 ? firstName : null,
      last_name: r(24) < 0.95 ? lastName : null,
      locale: r(25) < 0.2 ? LOCALES[Math.floor(r(26) * LOCALES.length)] : null,
      password_digest: hasPassword ? passwordDigest : null,
      password_hasher: hasPassword ? 'argon2id' : null,
      password_last_updated_at: hasPassword ? createdAt : null,
      public_metadata: r(27) < 0.3 ? JSON.stringify({ plan: PLANS(r(28)), onboarded: r(29) < 0.8 }) : '{}',
      private_metadata: r(30) < 0.15 ? JSON.stringify({ stripe_customer_id: `cus_${hex(i, 31)}${hex(i, 32)}`.slice(0, 18) }) : '{}',
      unsafe_metadata: r(33) < 0.1 ? JSON.stringify({ theme: r(34) < 0.6 ? 'dark' : 'light', signup_source: SOURCES[i % SOURCES.length] }) : '{}',
      primary_email_address_id: primary('email_address')?.id ?? null,
      primary_email_address: primary('email_address')?.identifier ?? null,
      primary_phone_number_id: primary('phone_number')?.id ?? null,
      primary_phone_number: primary('phone_number')?.identifier ?? null,
      primary_web3_wallet_id: primary('web3_wallet')?.id ?? null,
      primary_web3_wallet: primary('web3_wallet')?.identifier ?? null,
      banned,
      locked_at: !banned && r(35) < 0.002 ? nowMs - Math.floor(r(36) * 1_800_000) : null,
      failed_verification_attempts: 0,
      delete_self_enabled: 1,
      create_organization_enabled: 1,
      create_organizations_limit: null,
      bypass_client_trust: 0,
      legal_accepted_at: r(37) < 0.3 ? createdAt : null,
      last_sign_in_at: lastSignInAt,
      last_active_at: lastActiveAt,
      sessions_revoked_at: null,
      totp_verified: 0,
      mfa_active: 0,
      created_at: createdAt,
      updated_at: Math.max(updatedAt, lastSignInAt ?? 0),
    };
    return { user, identifications };
  };
}

/** A deterministic number in [0, 1) for user `i` and attribute `salt` (a 32-bit integer hash). */
function unit(i, salt) {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

const hex = (i, salt) => Math.floor(unit(i, salt) * 4_294_967_296).toString(16).padStart(8, '0');
const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** The name as it can appear in an email or username: accents dropped, lower-cased, letters only. */
function asciiLower(name) {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Picks from `[value, weight]` pairs by a number in [0, 1). */
function weighted(pairs) {
  const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
  const bounds = [];
  let running = 0;
  for (const [value, weight] of pairs) bounds.push([(running += weight) / total, value]);
  return (u) => (bounds.find(([bound]) => u < bound) ?? bounds[bounds.length - 1])[1];
}

/** Picks from a list ranked by popularity: the name at rank k is chosen with weight 1 / (k + 10). */
function zipf(names) {
  return weighted(names.map((name, rank) => [name, 1 / (rank + 10)]));
}
