import * as v from 'valibot';

/** A string of 1 to `max` characters, with the messages of every such argument and option. */
export const boundedString = /* @__NO_SIDE_EFFECTS__ */ (max: number): v.GenericSchema<string> =>
  /* @__PURE__ */ v.pipe(
    /* @__PURE__ */ v.string('a string'),
    /* @__PURE__ */ v.minLength(1, 'a non-empty string'),
    /* @__PURE__ */ v.maxLength(max, `at most ${max} characters`),
  );

/** 1 to `max` printable ASCII characters without spaces: every token, code and key TrustAuthX issues. */
export const visibleAscii = /* @__NO_SIDE_EFFECTS__ */ (max: number): v.GenericSchema<string> =>
  /* @__PURE__ */ v.pipe(
    boundedString(max),
    /* @__PURE__ */ v.check((input) => /^[\x21-\x7e]+$/.test(input), 'printable ASCII without spaces'),
  );

/** An optional `true` or `false`. */
export const optionalFlag: v.OptionalSchema<v.BooleanSchema<string>, undefined> = /* @__PURE__ */ v.optional(
  /* @__PURE__ */ v.boolean('true or false'),
);

/**
 * The check of an http or https URL: parsed by the URL standard and starting with `http:` or
 * `https:` (any case, nothing before it).
 */
export const httpUrl: v.CheckAction<string, string> = /* @__PURE__ */ v.check(
  (input) => /^https?:/i.test(input) && URL.canParse(input),
  'an http(s) URL',
);
