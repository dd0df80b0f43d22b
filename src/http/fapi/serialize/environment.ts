import type { AttributeName, AttributeSettings, FrontendEnvironment } from '../../../frontend/environment.js';
import { ATTRIBUTE_NAMES } from '../../../frontend/environment.js';

/**
 * The Frontend API's `Client.Environment` (`GET /v1/environment`, and `PATCH` in development), as the FAPI spec
 * describes it. Clerk's components decide what to render from it: `user_settings.attributes` drives the sign-up
 * fields and the sign-in identifiers, `password_settings` the password hints, `display_config` the links.
 */

type Setting = 'on' | 'off' | 'required';

export interface AttributeJSON {
  enabled: boolean;
  required: boolean;
  used_for_first_factor: boolean;
  first_factors: string[];
  used_for_second_factor: boolean;
  second_factors: string[];
  verifications: string[];
  verify_at_sign_up: boolean;
  immutable: boolean;
}

export interface EnvironmentJSON {
  auth_config: Record<string, unknown> & { object: 'auth_config' };
  display_config: Record<string, unknown> & { object: 'display_config' };
  user_settings: Record<string, unknown> & { attributes: Record<AttributeName, AttributeJSON>; social: Record<string, SocialJSON> };
  organization_settings: Record<string, unknown>;
  fraud_settings: Record<string, unknown>;
  commerce_settings: Record<string, unknown>;
  api_keys_settings: Record<string, unknown>;
  client_debug_mode: boolean;
  partitioned_cookies: boolean;
  maintenance_mode: boolean;
}

/** One entry of `user_settings.social` (`UserSettings.Social`). */
export interface SocialJSON {
  enabled: boolean;
  required: boolean;
  authenticatable: boolean;
  block_email_subaddresses: boolean;
  strategy: string;
  not_selectable: boolean;
  deprecated: boolean;
  name: string;
  logo_url: string | null;
}

export interface EnvironmentJSONOptions {
  /** The absolute URL of a provider's logo (Roster serves them itself); none when absent. */
  providerLogoUrl?: (strategy: string) => string;
}

/** Clerk's default set of special characters a password may be required to contain (Roster requires none). */
const SPECIAL_CHARACTERS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function toAttributeJSON(attribute: AttributeSettings): AttributeJSON {
  return {
    enabled: attribute.enabled,
    required: attribute.required,
    used_for_first_factor: attribute.usedForFirstFactor,
    first_factors: [...attribute.firstFactors],
    used_for_second_factor: attribute.usedForSecondFactor,
    second_factors: [...attribute.secondFactors],
    verifications: [...attribute.verifications],
    verify_at_sign_up: attribute.verifyAtSignUp,
    immutable: false,
  };
}

function settingOf(attribute: AttributeSettings): Setting {
  if (attribute.required) return 'required';
  return attribute.enabled || attribute.usedForFirstFactor ? 'on' : 'off';
}

function toAuthConfigJSON(environment: FrontendEnvironment): EnvironmentJSON['auth_config'] {
  const { attributes } = environment;
  const identifiers = (['email_address', 'phone_number', 'username'] as const).filter((name) => attributes[name].usedForFirstFactor);
  return {
    object: 'auth_config',
    id: 'aac_roster',
    first_name: settingOf(attributes.first_name),
    last_name: settingOf(attributes.last_name),
    email_address: settingOf(attributes.email_address),
    phone_number: settingOf(attributes.phone_number),
    username: settingOf(attributes.username),
    password: settingOf(attributes.password),
    // Clerk's legacy summary: each inner list is "one of these"; every user needs one from each list.
    identification_requirements: [identifiers],
    identification_strategies: identifiers,
    first_factors: [...environment.firstFactors],
    second_factors: [...environment.secondFactors],
    email_address_verification_strategies: [...attributes.email_address.verifications],
    single_session_mode: environment.singleSessionMode,
    enhanced_email_deliverability: false,
    test_mode: environment.testMode,
    cookieless_dev: false,
    // Sessions travel in cookies on the FAPI's own site; Roster hands out no dev-browser token in URLs.
    url_based_session_syncing: false,
    claimed_at: null,
    // Roster does not ask for a fresh factor before sensitive profile changes.
    reverification: false,
    native_settings: {
      object: 'native_settings',
      api_enabled: false,
      trusted_device_sign_in_enabled: false,
      trusted_device_enrollment_prompt_after_sign_in_enabled: false,
      trusted_device_enrollment_prompt_after_sign_up_enabled: false,
    },
  };
}

function toDisplayConfigJSON(environment: FrontendEnvironment): EnvironmentJSON['display_config'] {
  const { urls } = environment;
  return {
    object: 'display_config',
    id: 'display_config_roster',
    instance_environment_type: environment.instanceType,
    application_name: environment.applicationName,
    theme: {},
    preferred_sign_in_strategy: 'password',
    logo_image_url: null,
    favicon_image_url: null,
    home_url: urls.home,
    sign_in_url: urls.signIn,
    sign_up_url: urls.signUp,
    user_profile_url: urls.userProfile,
    // No waitlist (sign-up is public or restricted): its links lead to the sign-up page.
    waitlist_url: urls.signUp,
    oauth_consent_url: urls.home,
    after_sign_in_url: urls.afterSignIn,
    after_sign_up_url: urls.afterSignUp,
    after_sign_out_one_url: urls.afterSignOut,
    after_sign_out_all_url: urls.afterSignOut,
    after_switch_session_url: urls.afterSignIn,
    after_join_waitlist_url: urls.home,
    organization_profile_url: urls.home,
    create_organization_url: urls.home,
    after_leave_organization_url: urls.home,
    after_create_organization_url: urls.home,
    logo_link_url: urls.home,
    support_email: environment.supportEmail,
    // `branded` adds Clerk's "Secured by Clerk" badge: not Clerk's service.
    branded: false,
    experimental_force_oauth_first: false,
    clerk_js_version: null,
    show_devmode_warning: environment.instanceType === 'development',
    google_one_tap_client_id: null,
    help_url: null,
    privacy_policy_url: null,
    terms_url: null,
    logo_url: null,
    favicon_url: null,
    logo_image: null,
    favicon_image: null,
    captcha_public_key: null,
    captcha_widget_type: null,
    captcha_public_key_invisible: null,
    captcha_provider: null,
    captcha_oauth_bypass: [],
    captcha_heartbeat: false,
  };
}

/**
 * `user_settings.social`, keyed by strategy: each provider enabled for sign-up and sign-in (`authenticatable`), which
 * makes clerk-ui's `<SignIn/>` and `<SignUp/>` show a "Continue with <name>" button and `<UserProfile/>` offer to
 * connect the account.
 */
function toSocialJSON(environment: FrontendEnvironment, options: EnvironmentJSONOptions): Record<string, SocialJSON> {
  return Object.fromEntries(
    environment.socialProviders.map(({ strategy, name }) => [
      strategy,
      {
        enabled: true,
        required: false,
        authenticatable: true,
        block_email_subaddresses: false,
        strategy,
        not_selectable: false,
        deprecated: false,
        name,
        logo_url: options.providerLogoUrl?.(strategy) ?? null,
      },
    ]),
  );
}

function toUserSettingsJSON(environment: FrontendEnvironment, options: EnvironmentJSONOptions): EnvironmentJSON['user_settings'] {
  const attributes = Object.fromEntries(ATTRIBUTE_NAMES.map((name) => [name, toAttributeJSON(environment.attributes[name])])) as Record<
    AttributeName,
    AttributeJSON
  >;
  const { password, lockout } = environment;
  const off = { enabled: false };
  return {
    attributes,
    social: toSocialJSON(environment, options),
    saml: off,
    enterprise_sso: off,
    sign_in: { second_factor: { required: false } },
    sign_up: {
      captcha_enabled: false,
      captcha_widget_type: 'smart',
      custom_action_required: false,
      // Clerk's current sign-up form: fields from `attributes.*.enabled/required`.
      progressive: true,
      mode: environment.signUpMode,
      legal_consent_enabled: false,
    },
    restrictions: {
      allowlist: { enabled: environment.allowlistEnabled },
      blocklist: { enabled: true },
      allowlist_blocklist_disabled_on_sign_in: off,
      // Subaddresses stay allowed: development's `+clerk_test` addresses depend on them.
      block_email_subaddresses: off,
      block_disposable_email_domains: off,
    },
    password_settings: {
      disable_hibp: !password.breachedPasswordsRefused,
      disable_password_reverification: false,
      min_length: password.minLength,
      max_length: password.maxLength,
      require_special_char: false,
      require_numbers: false,
      require_uppercase: false,
      require_lowercase: false,
      show_zxcvbn: false,
      min_zxcvbn_strength: 0,
      enforce_hibp_on_sign_in: false,
      allowed_special_characters: SPECIAL_CHARACTERS,
    },
    username_settings: {
      min_length: environment.username.minLength,
      max_length: environment.username.maxLength,
      allow_extended_special_characters: false,
      allow_numeric_usernames: false,
    },
    actions: {
      delete_self: environment.actions.deleteSelf,
      create_organization: environment.actions.createOrganization,
      create_organizations_limit: null,
    },
    attack_protection: {
      user_lockout: { enabled: lockout.enabled, max_attempts: lockout.maxAttempts, duration_in_minutes: lockout.durationInMinutes },
      pii: off,
      email_link: { require_same_client: false },
      enumeration_protection: off,
    },
    // clerk-ui's <SignIn/> shows "Use passkey" (show_sign_in_button) and offers passkeys in the identifier field's
    // autofill (allow_autofill). A passkey satisfies the second factor only when the authenticator verified the
    // person, which the sign-in decides per assertion, so it is not promised here.
    passkey_settings: {
      allow_autofill: environment.passkeys.enabled,
      show_sign_in_button: environment.passkeys.enabled,
      satisfies_second_factor: false,
    },
  };
}

/** `Client.Environment` for the Frontend API. */
export function toEnvironmentJSON(environment: FrontendEnvironment, options: EnvironmentJSONOptions = {}): EnvironmentJSON {
  const { organizations } = environment;
  const billingOff = { enabled: false, has_paid_plans: false };
  return {
    auth_config: toAuthConfigJSON(environment),
    display_config: toDisplayConfigJSON(environment),
    user_settings: toUserSettingsJSON(environment, options),
    organization_settings: {
      enabled: organizations.enabled,
      max_allowed_memberships: organizations.maxAllowedMemberships,
      actions: { admin_delete: true },
      domains: { enabled: false, enrollment_modes: [], default_role: organizations.defaultRole },
      slug: { disabled: false },
      creator_role: organizations.creatorRole,
    },
    fraud_settings: { object: 'fraud_settings', native: { device_attestation_mode: 'disabled' } },
    // clerk-js reads billing.user and billing.organization unguarded: both must be present.
    commerce_settings: {
      billing: { stripe_publishable_key: null, free_trial_requires_payment_method: false, user: billingOff, organization: billingOff },
    },
    api_keys_settings: { enabled: false, user_api_keys_enabled: false, orgs_api_keys_enabled: false },
    client_debug_mode: false,
    partitioned_cookies: false,
    maintenance_mode: false,
  };
}
