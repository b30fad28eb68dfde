export * from './organisations';
export * from './users';
export * from './audit-log';
export * from './notifications';
export * from './outbox';
export * from './challenges';
export * from './bids';
export * from './reviews';
