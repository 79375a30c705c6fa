import { describe, expect, it } from 'vitest';
import { didYouMean, nearMiss } from '../../src/shared/near-miss.js';

const options = ['apiKey', 'secretKey', 'orgId', 'baseUrl', 'widgetUrl', 'timeout', 'maxAge'];

describe('nearMiss', () => {
  it('matches ignoring case first', () => {
    expect(nearMiss('baseURL', options)).toBe('baseUrl');
    expect(nearMiss('APIKEY', options)).toBe('apiKey');
  });

  it('matches a cut-short name of four letters or more', () => {
    expect(nearMiss('revokeAll', ['revokeAllTokens'])).toBe('revokeAllTokens');
    expect(nearMiss('re', ['revokeAllTokens'])).toBeUndefined();
  });

  it('finds nothing for a name far from every option', () => {
    expect(nearMiss('retries', options)).toBeUndefined();
    expect(nearMiss('timout', options)).toBeUndefined();
    expect(didYouMean('retries', options)).toBe('');
    expect(didYouMean('orgID', options)).toBe(' (did you mean "orgId"?)');
  });
});
