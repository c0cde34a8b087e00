import {
  resourceRights,
  statusOnSave,
  type ResourceStanding,
  type ResourceState,
} from './library.js';

const nobody: ResourceStanding = {
  programmeRole: null,
  pairingRole: null,
  ownSide: false,
  author: false,
};
const author: ResourceStanding = { ...nobody, author: true, pairingRole: 'editor', ownSide: true };
const officer: ResourceStanding = { ...nobody, programmeRole: 'officer' };
const member: ResourceStanding = { ...nobody, pairingRole: 'viewer' };
const cityEditor: ResourceStanding = { ...nobody, pairingRole: 'editor', ownSide: true };
const partnerCoordinator: ResourceStanding = { ...nobody, pairingRole: 'coordinator' };

const item = (over: Partial<ResourceState> = {}): ResourceState => ({
  level: 'programme',
  status: 'submitted',
  deleted: false,
  ...over,
});

describe('resourceRights', () => {
  it('shows a programme item to everyone only once published; before, to its author and staff', () => {
    expect(resourceRights(nobody, item()).read).toBe(false);
    expect(resourceRights(author, item()).read).toBe(true);
    expect(resourceRights(officer, item()).read).toBe(true);
    for (const status of ['changes_requested', 'rejected'] as const)
      expect(resourceRights(nobody, item({ status })).read).toBe(false);
    expect(resourceRights(nobody, item({ status: 'published' })).read).toBe(true);
  });

  it("shows a pairing item to the pairing's members and staff, not to others", () => {
    const pairing = item({ level: 'pairing', status: 'shared' });
    expect(resourceRights(member, pairing).read).toBe(true);
    expect(resourceRights(officer, pairing).read).toBe(true);
    expect(resourceRights(nobody, pairing).read).toBe(false);
  });

  it("keeps a side item to its city's team and author: not the partner city, not staff", () => {
    const side = item({ level: 'side', status: 'shared' });
    expect(resourceRights(cityEditor, side).read).toBe(true);
    expect(resourceRights(author, side).read).toBe(true);
    expect(resourceRights(partnerCoordinator, side).read).toBe(false);
    expect(resourceRights(officer, side).read).toBe(false);
  });

  it("lets the author and their city's writers edit; staff edit programme items only", () => {
    const side = item({ level: 'side', status: 'shared' });
    expect(resourceRights(author, side).edit).toBe(true);
    expect(resourceRights(cityEditor, side).edit).toBe(true);
    expect(resourceRights({ ...cityEditor, pairingRole: 'viewer' }, side).edit).toBe(false);
    expect(resourceRights(officer, item()).edit).toBe(true);
    expect(resourceRights(officer, item({ level: 'pairing', status: 'shared' })).edit).toBe(false);
    expect(resourceRights(member, item({ level: 'pairing', status: 'shared' })).edit).toBe(false);
  });

  it('lets staff outside the pairing review submitted programme items, and feature published ones', () => {
    expect(resourceRights(officer, item()).review).toBe(true);
    expect(resourceRights(officer, item({ status: 'published' })).review).toBe(false);
    expect(resourceRights(officer, item({ status: 'published' })).feature).toBe(true);
    expect(resourceRights(officer, item()).feature).toBe(false);
    expect(resourceRights(author, item()).review).toBe(false);
    expect(resourceRights({ ...officer, pairingRole: 'viewer' }, item()).review).toBe(false);
  });

  it('puts a deleted item out of reach but for its author and staff, who may restore it', () => {
    const deleted = item({ status: 'published', deleted: true });
    expect(resourceRights(nobody, deleted)).toMatchObject({ read: false, restore: false });
    expect(resourceRights(author, deleted)).toMatchObject({
      read: true,
      restore: true,
      edit: false,
      delete: false,
    });
    expect(resourceRights(officer, deleted).restore).toBe(true);
    expect(resourceRights(cityEditor, { ...deleted, level: 'side' }).restore).toBe(false);
  });
});

describe('statusOnSave', () => {
  it('shares pairing and side items at once', () => {
    expect(statusOnSave('pairing', null)).toBe('shared');
    expect(statusOnSave('side', 'published')).toBe('shared');
  });

  it('submits new, changed-on-request and rejected programme items; published ones stay published', () => {
    expect(statusOnSave('programme', null)).toBe('submitted');
    expect(statusOnSave('programme', 'shared')).toBe('submitted');
    expect(statusOnSave('programme', 'changes_requested')).toBe('submitted');
    expect(statusOnSave('programme', 'rejected')).toBe('submitted');
    expect(statusOnSave('programme', 'published')).toBe('published');
  });
});
