// The dependencies of @authlite/core alone, in one module graph as core loads them.

export * as store from '@authlite/store-memory';
export * as jose from 'jose';
export * as ky from 'ky';
export * as valibot from 'valibot';
