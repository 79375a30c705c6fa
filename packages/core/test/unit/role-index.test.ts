import { describe, expect, it } from 'vitest';
import { RoleIndex } from '../../src/roles/role-index.js';
import type { Role } from '../../src/schemas/answers.js';

const roles: Role[] = [
  {
    org_id: 'o',
    rol_id: 'rol_adm_0000000000000001',
    name: 'admin',
    permissions: [{ user: 'administration' }, { billing: 'write' }, { billing: 'read' }],
  },
  { org_id: 'o', rol_id: 'rol_vwr_0000000000000002', name: 'viewer', permissions: [{ reports: 'read' }] },
];
const [admin, viewer] = ['rol_adm_0000000000000001', 'rol_vwr_0000000000000002'];

describe('RoleIndex', () => {
  const index = new RoleIndex(roles);

  it('every permission of a role counts, not only the first', () => {
    expect(index.can(admin, 'user', 'administration')).toBe(true);
    expect(index.can(admin, 'billing', 'write')).toBe(true);
    expect(index.can(admin, 'billing', 'read')).toBe(true);
    expect(index.can(admin, 'billing', 'delete')).toBe(false);
    expect(index.can(viewer, 'billing', 'read')).toBe(false);
    expect(index.can('rol_zzz_0000000000000000', 'reports', 'read')).toBe(false);
  });

  it('answers the four query forms', () => {
    expect(index.count()).toBe(2);
    expect(index.permissionsOf(viewer)).toEqual([{ reports: 'read' }]);
    expect(index.permissionsOf('rol_zzz_0000000000000000')).toBeNull();
    expect(index.valuesOf(admin, 'billing')).toEqual(['write', 'read']);
    expect(index.valuesOf(viewer, 'billing')).toBeNull();
    expect(index.rolesWithKey('reports')).toEqual({ [viewer]: ['read'] });
    expect(Object.keys(index.all())).toEqual([admin, viewer]);
  });

  it('hands out copies: a caller changing a result changes nothing inside', () => {
    const list = index.permissionsOf(viewer) as Record<string, string>[];
    (list[0] as Record<string, string>)['reports'] = 'write';
    expect(index.permissionsOf(viewer)).toEqual([{ reports: 'read' }]);
  });
});
