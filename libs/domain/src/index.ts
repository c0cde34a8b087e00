export * from './taxonomies.js';
export * from './roles.js';
export * from './eligibility.js';
export * from './calls.js';
export * from './contracts.js';
export * from './pairing-title.js';
export * from './plan-template.js';
export * from './plan-access.js';
