export * from './taxonomies.js';
export * from './roles.js';
export * from './eligibility.js';
export * from './calls.js';
export * from './contracts.js';
