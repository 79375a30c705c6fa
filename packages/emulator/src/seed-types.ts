/**
 * The seed: everything the emulator starts with (and returns to on
 * `POST /__emulator/reset`). A JSON seed file has exactly this shape.
 */
export interface EmulatorSeed {
  /** Access token lifetime in seconds (default 3600). */
  access_token_ttl_s?: number;
  /** Refresh token lifetime in seconds (default 2 592 000 = 30 days). */
  refresh_token_ttl_s?: number;
  /** At least one organisation; the first is the default one (CLI output, `X-EDGE` of control routes). */
  organisations: SeedOrganisation[];
}

/** One organisation (tenant) of the seed. */
export interface SeedOrganisation {
  /** 64 lowercase hex characters. */
  org_id: string;
  /** 32 lowercase hex characters followed by 20 uppercase letters. */
  api_key: string;
  /** 64 lowercase hex characters; the HS256 key of signed_key and of signed answers. */
  secret_key: string;
  /** Display name (optional). */
  name?: string;
  /** Absolute http(s) URL the login widget redirects to with `?code=`. */
  callback_url: string;
  /** Users of the organisation (default none). */
  users?: SeedUser[];
  /** Roles of the organisation (default none). */
  roles?: SeedRole[];
}

/** One user of the seed. */
export interface SeedUser {
  /** Unique user id within the organisation. */
  uid: string;
  /** Unique (case-insensitive) email within the organisation. */
  email: string;
  /** Display name (default: the email's local part). */
  name?: string;
  /** Profile image URL (default a placeholder). */
  img?: string;
  /** Ids of roles of the same organisation (default none). */
  roles?: string[];
}

/** One role of the seed. */
export interface SeedRole {
  /** `rol_<3 alphanumerics>_<16 lowercase hex>`. */
  rol_id: string;
  name: string;
  /** One-entry objects `{ key: value }`; the same key may appear with several values. */
  permissions: Record<string, string>[];
}

/** The credentials of one organisation, as a client needs them. */
export interface EmulatorOrgCredentials {
  /** 64 lowercase hex characters. */
  org_id: string;
  /** Sent as the `api_key` query parameter on every call. */
  api_key: string;
  /** HS256 key (UTF-8 bytes) of signed_key and of the signed answers; never sent. */
  secret_key: string;
  /** Where the login widget sends the browser back with `?code=`. */
  callback_url: string;
}
