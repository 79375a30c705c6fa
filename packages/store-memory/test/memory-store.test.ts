import { describe, expect, it } from 'vitest';
import { createMemoryStore, MemoryRoleStore } from '../src/index.js';

describe('MemoryRoleStore', () => {
  it('is empty at first and returns what was set', () => {
    const store = createMemoryStore();
    expect(store.get('k')).toBeUndefined();
    store.set('k', { roles: [1, 2] });
    expect(store.get('k')).toEqual({ roles: [1, 2] });
    expect(store.size).toBe(1);
  });

  it('keeps copies: changing a value after set or get does not change the store', () => {
    const store = new MemoryRoleStore();
    const value = { roles: ['a'] };
    store.set('k', value);
    value.roles.push('b');
    (store.get('k') as { roles: string[] }).roles.push('c');
    expect(store.get('k')).toEqual({ roles: ['a'] });
  });

  it('overwrites, deletes, and keeps instances apart', () => {
    const a = new MemoryRoleStore();
    const b = new MemoryRoleStore();
    a.set('k', 1);
    a.set('k', 2);
    expect(a.get('k')).toBe(2);
    expect(b.get('k')).toBeUndefined();
    a.delete('k');
    expect(a.get('k')).toBeUndefined();
  });

  it('refuses a value that is not JSON', () => {
    expect(() => new MemoryRoleStore().set('k', undefined)).toThrow(TypeError);
  });
});
